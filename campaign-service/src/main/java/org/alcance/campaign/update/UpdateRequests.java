package org.alcance.campaign.update;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alcance.events.campaign.Place;

/** The bodies field offices send about progress; {@link UpdateRules} checks every field at once. */
final class UpdateRequests {

    /** IOM Guatemala's posters at the border, as the README reports them. */
    static final String EXAMPLE = """
            {"clientReference": "gt-0615-1", "reportedOn": "2002-06-15",
             "place": {"name": "Tecún Umán", "adminArea": "San Marcos", "subdivision": "GT-SM"}, "channel": "poster",
             "materials": {"posters": 5000},
             "reach": [{"audience": "migrants", "people": 1200, "bySex": {"FEMALE": 500, "MALE": 700}}]}""";

    static final String MINIMAL = """
            {"reportedOn": "2002-06-15", "place": {"name": "Tecún Umán"}, "channel": "poster",
             "reach": [{"audience": "migrants", "people": 1200}]}""";

    static final String CORRECTION = """
            {"reason": "Recounted from the attendance sheets",
             "reach": [{"audience": "migrants", "people": 1150, "bySex": {"FEMALE": 480, "MALE": 670}}]}""";

    private UpdateRequests() {
    }

    /**
     * {@code subdivision} is an ISO 3166-2 code such as {@code GT-SM}; {@code latitude} and {@code longitude} are
     * WGS 84 decimal degrees, both or neither. All but the name are optional.
     */
    record PlaceInput(@Schema(requiredMode = REQUIRED) String name, String adminArea, String subdivision, Double latitude, Double longitude) {

        static PlaceInput of(Place place) {
            return new PlaceInput(place.name(), place.adminArea(), place.subdivision(), place.latitude(),
                    place.longitude());
        }
    }

    /** People reached in one audience; {@code bySex} and {@code byAgeGroup}, if given, must sum to {@code people}. */
    record ReachInput(@Schema(requiredMode = REQUIRED) String audience, @Schema(requiredMode = REQUIRED) Long people,
            @Schema(description = "People by sex: FEMALE, MALE, OTHER, UNDISCLOSED") Map<String, Long> bySex,
            @Schema(description = "People by age group: UNDER_18, AGE_18_24, AGE_25_34, AGE_35_49, AGE_50_64,"
                    + " AGE_65_PLUS, UNKNOWN") Map<String, Long> byAgeGroup) {

        ReachInput named(String audience) {
            return new ReachInput(audience, people, bySex, byAgeGroup);
        }
    }

    /** A new update. {@code clientReference} is the office's own id for it: sending it again changes nothing. */
    @Schema(name = "NewProgressUpdate")
    record Report(@Schema(requiredMode = REQUIRED) LocalDate reportedOn, @Schema(requiredMode = REQUIRED) PlaceInput place,
            @Schema(requiredMode = REQUIRED) String channel, Map<String, Long> materials,
            @Schema(requiredMode = REQUIRED) List<ReachInput> reach, String notes, String clientReference) {
    }

    /** New figures for an update; fields left out keep their current value. */
    @Schema(name = "Correction")
    record Correct(LocalDate reportedOn, PlaceInput place, String channel, Map<String, Long> materials,
            List<ReachInput> reach, String notes, @Schema(requiredMode = REQUIRED) String reason) {
    }

    @Schema(name = "Retraction")
    record Retract(@Schema(requiredMode = REQUIRED) String reason) {
    }
}
