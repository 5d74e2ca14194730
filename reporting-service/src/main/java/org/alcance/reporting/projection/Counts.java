package org.alcance.reporting.projection;

import java.util.Map;
import java.util.TreeMap;

/** Small helpers for count maps: sorted keys (stable JSON) and overflow-checked sums. */
public final class Counts {

    private Counts() {
    }

    public static void add(Map<String, Long> into, String key, long amount) {
        into.merge(key, amount, Math::addExact);
    }

    public static void addAll(Map<String, Long> into, Map<String, Long> from) {
        if (from != null) {
            from.forEach((key, amount) -> add(into, key, amount));
        }
    }

    public static Map<String, Long> sorted(Map<String, Long> counts) {
        return counts == null ? new TreeMap<>() : new TreeMap<>(counts);
    }
}
