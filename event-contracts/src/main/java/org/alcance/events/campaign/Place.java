package org.alcance.events.campaign;

import java.util.regex.Pattern;
import org.alcance.events.Checks;

/**
 * Where an activity took place. {@code adminArea} (department, province) is as the office wrote it, optional.
 * {@code subdivision}, its ISO 3166-2 code (e.g. {@code GT-SM}), and {@code latitude}/{@code longitude} (WGS 84
 * decimal degrees, both or neither) are optional fields added later: events published before carry none, and
 * consumers of before ignore them.
 */
public record Place(String name, String adminArea, String subdivision, Double latitude, Double longitude) {

    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    public Place {
        Checks.text(name, "name");
        Checks.optionalText(adminArea, "adminArea");
        if (subdivision != null && !SUBDIVISION.matcher(subdivision).matches()) {
            throw new IllegalArgumentException("subdivision must be an ISO 3166-2 code but is '" + subdivision + "'");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude go together");
        }
        if (latitude != null && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
            throw new IllegalArgumentException("coordinates " + latitude + ", " + longitude + " are not on Earth");
        }
    }

    /** A place named only, as offices reported before subdivisions and coordinates. */
    public Place(String name, String adminArea) {
        this(name, adminArea, null, null, null);
    }

    /** The ISO 3166-1 alpha-2 code of the subdivision's country; null without a subdivision. */
    public static String countryOf(String subdivision) {
        return subdivision == null ? null : subdivision.substring(0, 2);
    }
}
