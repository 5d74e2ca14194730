package org.alcance.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.alcance.test.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Runs after every other test class, over everything they had published. */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class PersonalDataScanIT {

    private static final Pattern EMAIL = Pattern.compile("[^\\s\"@]+@[^\\s\"@]+\\.[a-z]{2,}");

    @Autowired
    WebTestClient http;

    @Test
    void shouldNeverPublishANameEmailPhoneOrCertificateCodeOfAnyParticipant() {
        TrainingApi api = new TrainingApi(http);
        String course = api.createStarted("GT", 5);
        api.enrolled("GT", course);
        Published.ofCourse(course, 3, java.time.Duration.ofSeconds(30));

        List<ConsumerRecord<String, byte[]>> records = Published.everything();
        assertThat(records).isNotEmpty();
        assertThat(TrainingApi.PERSONAL_DATA).isNotEmpty();
        for (ConsumerRecord<String, byte[]> record : records) {
            StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
            record.headers().forEach(h -> text.append('\n').append(new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(TrainingApi.PERSONAL_DATA).as("personal data in %s", text)
                    .noneMatch(personal -> text.toString().contains(personal));
            assertThat(EMAIL.matcher(text).find()).as("an email address in %s", text).isFalse();
        }
    }
}
