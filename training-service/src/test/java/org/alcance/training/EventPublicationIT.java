package org.alcance.training;

import static org.alcance.training.TrainingApi.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alcance.events.CloudEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.GoldenSamples;
import org.alcance.events.training.CourseScheduled;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.ParticipantCompleted;
import org.alcance.events.training.ParticipantEnrolled;
import org.alcance.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class EventPublicationIT {

    private final EventCodec codec = new EventCodec();

    @Autowired
    WebTestClient http;

    @Test
    void shouldPublishEveryChangeOfACourseOnceInSequenceMatchingTheGoldenSamples() {
        TrainingApi api = new TrainingApi(http);
        String course = api.create("AM", TrainingApi.course(TrainingApi.unique("Published"), 1));
        http.patch().uri("/api/courses/{id}", course).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("venue", "Border Management Training Centre, Yerevan (hall B)", "reason", "Larger hall"))
                .exchange().expectStatus().isOk();
        api.act("AM", course, "start").expectStatus().isOk();
        String session = api.addSession("AM", course, "2002-10-09");
        String first = api.enrolled("AM", course);
        String second = api.enrolled("AM", course);
        http.post().uri("/api/courses/{c}/participants/{p}/withdraw", course, first)
                .headers(h -> h.setBearerAuth(ISSUER.office("AM"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Reassigned to the Bagratashen border crossing")).exchange().expectStatus().isOk();
        api.attendance("AM", course, session, TrainingApi.marks(second, "PRESENT")).expectStatus().isOk();
        api.assess("AM", course, second, "POST", 80).expectStatus().isOk();
        api.act("AM", course, "complete").expectStatus().isOk();
        String cancelled = api.create("AM", TrainingApi.course(TrainingApi.unique("Cancelled"), 5));
        http.post().uri("/api/courses/{id}/cancel", cancelled).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Heating repairs"))
                .exchange().expectStatus().isOk();

        List<CloudEvent> events = Published.ofCourse(course, 12, Duration.ofSeconds(30));
        List<CloudEvent> all = new java.util.ArrayList<>(events);
        all.addAll(Published.ofCourse(cancelled, 2, Duration.ofSeconds(30)));

        assertThat(events).extracting(CloudEvent::type).containsExactly(
                "org.alcance.training.course-scheduled.v1", "org.alcance.training.course-revised.v1",
                "org.alcance.training.course-started.v1", "org.alcance.training.participant-enrolled.v1",
                "org.alcance.training.participant-enrolled.v1", "org.alcance.training.participant-withdrawn.v1",
                "org.alcance.training.participant-promoted.v1", "org.alcance.training.session-held.v1",
                "org.alcance.training.attendance-recorded.v1", "org.alcance.training.assessment-recorded.v1",
                "org.alcance.training.participant-completed.v2", "org.alcance.training.course-completed.v1");
        assertThat(events).extracting(CloudEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 12).boxed().toList());
        assertThat(all).extracting(CloudEvent::id).doesNotHaveDuplicates();
        assertThat(all).extracting(CloudEvent::type).contains("org.alcance.training.course-cancelled.v1");
        assertThat(all).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo("/alcance/training-service");
            assertThat(Published.paths(codec.mapper().readTree(event.data())))
                    .as("fields of %s against its golden sample", event.type())
                    .isEqualTo(Published.paths(codec.mapper().readTree(GoldenSamples.bytes(event.type()))));
        });

        ParticipantEnrolled waitlisted = (ParticipantEnrolled) codec.fromCloudEvent(events.get(4));
        assertThat(waitlisted.participantId()).isEqualTo(second);
        assertThat(waitlisted.status()).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(waitlisted.profile().country()).isEqualTo("AM");
        ParticipantCompleted completed = (ParticipantCompleted) codec.fromCloudEvent(events.get(10));
        assertThat(completed.participantId()).isEqualTo(second);
        assertThat(completed.attendanceShare()).isEqualTo(1.0);
        assertThat(completed.postScore()).isEqualTo(80);
    }

    @Test
    void shouldKeepAndPublishWhetherACourseIsIllustrativeAndRefuseAFlagThatIsNotTrueOrFalse() {
        TrainingApi api = new TrainingApi(http);
        Map<String, Object> sample = TrainingApi.course(TrainingApi.unique("Sample"), 20);
        sample.put("illustrative", true);
        String illustrative = api.create("AM", sample);
        String real = api.create("AM", TrainingApi.course(TrainingApi.unique("Real"), 20));

        for (Map.Entry<String, Boolean> course : Map.of(illustrative, true, real, false).entrySet()) {
            http.get().uri("/api/courses/{id}", course.getKey()).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.illustrative").isEqualTo(course.getValue());
            CourseScheduled scheduled = (CourseScheduled) codec.fromCloudEvent(
                    Published.ofCourse(course.getKey(), 1, Duration.ofSeconds(30)).get(0));
            assertThat(scheduled.illustrative()).as("published for %s", course.getKey()).isEqualTo(course.getValue());
        }

        sample.put("illustrative", 1);
        http.post().uri("/api/courses").headers(h -> h.setBearerAuth(ISSUER.office("AM"))).bodyValue(sample).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("illustrative");
    }
}
