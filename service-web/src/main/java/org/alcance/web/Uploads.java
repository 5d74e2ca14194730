package org.alcance.web;

import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * The body of a bulk upload (a spreadsheet saved as CSV, or JSON where an endpoint takes it), read
 * here up to {@link #MAX_BYTES} rather than by a codec, whose limit suits single requests.
 */
public final class Uploads {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private Uploads() {
    }

    public enum Format { CSV, JSON }

    /** The upload's format from its {@code Content-Type}; anything else is refused with 415. */
    public static Format format(String contentType, boolean jsonAccepted) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type != null && type.equalsTypeAndSubtype(TEXT_CSV)) {
            String charset = type.getParameter("charset");
            if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("\"UTF-8\"")
                    && !charset.equalsIgnoreCase("US-ASCII")) {
                throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A CSV upload is UTF-8 text, not " + charset
                        + "; save the spreadsheet as \"CSV UTF-8\"",
                        List.of(new Problem.FieldError("Content-Type", "charset must be UTF-8")));
            }
            return Format.CSV;
        }
        if (jsonAccepted && type != null && type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
            return Format.JSON;
        }
        String accepted = jsonAccepted ? "text/csv or application/json" : "text/csv";
        throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A bulk upload is " + accepted + ", not "
                + (contentType == null ? "a body without a Content-Type" : contentType),
                List.of(new Problem.FieldError("Content-Type", "must be " + accepted)));
    }

    /** The whole body, refused with 413 over {@link #MAX_BYTES} (by its declared length, before reading it). */
    public static Mono<byte[]> body(ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > MAX_BYTES) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), MAX_BYTES)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    /** The declared {@code Content-Type} of a request. */
    public static String contentType(ServerHttpRequest request) {
        return request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
    }

    private static Problem tooLarge() {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "An upload is at most 10 MB: split the file into several uploads",
                List.of(new Problem.FieldError("body", "must be at most " + MAX_BYTES + " bytes")));
    }
}
