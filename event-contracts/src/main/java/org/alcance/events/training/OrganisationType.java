package org.alcance.events.training;

public enum OrganisationType {
    MINISTRY, POLICE, JUDICIARY, BORDER_GUARD, NGO, UN_AGENCY, ACADEMIA, OTHER
}
