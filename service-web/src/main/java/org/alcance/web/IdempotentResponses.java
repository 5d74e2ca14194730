package org.alcance.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} contract: the same office sending the same key to the same endpoint
 * gets the first response again, and the action does not run twice. Entities created under a key
 * also take ids derived from it, so even a crash between acting and storing the response cannot
 * create a second one.
 */
public class IdempotentResponses {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;

    public IdempotentResponses(ReactiveMongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @Document("idempotent_responses")
    record StoredResponse(@Id String id, String fingerprint, int status, String location, String etag, String body,
            Instant storedAt) {
    }

    /**
     * Runs {@code action} once per key: a repeat returns the stored answer, and a key sent again
     * with a different {@code request} body is refused (422) rather than answered for the first one.
     */
    public Mono<ResponseEntity<?>> respond(Caller caller, String endpoint, String key, Object request,
            Supplier<Mono<? extends ResponseEntity<?>>> action) {
        return respond(caller, endpoint, key, () -> request == null ? null : digest(json.writeValueAsBytes(request)),
                action);
    }

    /**
     * {@link #respond} for an uploaded file ({@link Uploads#body}), answered 200 with what {@code action} makes
     * of it: a key sent again with another file is refused (422), as for any other body, rather than answered
     * for the first file while the new rows are dropped.
     */
    public Mono<ResponseEntity<?>> respondToUpload(Caller caller, String endpoint, String key,
            ServerHttpRequest request, Function<byte[], Mono<?>> action) {
        return Uploads.body(request).flatMap(body -> respond(caller, endpoint, key, () -> digest(body),
                () -> action.apply(body).map(ResponseEntity::ok)));
    }

    // bodyDigest is asked only when a key is sent: a 10 MB upload without one is not hashed
    private Mono<ResponseEntity<?>> respond(Caller caller, String endpoint, String key, Supplier<String> bodyDigest,
            Supplier<Mono<? extends ResponseEntity<?>>> action) {
        if (key == null) {
            return action.get().map(response -> response);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Mono.error(new Problem(HttpStatus.BAD_REQUEST, HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " characters", java.util.List.of(new Problem.FieldError(HEADER, "invalid length"))));
        }
        // keys belong to the office, not to one token's subject: any of its users or scripts may retry
        String owner = caller.office() != null ? "office:" + caller.office() : "subject:" + caller.subject();
        String id = digest((owner + "|" + endpoint + "|" + key).getBytes(StandardCharsets.UTF_8));
        String fingerprint = bodyDigest.get();
        return mongo.findById(id, StoredResponse.class)
                .<ResponseEntity<?>>map(stored -> {
                    if (stored.fingerprint() != null && !stored.fingerprint().equals(fingerprint)) {
                        throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, HEADER + " " + key
                                + " was first used for a different request; use a new key for a new request",
                                java.util.List.of(new Problem.FieldError(HEADER, "reused with a different body")));
                    }
                    return replay(stored);
                })
                .switchIfEmpty(Mono.defer(() -> action.get().flatMap(response -> store(id, fingerprint, response))));
    }

    /**
     * The id of an entity a create makes: from the caller's own {@code clientReference} when there is one, so that
     * the same create sent again, with or without a key, finds the first; else as {@link #entityId(String, String)}.
     */
    public static String entityId(String referenceScope, String clientReference, String keyScope, String key) {
        return clientReference != null ? entityId(referenceScope, clientReference) : entityId(keyScope, key);
    }

    /** A stable id for an entity created under an idempotency key, or a fresh one without a key. */
    public static String entityId(String scope, String key) {
        return key == null ? java.util.UUID.randomUUID().toString()
                : java.util.UUID.nameUUIDFromBytes((scope + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Mono<ResponseEntity<?>> store(String id, String fingerprint, ResponseEntity<?> response) {
        HttpHeaders headers = response.getHeaders();
        String location = headers.getLocation() == null ? null : headers.getLocation().toString();
        StoredResponse stored = new StoredResponse(id, fingerprint, response.getStatusCode().value(), location,
                headers.getETag(), json.writeValueAsString(response.getBody()), Instant.now());
        return mongo.insert(stored)
                .<ResponseEntity<?>>thenReturn(response)
                .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(id, StoredResponse.class).map(this::replay));
    }

    private ResponseEntity<?> replay(StoredResponse stored) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status())
                .contentType(MediaType.APPLICATION_JSON)
                .header(HEADER + "-Replayed", "true");
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            builder.eTag(stored.etag());
        }
        return builder.body(json.readTree(stored.body()));
    }

    private static String digest(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
