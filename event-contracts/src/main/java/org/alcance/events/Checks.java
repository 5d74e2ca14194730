package org.alcance.events;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Validation helpers for the payload records' compact constructors. Public only because the records live in
 * sub-packages; not meant for use outside this module. Every message starts with the field name.
 */
public final class Checks {

    private Checks() {
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new NullPointerException(field + " must not be null");
        }
        return value;
    }

    public static String text(String value, String field) {
        notNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Null stays null (an optional field), but a present value must not be blank. */
    public static String optionalText(String value, String field) {
        return value == null ? null : text(value, field);
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0 but is " + value);
        }
        return value;
    }

    public static int atLeast(int value, int min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + " but is " + value);
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + " but is " + value);
        }
        return value;
    }

    public static Integer optionalBetween(Integer value, int min, int max, String field) {
        return value == null ? null : between(value, min, max, field);
    }

    /** A share in [0, 1]; NaN is rejected too. */
    public static double share(double value, String field) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1 but is " + value);
        }
        return value;
    }

    public static void dateRange(LocalDate startDate, LocalDate endDate) {
        notNull(startDate, "startDate");
        notNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
        }
    }

    /** Immutable copy; null becomes empty; elements must be non-null. */
    public static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            notNull(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    /** Like {@link #list} for strings, which must also be non-blank. */
    public static List<String> texts(List<String> values, String field) {
        List<String> copy = list(values, field);
        for (int i = 0; i < copy.size(); i++) {
            text(copy.get(i), field + "[" + i + "]");
        }
        return copy;
    }

    /** Rejects two elements with the same key, e.g. two entries for one audience. */
    public static <T> void unique(List<T> values, Function<T, String> key, String field, String keyName) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String k = key.apply(values.get(i));
            if (!seen.add(k)) {
                throw new IllegalArgumentException(
                        field + "[" + i + "]." + keyName + " '" + k + "' is duplicated");
            }
        }
    }

    /** Immutable copy of a count map keyed by name (insertion order kept); counts must be >= 0. */
    public static Map<String, Long> namedCounts(Map<String, Long> counts, String field) {
        if (counts == null) {
            return Map.of();
        }
        Map<String, Long> copy = new LinkedHashMap<>();
        counts.forEach((key, value) -> {
            text(key, field + " key");
            copy.put(key, count(value, field + "[" + key + "]"));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Immutable copy of a count map keyed by an enum (enum order, so JSON output is stable); counts must be >= 0. */
    public static <K extends Enum<K>> Map<K, Long> enumCounts(Class<K> keyType, Map<K, Long> counts, String field) {
        if (counts == null) {
            return Map.of();
        }
        Map<K, Long> copy = new EnumMap<>(keyType);
        counts.forEach((key, value) -> copy.put(notNull(key, field + " key"), count(value, field + "[" + key + "]")));
        return Collections.unmodifiableMap(copy);
    }

    /** Sum of the counts, overflow-checked. */
    public static long sum(Iterable<Long> counts) {
        long total = 0;
        for (Long c : counts) {
            total = Math.addExact(total, c);
        }
        return total;
    }

    private static long count(Long value, String field) {
        return nonNegative(notNull(value, field), field);
    }
}
