package org.alcance.outbox;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Lets the writes of one aggregate within this process take turns: each starts when the one before
 * it has ended or was cancelled, or after waiting {@code longestWait} for it. Writers that share a
 * process then do not lose races to each other and decide again; the conditional write still guards
 * against writers in other processes, and against one whose turn came by waiting too long.
 */
final class Turns {

    private final ConcurrentHashMap<String, Mono<Void>> last = new ConcurrentHashMap<>();
    private final Duration longestWait;

    Turns(Duration longestWait) {
        this.longestWait = longestWait;
    }

    <T> Mono<T> inTurn(String key, Mono<T> work) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> ended = Sinks.empty();
            Mono<Void> mine = ended.asMono();
            Mono<Void> before = last.put(key, mine);
            // a write that hangs holds up the ones behind it only so long
            return (before == null ? work : before.timeout(longestWait, Mono.empty()).then(work)).doFinally(signal -> {
                last.remove(key, mine);
                ended.tryEmitEmpty();
            });
        });
    }
}
