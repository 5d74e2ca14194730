package org.alcance.events;

import java.util.Map;

/**
 * People reached in one audience, optionally disaggregated. A breakdown is either absent (empty) or complete:
 * it must sum exactly to {@code people}, so totals by sex or age never disagree with the headline figure.
 */
public record AudienceReach(String audience, long people, Map<Sex, Long> bySex, Map<AgeGroup, Long> byAgeGroup) {

    public AudienceReach {
        Checks.text(audience, "audience");
        Checks.nonNegative(people, "people");
        bySex = Checks.enumCounts(Sex.class, bySex, "bySex");
        byAgeGroup = Checks.enumCounts(AgeGroup.class, byAgeGroup, "byAgeGroup");
        requireSumsToPeople(bySex, people, "bySex");
        requireSumsToPeople(byAgeGroup, people, "byAgeGroup");
    }

    /** Reach without disaggregation. */
    public AudienceReach(String audience, long people) {
        this(audience, people, Map.of(), Map.of());
    }

    private static void requireSumsToPeople(Map<?, Long> breakdown, long people, String field) {
        if (breakdown.isEmpty()) {
            return;
        }
        long sum = Checks.sum(breakdown.values());
        if (sum != people) {
            throw new IllegalArgumentException(field + " sums to " + sum + " but people is " + people);
        }
    }
}
