package org.alcance.events.period;

/**
 * Where an office's reporting period stands. {@code APPROVED} locks it: nothing dated inside it changes until an
 * admin reopens it. A period never submitted, returned or reopened holds provisional figures.
 */
public enum PeriodStatus {
    SUBMITTED, APPROVED, RETURNED, REOPENED
}
