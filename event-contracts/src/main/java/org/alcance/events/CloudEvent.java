package org.alcance.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A CloudEvents 1.0 event in the Kafka protocol binding, binary mode: attributes travel as {@code ce_*} headers
 * (UTF-8 strings), the JSON payload is the record value. {@code sequence} is the per-aggregate extension
 * (1, 2, 3, ...) that lets consumers apply each event exactly once.
 *
 * <p>{@code data} is not copied, for throughput: treat it as read-only.
 *
 * <p>Our own rather than the CloudEvents SDK's Kafka binding ({@code io.cloudevents:cloudevents-kafka} 4.0.1),
 * which was tried against these rules: it writes {@code ce_time} with the fewest fraction digits
 * ({@code 14:00:00.25Z} where we publish {@code 14:00:00.250Z}), so the wire format would change; it refuses a record
 * without {@code ce_specversion} as "unknown encoding" and one without {@code ce_id} with an
 * {@link IllegalStateException}, without naming the header, where the dead-letter topic must say which header was
 * wrong; and {@code sequence}, beyond the 32-bit integers of CloudEvents' type system, would still be a string we
 * parse and check. What would be left to the SDK is the eight header names.
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, long sequence,
                         byte[] data) {

    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SPECVERSION = "ce_specversion";
    public static final String HEADER_SEQUENCE = "ce_sequence";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE_JSON = "application/json";

    // Throws InvalidEventException naming the header, so a consumer rejecting a record can say what was wrong.
    public CloudEvent {
        requireText(id, HEADER_ID);
        requireText(source, HEADER_SOURCE);
        requireText(type, HEADER_TYPE);
        requireText(subject, HEADER_SUBJECT);
        if (time == null) {
            throw new InvalidEventException(HEADER_TIME + " is missing");
        }
        if (sequence < 1) {
            throw new InvalidEventException(HEADER_SEQUENCE + " must be a positive number but is " + sequence);
        }
        if (data == null) {
            throw new InvalidEventException("data is missing");
        }
    }

    /** All eight headers, in a stable order, values as UTF-8 bytes. */
    public Map<String, byte[]> headers() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(HEADER_SPECVERSION, utf8(SPEC_VERSION));
        headers.put(HEADER_ID, utf8(id));
        headers.put(HEADER_SOURCE, utf8(source));
        headers.put(HEADER_TYPE, utf8(type));
        headers.put(HEADER_SUBJECT, utf8(subject));
        headers.put(HEADER_TIME, utf8(time.toString()));
        headers.put(HEADER_SEQUENCE, utf8(Long.toString(sequence)));
        headers.put(HEADER_CONTENT_TYPE, utf8(CONTENT_TYPE_JSON));
        return headers;
    }

    /**
     * Reads an event from a record's headers and value.
     *
     * @param header returns a header's value, or null when absent (e.g. {@code n -> lastHeaderValue(record, n)})
     * @throws InvalidEventException naming the first missing, blank or malformed header
     */
    public static CloudEvent fromHeaders(Function<String, byte[]> header, byte[] data) {
        Objects.requireNonNull(header, "header");
        String specVersion = required(header, HEADER_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException(
                    HEADER_SPECVERSION + " must be " + SPEC_VERSION + " but is '" + specVersion + "'");
        }
        requireJson(required(header, HEADER_CONTENT_TYPE));
        return new CloudEvent(
                required(header, HEADER_ID),
                required(header, HEADER_SOURCE),
                required(header, HEADER_TYPE),
                required(header, HEADER_SUBJECT),
                parseTime(required(header, HEADER_TIME)),
                parseSequence(required(header, HEADER_SEQUENCE)),
                data);
    }

    private static String required(Function<String, byte[]> header, String name) {
        byte[] value = header.apply(name);
        if (value == null) {
            throw new InvalidEventException(name + " is missing");
        }
        String text = new String(value, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new InvalidEventException(name + " is blank");
        }
        return text;
    }

    private static void requireText(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(header + " is missing or blank");
        }
    }

    // A media type with optional parameters; JSON must be UTF-8 (RFC 8259), so only that charset is accepted.
    private static void requireJson(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(CONTENT_TYPE_JSON)) {
            throw new InvalidEventException(
                    HEADER_CONTENT_TYPE + " must be " + CONTENT_TYPE_JSON + " but is '" + contentType + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset") && param.length == 2
                    && !param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new InvalidEventException(
                        HEADER_CONTENT_TYPE + " charset must be utf-8 but is '" + contentType + "'");
            }
        }
    }

    // RFC 3339: we write Instant.toString() (UTC, 'Z'), but accept any offset from other producers.
    private static Instant parseTime(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(HEADER_TIME + " is not an RFC 3339 timestamp: '" + value + "'", e);
        }
    }

    private static long parseSequence(String value) {
        long sequence;
        try {
            sequence = value.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(value) : -1;
        } catch (NumberFormatException e) { // more than 19 digits
            sequence = -1;
        }
        if (sequence < 1) {
            throw new InvalidEventException(
                    HEADER_SEQUENCE + " must be a positive decimal number but is '" + value + "'");
        }
        return sequence;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloudEvent other
                && sequence == other.sequence
                && id.equals(other.id)
                && source.equals(other.source)
                && type.equals(other.type)
                && subject.equals(other.subject)
                && time.equals(other.time)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source, type, subject, time, sequence) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CloudEvent[id=" + id + ", source=" + source + ", type=" + type + ", subject=" + subject
                + ", time=" + time + ", sequence=" + sequence + ", data=" + data.length + " bytes]";
    }
}
