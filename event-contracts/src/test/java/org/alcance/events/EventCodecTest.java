package org.alcance.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.training.AssessmentRecorded;
import org.alcance.events.training.CourseScheduled;
import org.alcance.events.training.ParticipantEnrolled;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    private ObjectNode golden(String type) {
        return (ObjectNode) codec.mapper().readTree(GoldenSamples.bytes(type));
    }

    private byte[] bytes(JsonNode tree) {
        return codec.mapper().writeValueAsBytes(tree);
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteDatesAsIsoStrings() {
        JsonNode written = codec.mapper().readTree(codec.write(codec.read(CourseScheduled.TYPE,
                GoldenSamples.bytes(CourseScheduled.TYPE))));

        assertThat(written.get("startDate").isString()).isTrue();
        assertThat(written.get("startDate").asString()).isEqualTo("2002-10-07");
    }

    @Test
    void shouldNameTheReachEntryWhoseBreakdownDoesNotSum() {
        ObjectNode tree = golden(ProgressReported.TYPE);
        ((ObjectNode) tree.get("reach").get(1).get("bySex")).put("MALE", 30);

        assertThatThrownBy(() -> codec.read(ProgressReported.TYPE, bytes(tree)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("reach[1].bySex sums to 39 but people is 42");
    }

    @Test
    void shouldWrapTopLevelValidationErrorsWithAClearMessage() {
        ObjectNode tree = golden(CourseScheduled.TYPE);
        tree.put("endDate", "2002-10-01");

        assertThatThrownBy(() -> codec.read(CourseScheduled.TYPE, bytes(tree)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Invalid CourseScheduled payload: endDate 2002-10-01 is before startDate 2002-10-07")
                .hasCauseInstanceOf(tools.jackson.core.JacksonException.class);
    }

    @Test
    void shouldReportAMissingRequiredFieldByName() {
        ObjectNode tree = golden(ProgressReported.TYPE);
        tree.remove("updateId");

        assertThatThrownBy(() -> codec.read(ProgressReported.TYPE, bytes(tree)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("updateId must not be null");
    }

    @Test
    void shouldRejectAMissingCountRatherThanDefaultItToZero() {
        ObjectNode tree = golden(AssessmentRecorded.TYPE);
        tree.remove("score");

        assertThatThrownBy(() -> codec.read(AssessmentRecorded.TYPE, bytes(tree)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("score");
    }

    @Test
    void shouldRejectFractionalCounts() {
        ObjectNode tree = golden(ProgressReported.TYPE);
        ((ObjectNode) tree.get("reach").get(0)).put("people", 1200.5);

        assertThatThrownBy(() -> codec.read(ProgressReported.TYPE, bytes(tree)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("reach[0].people");
    }

    @Test
    void shouldRejectEnumsGivenByIndexOrUnknownName() {
        ObjectNode byIndex = golden(AssessmentRecorded.TYPE);
        byIndex.put("kind", 1);
        ObjectNode unknown = golden(AssessmentRecorded.TYPE);
        unknown.put("kind", "MIDTERM");

        assertThatThrownBy(() -> codec.read(AssessmentRecorded.TYPE, bytes(byIndex)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> codec.read(AssessmentRecorded.TYPE, bytes(unknown)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("MIDTERM");
    }

    @Test
    void shouldWrapMalformedJson() {
        assertThatThrownBy(() -> codec.read(ProgressReported.TYPE, utf8("{\"campaignId\": ")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("Invalid ProgressReported payload");
        assertThatThrownBy(() -> codec.read(ProgressReported.TYPE, utf8("null")))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.read(ProgressReported.TYPE, (byte[]) null))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.read(ProgressReported.TYPE, utf8("{} {}")))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void shouldRejectAnUnknownTypeBeforeParsing() {
        assertThatThrownBy(() -> codec.read("org.alcance.campaign.poster-printed.v1", utf8("{}")))
                .isInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void shouldNotWriteDerivedAccessorsSuchAsAggregateId() {
        JsonNode written = codec.mapper().readTree(codec.write(codec.read(ProgressReported.TYPE,
                GoldenSamples.bytes(ProgressReported.TYPE))));

        assertThat(written.has("aggregateId")).isFalse();
        assertThat(written.has("campaignId")).isTrue();
    }

    @Test
    void shouldReadAnEnrolmentPublishedBeforeItNamedThePersonWithoutOne() {
        ObjectNode tree = golden(ParticipantEnrolled.TYPE);
        tree.remove("personId");

        ParticipantEnrolled read = (ParticipantEnrolled) codec.read(ParticipantEnrolled.TYPE, bytes(tree));

        assertThat(read.personId()).isNull();
        assertThat(read.participantId()).isEqualTo("p-7f3c9a21");
    }

    @Test
    void shouldReadACampaignOrCourseCreatedBeforeTheIllustrativeFlagAsNotIllustrative() {
        ObjectNode campaign = golden(CampaignCreated.TYPE);
        ObjectNode course = golden(CourseScheduled.TYPE);
        assertThat(campaign.path("illustrative").asBoolean()).isTrue();
        assertThat(course.path("illustrative").asBoolean()).isTrue();
        campaign.remove("illustrative");
        course.remove("illustrative");

        CampaignCreated created = (CampaignCreated) codec.read(CampaignCreated.TYPE, bytes(campaign));
        CourseScheduled scheduled = (CourseScheduled) codec.read(CourseScheduled.TYPE, bytes(course));

        assertThat(created.illustrative()).isFalse();
        assertThat(scheduled.illustrative()).isFalse();
        assertThat(codec.mapper().readTree(codec.write(created)).path("illustrative").isBoolean()).isTrue();
    }
}
