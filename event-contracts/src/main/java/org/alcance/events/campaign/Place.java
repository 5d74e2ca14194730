package org.alcance.events.campaign;

import org.alcance.events.Checks;

/** Where an activity took place; {@code adminArea} (department, province) is optional. */
public record Place(String name, String adminArea) {

    public Place {
        Checks.text(name, "name");
        Checks.optionalText(adminArea, "adminArea");
    }
}
