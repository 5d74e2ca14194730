package org.alcance.reporting;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * Read models key maps by ids the producers chose (update ids, participant ids, material kinds); MongoDB field
 * names cannot contain dots, so a dot in a key is stored as a full-width dot and read back as a dot.
 */
@Configuration(proxyBeanMethods = false)
class MongoMapping {

    MongoMapping(MappingMongoConverter converter) {
        converter.setMapKeyDotReplacement("\uFF0E");
    }
}
