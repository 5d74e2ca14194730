package org.alcance.reporting.ingest;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.alcance.events.InvalidEventException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a record whose application failed (docs/architecture.md, "Reporting"). The listener names the record in a
 * {@link BatchListenerFailedException}: the poll's records before it are committed, and those after it come
 * again once it is settled, by a retry that applies it or by the dead-letter topic:
 * <ul>
 * <li>not a valid event ({@link InvalidEventException}, which includes an unknown type, malformed JSON and a
 * missing header): straight to the dead-letter topic, since no retry can fix it;</li>
 * <li>MongoDB unavailable: retried with backoff without limit, so the offset never moves past an event that
 * was not applied;</li>
 * <li>anything else: three tries, then the dead-letter topic.</li>
 * </ul>
 * Every dead-lettered record is logged and counted; the error travels in the standard
 * {@code kafka_dlt-exception-*} headers next to the original CloudEvents headers.
 */
final class IngestErrors {

    static final String DEAD_LETTER_TOPIC = "alcance.reporting.dlt.v1";
    static final int TRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(IngestErrors.class);

    private IngestErrors() {
    }

    static CommonErrorHandler handler(KafkaOperations<?, ?> kafka, MeterRegistry meters, Duration retryInterval,
            Duration maxDatabaseBackoff) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, error) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
            Throwable cause = rootOfListenerFailure(error);
            log.error("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                    record.key(), cause.toString());
            deadLetters.accept(record, cause instanceof Exception exception ? exception : error);
            meters.counter("alcance.reporting.events.deadlettered", "exception", cause.getClass().getSimpleName())
                    .increment();
        }, new FixedBackOff(retryInterval.toMillis(), TRIES - 1));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setBackOffFunction((record, error) -> databaseUnavailable(error) ? untilTheDatabaseIsBack(
                retryInterval, maxDatabaseBackoff) : null);
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        return handler;
    }

    /** MongoDB down or unreachable: worth waiting for, however long it takes. */
    static boolean databaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    static BackOff untilTheDatabaseIsBack(Duration initial, Duration max) {
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(max.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    /** The record's own failure, without the listener's wrappers around it. */
    private static Throwable rootOfListenerFailure(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null
                && (t instanceof ListenerExecutionFailedException || t instanceof BatchListenerFailedException)) {
            t = t.getCause();
        }
        return t;
    }

}
