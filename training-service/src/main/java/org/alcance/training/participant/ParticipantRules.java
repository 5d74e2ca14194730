package org.alcance.training.participant;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.alcance.events.AgeGroup;
import org.alcance.events.Sex;
import org.alcance.events.training.OrganisationType;
import org.alcance.events.training.ParticipantProfile;
import org.alcance.web.Violations;

/** What makes a participant valid. */
final class ParticipantRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,40}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private ParticipantRules() {
    }

    record Checked(Participant.Person person, ParticipantProfile profile) {
    }

    static Checked check(ParticipantRequests.Enrol request) {
        Violations violations = new Violations()
                .optionalText(request.clientReference(), "clientReference", 100)
                .optionalText(request.personReference(), "personReference", 100)
                .text(request.name(), "name", 200)
                .optionalText(request.email(), "email", 254)
                .optionalText(request.phone(), "phone", 40)
                .optionalText(request.organisation(), "organisation", 200)
                .required(request.organisationType(), "organisationType")
                .within(request.organisationType(), names(OrganisationType.values()), "organisationType")
                .optionalText(request.position(), "position", 200)
                .within(request.sex(), names(Sex.values()), "sex")
                .within(request.ageGroup(), names(AgeGroup.values()), "ageGroup")
                .optionalText(request.nationality(), "nationality", 100)
                .required(request.country(), "country");
        if (request.email() != null && !request.email().isBlank()) {
            violations.check(EMAIL.matcher(request.email()).matches(), "email", "must be an email address");
        }
        if (request.phone() != null && !request.phone().isBlank()) {
            violations.check(PHONE.matcher(request.phone()).matches(), "phone",
                    "must be digits, spaces and + ( ) . / - only");
        }
        if (request.country() != null) {
            violations.check(COUNTRY.matcher(request.country()).matches(), "country",
                    "must be an ISO 3166 alpha-2 code such as AM or GT");
        }
        violations.throwIfAny();
        return new Checked(new Participant.Person(request.name(), request.email(), request.phone(),
                request.organisation(), request.position(), request.nationality()),
                // sex and age group left out are recorded as not given, which is what their figures then say
                new ParticipantProfile(request.sex() == null ? Sex.UNDISCLOSED : Sex.valueOf(request.sex()),
                        request.ageGroup() == null ? AgeGroup.UNKNOWN : AgeGroup.valueOf(request.ageGroup()),
                        OrganisationType.valueOf(request.organisationType()), request.country()));
    }

    static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
