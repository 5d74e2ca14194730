package org.alcance.campaign.update;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alcance.events.campaign.Place;

/** The bodies field offices send about progress; {@link UpdateRules} checks every field at once. */
final class UpdateRequests {

    private UpdateRequests() {
    }

    /**
     * {@code subdivision} is an ISO 3166-2 code such as {@code GT-SM}; {@code latitude} and {@code longitude} are
     * WGS 84 decimal degrees, both or neither. All but the name are optional.
     */
    record PlaceInput(String name, String adminArea, String subdivision, Double latitude, Double longitude) {

        static PlaceInput of(Place place) {
            return new PlaceInput(place.name(), place.adminArea(), place.subdivision(), place.latitude(),
                    place.longitude());
        }
    }

    /** People reached in one audience; {@code bySex} and {@code byAgeGroup}, if given, must sum to {@code people}. */
    record ReachInput(String audience, Long people, Map<String, Long> bySex, Map<String, Long> byAgeGroup) {

        ReachInput named(String audience) {
            return new ReachInput(audience, people, bySex, byAgeGroup);
        }
    }

    /** A new update. {@code clientReference} is the office's own id for it: sending it again changes nothing. */
    record Report(LocalDate reportedOn, PlaceInput place, String channel, Map<String, Long> materials,
            List<ReachInput> reach, String notes, String clientReference) {
    }

    /** New figures for an update; fields left out keep their current value. */
    record Correct(LocalDate reportedOn, PlaceInput place, String channel, Map<String, Long> materials,
            List<ReachInput> reach, String notes, String reason) {
    }

    record Retract(String reason) {
    }
}
