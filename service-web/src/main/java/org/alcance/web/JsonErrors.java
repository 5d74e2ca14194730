package org.alcance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body the JSON parser refused, said in plain words: where the JSON breaks (line and column) or which
 * field holds a value of the wrong kind, and what it should be. The parser's own messages name its classes and
 * settings, which mean nothing to a field office's script, so none of them reaches the answer.
 */
final class JsonErrors {

    /** "Unexpected character ('x' (code 120))", "Unexpected close marker '}': expected ']'". */
    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected [^']*'(.)'");

    private JsonErrors() {
    }

    static Problem problem(JacksonException error) {
        String at = where(error.getLocation());
        if (error instanceof MismatchedInputException mismatch && !(error instanceof InputCoercionException)) {
            String field = field(error);
            String detail = error instanceof UnrecognizedPropertyException ? "is not a field of this request"
                    : "must be " + expected(mismatch.getTargetType());
            return new Problem(HttpStatus.BAD_REQUEST, "The request body does not fit this endpoint"
                    + (at.isEmpty() ? "" : ": the value at " + at + " is of the wrong kind"),
                    List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, detail)));
        }
        String reason = error instanceof UnexpectedEndOfInputException
                ? "it ends before every object and list is closed"
                : error instanceof InputCoercionException ? "a number there is too large"
                : error instanceof StreamReadException ? unexpected(error.getOriginalMessage())
                : "it is not well-formed JSON";
        String detail = "The JSON breaks" + (at.isEmpty() ? "" : " at " + at) + ": " + reason;
        return new Problem(HttpStatus.BAD_REQUEST, "The request body is not well-formed JSON",
                List.of(new Problem.FieldError("body", detail)));
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String field(JacksonException error) {
        return error.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /** The parser's message says which character or token it did not expect; that much is kept, quoted. */
    private static String unexpected(String message) {
        String text = String.valueOf(message);
        Matcher character = UNEXPECTED.matcher(text);
        if (character.find()) {
            return "unexpected character '" + character.group(1) + "'";
        }
        if (text.startsWith("Unrecognized token '")) {
            String token = text.substring("Unrecognized token '".length());
            return "'" + token.substring(0, Math.max(0, token.indexOf('\''))) + "' is no JSON value (text goes in"
                    + " double quotes)";
        }
        return "it is not well-formed JSON";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text, in double quotes";
        }
        if (type == LocalDate.class) {
            return "a date, such as \"2002-06-15\"";
        }
        if (type == YearMonth.class) {
            return "a month, such as \"2002-06\"";
        }
        if (type == Instant.class) {
            return "a time, such as \"2002-06-15T09:00:00Z\"";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list, [ … ]";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object, { … }" : "of another kind";
    }
}
