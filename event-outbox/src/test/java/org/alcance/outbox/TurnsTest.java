package org.alcance.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class TurnsTest {

    private final Turns turns = new Turns(Duration.ofMillis(200));
    private final List<String> started = new CopyOnWriteArrayList<>();

    @Test
    void shouldStartAWriteOfAnAggregateOnlyWhenTheOneBeforeItHasEnded() {
        Sinks.One<String> first = Sinks.one();
        turns.inTurn("GT", work("first", first.asMono())).subscribe();
        turns.inTurn("GT", work("second", Mono.just("done"))).subscribe();
        turns.inTurn("HN", work("other aggregate", Mono.just("done"))).subscribe();
        assertThat(started).containsExactly("first", "other aggregate");

        first.tryEmitError(new IllegalStateException("refused"));
        assertThat(started).containsExactly("first", "other aggregate", "second");
    }

    @Test
    void shouldLetTheNextWriteGoWhenOneIsCancelledWhileItWaits() {
        Sinks.One<String> first = Sinks.one();
        turns.inTurn("GT", work("first", first.asMono())).subscribe();
        Disposable abandoned = turns.inTurn("GT", work("abandoned", Mono.just("done"))).subscribe();
        turns.inTurn("GT", work("third", Mono.just("done"))).subscribe();

        abandoned.dispose();
        assertThat(started).containsExactly("first", "third");
        first.tryEmitValue("done");
        assertThat(started).containsExactly("first", "third");
        assertThat(turns.inTurn("GT", work("later", Mono.just("done"))).block()).isEqualTo("done");
    }

    @Test
    void shouldLetTheNextWriteGoWhenTheOneBeforeItTakesTooLong() {
        turns.inTurn("GT", work("hanging", Mono.never())).subscribe();
        assertThat(turns.inTurn("GT", work("next", Mono.just("done"))).block(Duration.ofSeconds(5))).isEqualTo("done");
        assertThat(started).containsExactly("hanging", "next");
    }

    private Mono<String> work(String name, Mono<String> outcome) {
        return Mono.defer(() -> {
            started.add(name);
            return outcome;
        });
    }
}
