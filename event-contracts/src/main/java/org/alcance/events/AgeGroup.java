package org.alcance.events;

public enum AgeGroup {
    UNDER_18, AGE_18_24, AGE_25_34, AGE_35_49, AGE_50_64, AGE_65_PLUS, UNKNOWN
}
