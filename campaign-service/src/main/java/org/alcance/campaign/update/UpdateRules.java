package org.alcance.campaign.update;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alcance.campaign.campaign.Campaign;
import org.alcance.campaign.vocabulary.Catalogue;
import org.alcance.web.Violations;
import org.alcance.events.AgeGroup;
import org.alcance.events.AudienceReach;
import org.alcance.events.Sex;
import org.alcance.events.campaign.Place;
import org.alcance.events.vocabulary.VocabularyKind;

/** What makes an update's figures valid for its campaign. */
final class UpdateRules {

    private UpdateRules() {
    }

    /**
     * The channel and audiences are the campaign's, named by the same text or the same code of the catalogue
     * (see {@link Catalogue}), and stored as the campaign names them; materials are checked against the
     * catalogue and stored as its codes, but for those {@code keptMaterials} (the update's before a correction)
     * already names.
     *
     * @param latestToday the latest date that is today somewhere on Earth: an office ahead of UTC
     *     may report its own today
     */
    static ProgressUpdate.Figures figures(Campaign campaign, LocalDate reportedOn, UpdateRequests.PlaceInput place,
            String channel, Map<String, Long> materials, List<UpdateRequests.ReachInput> reach, String notes,
            LocalDate latestToday, Catalogue catalogue, Set<String> keptMaterials, Violations violations) {
        Campaign.Details details = campaign.details();
        channel = catalogue.choice(VocabularyKind.CHANNEL, channel, details.channels()).orElse(channel);
        materials = materials(materials, catalogue, keptMaterials, violations);
        List<String> audiences = details.audienceNames();
        reach = reach == null ? null : reach.stream().map(r -> r == null ? null : r.named(catalogue
                .choice(VocabularyKind.AUDIENCE, r.audience(), audiences).orElse(r.audience()))).toList();
        violations.required(reportedOn, "reportedOn")
                .required(place, "place")
                .text(channel, "channel", 50)
                .counts(materials, "materials")
                .check((reach != null && !reach.isEmpty()) || (materials != null && !materials.isEmpty()), "reach",
                        "report the people reached, the materials distributed, or both")
                .optionalText(notes, "notes", 5_000);
        if (reportedOn != null) {
            violations.check(!reportedOn.isBefore(details.startDate()) && !reportedOn.isAfter(details.endDate()),
                    "reportedOn", "must be within the campaign period " + details.startDate() + " to " + details.endDate())
                    .check(!reportedOn.isAfter(latestToday), "reportedOn", "must not be in the future");
        }
        if (place != null) {
            place(place, violations);
        }
        if (channel != null) {
            violations.within(channel, details.channels(), "channel");
        }
        if (reach != null) {
            violations.check(reach.size() <= 50, "reach", "must have at most 50 audiences");
            for (int i = 0; i < reach.size(); i++) {
                reach(reach.get(i), "reach[" + i + "]", campaign, violations);
            }
            violations.unique(reach, r -> r == null ? null : r.audience(), "reach", ".audience");
        }
        violations.throwIfAny();
        return new ProgressUpdate.Figures(reportedOn, new Place(place.name(), place.adminArea(), place.subdivision(),
                place.latitude(), place.longitude()), channel,
                materials == null ? Map.of() : materials,
                reach == null ? List.of() : reach.stream().map(UpdateRules::toReach).toList(),
                notes);
    }

    /** Materials by the code each names; two names of one material are refused rather than added up. */
    private static Map<String, Long> materials(Map<String, Long> materials, Catalogue catalogue,
            Set<String> kept, Violations violations) {
        if (materials == null) {
            return null;
        }
        Map<String, Long> coded = new LinkedHashMap<>();
        materials.forEach((name, count) -> {
            String code = catalogue.stored(VocabularyKind.MATERIAL, name, kept, "materials." + name, violations);
            violations.check(!coded.containsKey(code), "materials." + name, "names the same material as another");
            coded.put(code, count);
        });
        return coded;
    }

    private static void place(UpdateRequests.PlaceInput place, Violations violations) {
        violations.text(place.name(), "place.name", 200).optionalText(place.adminArea(), "place.adminArea", 50)
                .check(place.subdivision() == null || Subdivisions.isKnown(place.subdivision()), "place.subdivision",
                        "is not an ISO 3166-2 subdivision code, such as GT-SM for San Marcos, Guatemala")
                .check((place.latitude() == null) == (place.longitude() == null),
                        place.latitude() == null ? "place.latitude" : "place.longitude",
                        "goes with " + (place.latitude() == null ? "longitude" : "latitude") + ": give both or neither")
                .check(place.latitude() == null || Math.abs(place.latitude()) <= 90, "place.latitude",
                        "must be decimal degrees from -90 to 90")
                .check(place.longitude() == null || Math.abs(place.longitude()) <= 180, "place.longitude",
                        "must be decimal degrees from -180 to 180");
    }

    private static void reach(UpdateRequests.ReachInput reach, String field, Campaign campaign, Violations violations) {
        violations.required(reach, field);
        if (reach == null) {
            return;
        }
        violations.text(reach.audience(), field + ".audience", 100).count(reach.people(), field + ".people");
        if (reach.audience() != null) {
            violations.check(campaign.details().hasAudience(reach.audience()), field + ".audience",
                    "is not one of the campaign's audiences");
        }
        violations.enumKeys(reach.bySex(), Sex.class, field + ".bySex")
                .counts(reach.bySex(), field + ".bySex")
                .enumKeys(reach.byAgeGroup(), AgeGroup.class, field + ".byAgeGroup")
                .counts(reach.byAgeGroup(), field + ".byAgeGroup");
        sumsTo(reach.bySex(), reach.people(), field + ".bySex", violations);
        sumsTo(reach.byAgeGroup(), reach.people(), field + ".byAgeGroup", violations);
    }

    private static void sumsTo(Map<String, Long> breakdown, Long people, String field, Violations violations) {
        if (breakdown == null || breakdown.isEmpty() || people == null || breakdown.containsValue(null)) {
            return;
        }
        long sum = breakdown.values().stream().mapToLong(Long::longValue).sum();
        violations.check(sum == people, field, "sums to " + sum + " but people is " + people);
    }

    private static AudienceReach toReach(UpdateRequests.ReachInput reach) {
        return new AudienceReach(reach.audience(), reach.people(), keyed(Sex.class, reach.bySex()),
                keyed(AgeGroup.class, reach.byAgeGroup()));
    }

    private static <E extends Enum<E>> Map<E, Long> keyed(Class<E> type, Map<String, Long> counts) {
        Map<E, Long> keyed = new EnumMap<>(type);
        if (counts != null) {
            counts.forEach((key, value) -> keyed.put(Enum.valueOf(type, key), value));
        }
        return keyed;
    }
}
