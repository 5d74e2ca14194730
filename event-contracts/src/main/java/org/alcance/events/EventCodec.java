package org.alcance.events;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON (de)serialisation of payloads and their CloudEvents envelope. Thread-safe; create one and share it.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = newMapper();
    }

    /**
     * The mapper configuration the contracts are tested with. Settings that Jackson 3 already defaults to are
     * set anyway, so that a change of Jackson defaults cannot change the wire format.
     */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                // Tolerant reader: producers may add fields before consumers know them.
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                // Counts and scores are integers: 12.7 people is an error, not 12.
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                .configure(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                // Enums travel by name(); an index or toString() would silently shift meaning.
                .configure(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true)
                .configure(EnumFeature.WRITE_ENUMS_USING_TO_STRING, false)
                .configure(EnumFeature.READ_ENUMS_USING_TO_STRING, false)
                // Only record components are properties, never helpers such as aggregateId().
                .configure(MapperFeature.INFER_RECORD_GETTERS_FROM_COMPONENTS_ONLY, true)
                .build();
    }

    public JsonMapper mapper() {
        return mapper;
    }

    public byte[] write(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        return mapper.writeValueAsBytes(event);
    }

    /**
     * @throws UnknownEventTypeException if {@code type} is not catalogued
     * @throws InvalidEventException if the JSON is malformed or breaks the payload's rules
     */
    public DomainEvent read(String type, byte[] json) {
        return read(EventTypes.classOf(type), json);
    }

    /** @throws InvalidEventException if the JSON is malformed or breaks the payload's rules */
    public <T extends DomainEvent> T read(Class<T> eventClass, byte[] json) {
        Objects.requireNonNull(eventClass, "eventClass");
        String what = eventClass.getSimpleName();
        if (json == null) {
            throw new InvalidEventException("Invalid " + what + " payload: no data");
        }
        T event;
        try {
            event = mapper.readValue(json, eventClass);
        } catch (JacksonException e) {
            throw new InvalidEventException("Invalid " + what + " payload: " + describe(e), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("Invalid " + what + " payload: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new InvalidEventException("Invalid " + what + " payload: JSON null");
        }
        return event;
    }

    /** Wraps a payload in its envelope; type and subject come from the catalogue and the payload. */
    public CloudEvent toCloudEvent(DomainEvent event, String eventId, String source, Instant time, long sequence) {
        Objects.requireNonNull(event, "event");
        return new CloudEvent(eventId, source, EventTypes.typeOf(event), event.subject(), time, sequence,
                write(event));
    }

    /**
     * @throws UnknownEventTypeException if the type is not catalogued
     * @throws InvalidEventException if the payload is invalid or names another subject than the envelope
     */
    public DomainEvent fromCloudEvent(CloudEvent cloudEvent) {
        Objects.requireNonNull(cloudEvent, "cloudEvent");
        DomainEvent event = read(cloudEvent.type(), cloudEvent.data());
        String subject = EventTypes.subjectOf(cloudEvent.type(), event);
        if (!subject.equals(cloudEvent.subject())) {
            throw new InvalidEventException(CloudEvent.HEADER_SUBJECT + " '" + cloudEvent.subject()
                    + "' does not match the payload's subject '" + subject + "'");
        }
        return event;
    }

    /**
     * A validation failure inside a nested record (e.g. one reach entry) is reported with its JSON path, giving
     * "reach[1].bySex sums to 90 but people is 120" rather than a message without the index.
     */
    private static String describe(JacksonException e) {
        Throwable cause = e.getCause();
        if (e instanceof DatabindException && (cause instanceof IllegalArgumentException
                || cause instanceof NullPointerException)) {
            String path = path(e);
            return path.isEmpty() ? cause.getMessage() : path + "." + cause.getMessage();
        }
        String path = path(e);
        return (path.isEmpty() ? "" : "at " + path + ": ") + e.getOriginalMessage();
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
