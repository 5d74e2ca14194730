package org.alcance.events;

/** How many people of one audience a campaign aims to reach. */
public record AudienceTarget(String audience, long target) {

    public AudienceTarget {
        Checks.text(audience, "audience");
        Checks.nonNegative(target, "target");
    }
}
