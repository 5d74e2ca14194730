package org.alcance.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Brings the shared HTTP conventions into every service that has this module on its class path. */
@AutoConfiguration(before = MongoReactiveHealthContributorAutoConfiguration.class)
@Import({ProblemResponses.class, IdempotentResponses.class, CallerController.class})
public class WebConventionsAutoConfiguration {

    /** Named as Boot's own indicator, which then steps aside, so that it reports as {@code mongo}. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
