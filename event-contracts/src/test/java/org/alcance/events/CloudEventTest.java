package org.alcance.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.alcance.events.campaign.ProgressReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventTest {

    private static final Instant TIME = Instant.parse("2002-07-15T22:10:05Z");
    private static final String SOURCE = "/alcance/campaign-service";

    private final EventCodec codec = new EventCodec();
    private final ProgressReported progress =
            codec.read(ProgressReported.class, GoldenSamples.bytes(ProgressReported.TYPE));
    private final CloudEvent cloudEvent = codec.toCloudEvent(progress, "5b0c7e4e-2f7a-4c53-9d1e-0b6f2a9e4c11",
            SOURCE, TIME, 7);

    static Stream<String> headerNames() {
        return Stream.of(CloudEvent.HEADER_ID, CloudEvent.HEADER_SOURCE, CloudEvent.HEADER_TYPE,
                CloudEvent.HEADER_SUBJECT, CloudEvent.HEADER_TIME, CloudEvent.HEADER_SPECVERSION,
                CloudEvent.HEADER_SEQUENCE, CloudEvent.HEADER_CONTENT_TYPE);
    }

    static Stream<Arguments> malformedHeaders() {
        return Stream.of(
                Arguments.of("ce_time", "15/07/2002 16:10"),
                Arguments.of("ce_time", "2002-07-15"),
                Arguments.of("ce_time", "2002-07-15T22:10:05"),
                Arguments.of("ce_sequence", "seven"),
                Arguments.of("ce_sequence", "0"),
                Arguments.of("ce_sequence", "-3"),
                Arguments.of("ce_sequence", "+3"),
                Arguments.of("ce_sequence", "1.5"),
                Arguments.of("ce_sequence", "99999999999999999999"),
                Arguments.of("ce_specversion", "0.3"),
                Arguments.of("ce_specversion", "1.0.1"),
                Arguments.of("content-type", "text/plain"),
                Arguments.of("content-type", "application/cloudevents+json"),
                Arguments.of("content-type", "application/json; charset=iso-8859-1"));
    }

    @Test
    void shouldWriteAllEightHeadersAsUtf8Strings() {
        Map<String, String> headers = asStrings(cloudEvent.headers());

        assertThat(headers).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "5b0c7e4e-2f7a-4c53-9d1e-0b6f2a9e4c11"),
                Map.entry("ce_source", SOURCE),
                Map.entry("ce_type", "org.alcance.campaign.progress-reported.v2"),
                Map.entry("ce_subject", "upd-gt-2002-0143"),
                Map.entry("ce_time", "2002-07-15T22:10:05Z"),
                Map.entry("ce_sequence", "7"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void headersShouldRoundTrip() {
        Map<String, byte[]> headers = cloudEvent.headers();

        CloudEvent read = CloudEvent.fromHeaders(headers::get, cloudEvent.data());

        assertThat(read).isEqualTo(cloudEvent);
        assertThat(codec.fromCloudEvent(read)).isEqualTo(progress);
    }

    @Test
    void shouldKeepNonAsciiHeaderValuesIntact() {
        CloudEvent event = new CloudEvent("id-1", "/alcance/oficina-tecún-umán", ProgressReported.TYPE,
                "cmp-gt-2002-001", TIME, 1, cloudEvent.data());

        assertThat(CloudEvent.fromHeaders(event.headers()::get, event.data()).source())
                .isEqualTo("/alcance/oficina-tecún-umán");
    }

    @ParameterizedTest
    @MethodSource("headerNames")
    void missingHeaderShouldBeRejectedByName(String name) {
        Map<String, byte[]> headers = cloudEvent.headers();
        headers.remove(name);

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers::get, cloudEvent.data()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @MethodSource("headerNames")
    void blankHeaderShouldBeRejectedByName(String name) {
        Map<String, byte[]> headers = cloudEvent.headers();
        headers.put(name, " ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers::get, cloudEvent.data()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @MethodSource("malformedHeaders")
    void malformedHeaderShouldBeRejectedByName(String name, String value) {
        Map<String, byte[]> headers = cloudEvent.headers();
        headers.put(name, value.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEvent.fromHeaders(headers::get, cloudEvent.data()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json;charset=UTF-8",
            "Application/JSON", "application/json; charset=\"utf-8\""})
    void jsonContentTypeWithParametersShouldBeAccepted(String contentType) {
        Map<String, byte[]> headers = cloudEvent.headers();
        headers.put(CloudEvent.HEADER_CONTENT_TYPE, contentType.getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEvent.fromHeaders(headers::get, cloudEvent.data())).isEqualTo(cloudEvent);
    }

    @Test
    void timeWithAnOffsetShouldBeAccepted() {
        Map<String, byte[]> headers = cloudEvent.headers();
        headers.put(CloudEvent.HEADER_TIME, "2002-07-15T16:10:05.250-06:00".getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEvent.fromHeaders(headers::get, cloudEvent.data()).time())
                .isEqualTo(Instant.parse("2002-07-15T22:10:05.250Z"));
    }

    @Test
    void missingDataShouldBeRejected() {
        assertThatThrownBy(() -> CloudEvent.fromHeaders(cloudEvent.headers()::get, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("data");
    }

    @Test
    void subjectThatIsNotThePayloadsShouldBeRejected() {
        CloudEvent wrongSubject = new CloudEvent("id-1", SOURCE, ProgressReported.TYPE, "cmp-gt-2002-001", TIME, 7,
                cloudEvent.data());

        assertThatThrownBy(() -> codec.fromCloudEvent(wrongSubject))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_subject")
                .hasMessageContaining("cmp-gt-2002-001")
                .hasMessageContaining("upd-gt-2002-0143");
    }

    @Test
    void anEarlierProgressVersionShouldStillBeReadUnderTheCampaignsSubject() {
        CloudEvent v1 = new CloudEvent("id-1", SOURCE, ProgressReported.TYPE_V1, "cmp-gt-2002-001", TIME, 7,
                cloudEvent.data());
        CloudEvent v1UnderTheUpdate = new CloudEvent("id-1", SOURCE, ProgressReported.TYPE_V1, "upd-gt-2002-0143",
                TIME, 7, cloudEvent.data());

        assertThat(codec.fromCloudEvent(v1)).isEqualTo(progress);
        assertThatThrownBy(() -> codec.fromCloudEvent(v1UnderTheUpdate)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("cmp-gt-2002-001");
    }

    @Test
    void unknownTypeShouldBeReportedAsSuch() {
        CloudEvent future = new CloudEvent("id-1", SOURCE, "org.alcance.campaign.progress-reported.v3",
                "cmp-gt-2002-001", TIME, 7, cloudEvent.data());

        assertThatThrownBy(() -> codec.fromCloudEvent(future))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("org.alcance.campaign.progress-reported.v3");
    }

    @Test
    void typeThatDoesNotMatchThePayloadShouldBeRejected() {
        CloudEvent mislabelled = new CloudEvent("id-1", SOURCE, "org.alcance.campaign.campaign-created.v1",
                "cmp-gt-2002-001", TIME, 7, cloudEvent.data());

        assertThatThrownBy(() -> codec.fromCloudEvent(mislabelled)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void constructorShouldRejectMissingAttributes() {
        byte[] data = cloudEvent.data();
        assertThatThrownBy(() -> new CloudEvent(" ", SOURCE, ProgressReported.TYPE, "s", TIME, 1, data))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> new CloudEvent("id", null, ProgressReported.TYPE, "s", TIME, 1, data))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_source");
        assertThatThrownBy(() -> new CloudEvent("id", SOURCE, "", "s", TIME, 1, data))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_type");
        assertThatThrownBy(() -> new CloudEvent("id", SOURCE, ProgressReported.TYPE, null, TIME, 1, data))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_subject");
        assertThatThrownBy(() -> new CloudEvent("id", SOURCE, ProgressReported.TYPE, "s", null, 1, data))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_time");
        assertThatThrownBy(() -> new CloudEvent("id", SOURCE, ProgressReported.TYPE, "s", TIME, 0, data))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_sequence");
    }

    @Test
    void equalityShouldCompareDataByContent() {
        CloudEvent copy = new CloudEvent(cloudEvent.id(), SOURCE, cloudEvent.type(), cloudEvent.subject(), TIME, 7,
                cloudEvent.data().clone());
        CloudEvent otherData = new CloudEvent(cloudEvent.id(), SOURCE, cloudEvent.type(), cloudEvent.subject(),
                TIME, 7, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(copy).isEqualTo(cloudEvent).hasSameHashCodeAs(cloudEvent);
        assertThat(otherData).isNotEqualTo(cloudEvent);
        assertThat(cloudEvent.toString()).contains("sequence=7").contains(cloudEvent.data().length + " bytes");
    }

    private static Map<String, String> asStrings(Map<String, byte[]> headers) {
        Map<String, String> strings = new LinkedHashMap<>();
        headers.forEach((k, v) -> strings.put(k, new String(v, StandardCharsets.UTF_8)));
        return strings;
    }
}
