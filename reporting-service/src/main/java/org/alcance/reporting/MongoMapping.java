package org.alcance.reporting;

import org.alcance.reporting.projection.Figures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;

/**
 * Read models key maps by ids the producers chose (update ids, participant ids, material kinds); MongoDB field
 * names cannot contain dots, so a dot in a key is stored as a full-width dot and read back as a dot.
 */
@Configuration(proxyBeanMethods = false)
class MongoMapping {

    MongoMapping(MappingMongoConverter converter) {
        converter.setMapKeyDotReplacement("\uFF0E");
    }

    /**
     * A document stored before read models had a {@code version} reads as version 0, which the writers' guard
     * matches to a missing field; Spring Data would refuse to create the record without it.
     */
    @Bean
    AbstractMongoEventListener<Figures> versionOfEarlierDocuments() {
        return new AbstractMongoEventListener<>() {
            @Override
            public void onAfterLoad(AfterLoadEvent<Figures> event) {
                event.getDocument().putIfAbsent("version", 0L);
            }
        };
    }
}
