package org.alcance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.alcance.test.TopicRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8, after all the others: no name, email or phone of a participant in any Kafka record (value or
 * header) of any topic, nor in any document of reporting's database.
 */
@Order(8)
class PersonalDataIT {

    private static final Pattern EMAIL = Pattern.compile("[^\\s\"@]+@[^\\s\"@]+\\.[a-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{1,3}[ \\d]{6,}\\d");

    @Test
    void shouldFindNoNameEmailOrPhoneInAnyRecordOrReportingDocument() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        if (ledger.personalData.isEmpty()) { // run alone: enrol someone so that the scan has something to miss
            ledger.startedCourse("AM", 3, 1);
        }
        Set<String> personal = Set.copyOf(ledger.personalData);
        List<String> found = new ArrayList<>();

        int topics = 0;
        long records = 0;
        try (Admin admin = pipeline.admin()) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                    .get(30, TimeUnit.SECONDS);
            for (String topic : names) {
                Set<String> one = Set.of(topic);
                long total = Offsets.sum(Offsets.of(admin, one, OffsetSpec.latest()))
                        - Offsets.sum(Offsets.of(admin, one, OffsetSpec.earliest()));
                for (ConsumerRecord<String, byte[]> record : TopicRecords.readUntil(topic,
                        read -> read.size() >= total, Duration.ofMinutes(2))) {
                    StringBuilder text = new StringBuilder(String.valueOf(record.key())).append('\n');
                    if (record.value() != null) {
                        text.append(new String(record.value(), StandardCharsets.UTF_8));
                    }
                    record.headers().forEach(h -> text.append('\n').append(new String(h.value(), StandardCharsets.UTF_8)));
                    scan(topic + "@" + record.offset(), text.toString(), personal, found);
                }
                topics++;
                records += total;
            }
        }

        int collections = 0;
        long documents = 0;
        try (MongoClient client = MongoClients.create(pipeline.reportingDatabase.uri())) {
            MongoDatabase database = client.getDatabase("alcance-reporting");
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    scan(collection + "/" + document.get("_id"), document.toJson(), personal, found);
                    documents++;
                }
                collections++;
            }
        }

        Report.check("8. Personal data", String.format(Locale.ROOT, "%,d Kafka records in %d topics (values, keys and"
                + " headers) and %,d documents in %d collections of reporting's database scanned for the %,d names,"
                + " emails, phones and certificate codes given during the suite and for anything shaped like an email"
                + " or a phone number: %d found", records, topics, documents, collections, personal.size(), found.size()));
        assertThat(records).isPositive();
        assertThat(documents).isPositive();
        assertThat(found).isEmpty();
    }

    private static void scan(String where, String text, Set<String> personal, List<String> found) {
        personal.stream().filter(text::contains).forEach(p -> found.add(p + " in " + where));
        if (EMAIL.matcher(text).find()) {
            found.add("an email address in " + where);
        }
        if (PHONE.matcher(text).find()) {
            found.add("a phone number in " + where);
        }
    }
}
