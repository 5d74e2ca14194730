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

    /**
     * Adds ({@code sign} 1) or takes away ({@code sign} -1) every count of {@code from}. A key whose count
     * becomes 0 goes, so that a sum kept by adding and taking away equals one folded afresh, which never keeps
     * a zero either.
     */
    public static void addAll(Map<String, Long> into, Map<String, Long> from, int sign) {
        from.forEach((key, amount) -> {
            if (into.merge(key, Math.multiplyExact(sign, amount), Math::addExact) == 0) {
                into.remove(key);
            }
        });
    }

    public static Map<String, Long> sorted(Map<String, Long> counts) {
        return counts == null ? new TreeMap<>() : new TreeMap<>(counts);
    }
}
