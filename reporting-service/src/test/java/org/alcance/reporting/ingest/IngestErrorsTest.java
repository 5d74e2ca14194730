package org.alcance.reporting.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.time.Duration;
import org.alcance.events.InvalidEventException;
import org.alcance.reporting.projection.ProjectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

class IngestErrorsTest {

    @Test
    void shouldTreatMongoDbUnavailableAsWorthWaitingForHoweverDeepTheCause() {
        assertThat(IngestErrors.databaseUnavailable(new ListenerExecutionFailedException("listener",
                new DataAccessResourceFailureException("down", new MongoTimeoutException("no server"))))).isTrue();
        assertThat(IngestErrors.databaseUnavailable(new IllegalStateException(
                new MongoSocketOpenException("refused", new ServerAddress())))).isTrue();
    }

    @Test
    void shouldNotTreatPoisonOrProjectionErrorsAsTheDatabaseBeingDown() {
        assertThat(IngestErrors.databaseUnavailable(new ListenerExecutionFailedException("listener",
                new InvalidEventException("ce_time is missing")))).isFalse();
        assertThat(IngestErrors.databaseUnavailable(new ProjectionException("other office"))).isFalse();
    }

    @Test
    void shouldRetryWithoutLimitAndNoLongerThanTheMaximumBackoffWhileTheDatabaseIsDown() {
        BackOffExecution execution = IngestErrors.untilTheDatabaseIsBack(Duration.ofMillis(500), Duration.ofSeconds(10))
                .start();
        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).as("attempt %d", attempt).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(10_000);
        }
        assertThat(last).isEqualTo(10_000);
    }
}
