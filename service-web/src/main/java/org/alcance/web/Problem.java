package org.alcance.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A client's mistake, answered as RFC 9457 problem details. {@code errors} names each bad field.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public Problem(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public Problem(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, what + " not found");
    }

    public static Problem conflict(String detail) {
        return new Problem(HttpStatus.CONFLICT, detail);
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One bad field: a JSON path such as {@code reach[1].bySex} and what is wrong with it. */
    public record FieldError(String field, String detail) {
    }
}
