package org.alcance.events.training;

import java.util.regex.Pattern;

import org.alcance.events.AgeGroup;
import org.alcance.events.Checks;
import org.alcance.events.Sex;

/**
 * The only participant attributes that leave the training service: what reports disaggregate by.
 * Names, emails and phones stay in the training service's own database.
 */
public record ParticipantProfile(Sex sex, AgeGroup ageGroup, OrganisationType organisationType, String country) {

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public ParticipantProfile {
        Checks.notNull(sex, "sex");
        Checks.notNull(ageGroup, "ageGroup");
        Checks.notNull(organisationType, "organisationType");
        Checks.notNull(country, "country");
        if (!ALPHA_2.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166 alpha-2 code but is '" + country + "'");
        }
    }
}
