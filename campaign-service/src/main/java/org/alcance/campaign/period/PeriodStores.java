package org.alcance.campaign.period;

import java.time.Clock;
import org.alcance.outbox.Aggregate;
import org.alcance.outbox.AggregateWriter;
import org.alcance.outbox.Outbox;
import org.alcance.web.Problem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;

/** The schedule's and the periods' writers: each change one conditional write with its events (see {@link AggregateWriter}). */
@Configuration(proxyBeanMethods = false)
class PeriodStores {

    @Bean
    Store<ReportingSchedule> scheduleStore(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
        return new Store<>(ReportingSchedule.class, ReportingSchedule.COLLECTION, "The reporting schedule", mongo,
                outbox, clock);
    }

    @Bean
    Store<ReportingPeriod> periodStore(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
        return new Store<>(ReportingPeriod.class, ReportingPeriod.COLLECTION, "Reporting period", mongo, outbox, clock);
    }

    static final class Store<T extends Aggregate> extends AggregateWriter<T> {

        private final String what;

        Store(Class<T> type, String collection, String what, ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
            super(type, collection, mongo, outbox, clock);
            this.what = what;
        }

        @Override
        protected RuntimeException notFound(String id) {
            return Problem.notFound(what + " " + id);
        }

        @Override
        protected RuntimeException unavailable(String id, String why) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, what + " " + id + " cannot take this change now: " + why
                    + "; retry later");
        }
    }
}
