package org.alcance.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What became of one row of a bulk upload: {@code created}, {@code unchanged} (sent before),
 * {@code duplicate} (repeats an earlier row of the same upload), {@code rejected}, or in a dry run
 * {@code valid}.
 */
public enum RowStatus {
    CREATED, UNCHANGED, DUPLICATE, REJECTED, VALID;

    /** The status of a row that was accepted: new or not, stored or only checked. */
    public static RowStatus accepted(boolean isNew, boolean dryRun) {
        return !isNew ? UNCHANGED : dryRun ? VALID : CREATED;
    }

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
