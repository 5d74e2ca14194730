package org.alcance.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Proves, inside a service's own Spring context, that the test infrastructure is real: a record
 * goes through the broker, and MongoDB stores, reads back and enforces a unique index. A service
 * runs it by extending this class in an {@code *IT}.
 */
@IntegrationTest
public abstract class InfrastructureContract {

    @Autowired
    private ProducerFactory<Object, Object> producers;

    @Autowired
    private ConsumerFactory<Object, Object> consumers;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void shouldProduceAndConsumeARecordThroughTheBroker() throws Exception {
        String topic = "harness-" + UUID.randomUUID();
        // String serialisation whatever the service configured, so that the check means the same everywhere
        KafkaTemplate<Object, Object> kafka = new KafkaTemplate<>(producers.copyWithConfigurationOverride(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        kafka.send(topic, "GT", "Migrant Friend: You Have Rights").get();
        kafka.destroy();

        List<ConsumerRecord<Object, Object>> received = new ArrayList<>();
        try (Consumer<Object, Object> consumer = consumers.createConsumer("harness-" + UUID.randomUUID(), null, null,
                earliest())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("GT");
            assertThat(record.value()).isEqualTo("Migrant Friend: You Have Rights");
        });
    }

    private static Properties earliest() {
        Properties properties = new Properties();
        properties.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    @Test
    void shouldStoreReadBackAndRejectADuplicateUnderAUniqueIndex() {
        String collection = "harness-" + UUID.randomUUID();
        mongo.indexOps(collection).createIndex(new Index().on("code", Sort.Direction.ASC).unique()).block();
        mongo.insert(new Document("code", "AM").append("title", "Migration legislation"), collection).block();

        Document found = mongo.findOne(Query.query(Criteria.where("code").is("AM")), Document.class, collection).block();
        assertThat(found).isNotNull();
        assertThat(found.getString("title")).isEqualTo("Migration legislation");
        assertThatThrownBy(() -> mongo.insert(new Document("code", "AM"), collection).block())
                .isInstanceOf(DuplicateKeyException.class);
    }
}
