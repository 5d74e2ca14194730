package org.alcance.campaign.period;

import java.time.Clock;
import org.alcance.campaign.AggregateStore;
import org.alcance.outbox.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The schedule's and the periods' writers. */
@Configuration(proxyBeanMethods = false)
class PeriodStores {

    @Bean
    AggregateStore<ReportingSchedule> scheduleStore(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
        return new AggregateStore<>(ReportingSchedule.class, ReportingSchedule.COLLECTION, "The reporting schedule",
                mongo, outbox, clock);
    }

    @Bean
    AggregateStore<ReportingPeriod> periodStore(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
        return new AggregateStore<>(ReportingPeriod.class, ReportingPeriod.COLLECTION, "Reporting period", mongo,
                outbox, clock);
    }
}
