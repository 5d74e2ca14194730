package org.alcance.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * Collects every rule a request breaks, so that one answer names all the bad fields instead of
 * the first one only.
 */
public final class Violations {

    public static final long MAX_COUNT = 1_000_000_000L;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Violations check(boolean valid, String field, String detail) {
        if (!valid) {
            errors.add(new Problem.FieldError(field, detail));
        }
        return this;
    }

    public Violations required(Object value, String field) {
        return check(value != null, field, "is required");
    }

    public Violations text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return check(false, field, "is required and must not be blank");
        }
        return check(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
    }

    public Violations optionalText(String value, String field, int maxLength) {
        return value == null ? this : text(value, field, maxLength);
    }

    public Violations count(Long value, String field) {
        if (value == null) {
            return check(false, field, "is required");
        }
        return check(value >= 0 && value <= MAX_COUNT, field, "must be a whole number from 0 to " + MAX_COUNT);
    }

    /** Each item present, non-blank, short, and unique. */
    public Violations texts(List<String> values, String field, int maxItems) {
        if (values == null) {
            return this;
        }
        check(values.size() <= maxItems, field, "must have at most " + maxItems + " items");
        for (int i = 0; i < values.size(); i++) {
            text(values.get(i), field + "[" + i + "]", 200);
        }
        return unique(values, Function.identity(), field, "");
    }

    public <T> Violations unique(List<T> values, Function<T, String> key, String field, String suffix) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String k = values.get(i) == null ? null : key.apply(values.get(i));
            check(k == null || seen.add(k), field + "[" + i + "]" + suffix, "duplicates an earlier item");
        }
        return this;
    }

    public Violations counts(Map<String, Long> counts, String field) {
        if (counts != null) {
            counts.forEach((name, value) -> {
                text(name, field + " key", 100);
                count(value, field + "." + name);
            });
        }
        return this;
    }

    public <E extends Enum<E>> Violations enumKeys(Map<String, Long> counts, Class<E> type, String field) {
        if (counts != null) {
            for (String key : counts.keySet()) {
                check(isConstant(type, key), field + "." + key, "is not one of " + List.of(type.getEnumConstants()));
            }
        }
        return this;
    }

    public Violations within(String value, Collection<String> allowed, String field) {
        return check(value == null || allowed.contains(value), field, "must be one of " + allowed);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Problem.FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 422 naming every violation, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request breaks " + errors.size()
                    + (errors.size() == 1 ? " rule" : " rules") + "; see errors", errors);
        }
    }

    private static <E extends Enum<E>> boolean isConstant(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
