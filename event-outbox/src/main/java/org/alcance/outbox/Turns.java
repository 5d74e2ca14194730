package org.alcance.outbox;

import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Lets the writes of one aggregate within this process take turns: each starts when the one before
 * it has ended (or was cancelled). Writers that share a process then never lose a race to each other
 * and decide again; the conditional write still guards against writers in other processes.
 */
final class Turns {

    private final ConcurrentHashMap<String, Mono<Void>> last = new ConcurrentHashMap<>();

    <T> Mono<T> inTurn(String key, Mono<T> work) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> ended = Sinks.empty();
            Mono<Void> mine = ended.asMono();
            Mono<Void> before = last.put(key, mine);
            return (before == null ? work : before.then(work)).doFinally(signal -> {
                last.remove(key, mine);
                ended.tryEmitEmpty();
            });
        });
    }
}
