package org.alcance.campaign.period;

import static org.alcance.events.period.PeriodStatus.APPROVED;
import static org.alcance.events.period.PeriodStatus.REOPENED;
import static org.alcance.events.period.PeriodStatus.RETURNED;
import static org.alcance.events.period.PeriodStatus.SUBMITTED;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.alcance.events.period.PeriodStatus;
import org.alcance.web.Caller;
import org.alcance.web.Problem;

/**
 * Who moves a reporting period where: an office submits its own period once it has ended (again after it was
 * returned or reopened); headquarters approves or returns a submitted one; an admin reopens an approved one.
 */
final class PeriodRules {

    /** The statuses each status is reached from; {@code null} stands for a period never submitted. */
    private static final Map<PeriodStatus, Set<PeriodStatus>> FROM = Map.of(
            SUBMITTED, setOf(null, RETURNED, REOPENED),
            APPROVED, Set.of(SUBMITTED),
            RETURNED, Set.of(SUBMITTED),
            REOPENED, Set.of(APPROVED));

    private PeriodRules() {
    }

    /** Refuses a caller who may not move an office's period to {@code wanted}. */
    static void requireAllowed(Caller caller, String office, PeriodStatus wanted) {
        switch (wanted) {
            case SUBMITTED -> caller.requireWriter(office, "reporting period", office);
            case APPROVED, RETURNED -> requireRole(caller, "hq", "approves or returns a reporting period");
            case REOPENED -> requireRole(caller, "admin", "reopens an approved reporting period");
        }
    }

    /**
     * Whether a period standing at {@code current} (null if never submitted) moves to {@code wanted}: false if it
     * stands there already, so that a repeated request changes nothing.
     *
     * @throws Problem 409 if it cannot move there from where it stands, or has not ended yet
     */
    static boolean moves(String name, PeriodStatus current, PeriodStatus wanted, LocalDate lastDay, LocalDate today) {
        if (current == wanted) {
            return false;
        }
        if (!FROM.get(wanted).contains(current)) {
            throw Problem.conflict(name + " is " + (current == null ? "not submitted" : current)
                    + (current == APPROVED ? " and locked; an admin reopens it first" : "") + ", so it cannot become "
                    + wanted);
        }
        if (wanted == SUBMITTED && !lastDay.isBefore(today)) {
            throw Problem.conflict(name + " ends on " + lastDay + "; it is submitted once it has ended");
        }
        return true;
    }

    private static void requireRole(Caller caller, String role, String action) {
        if (!caller.roles().contains(role)) {
            throw Problem.forbidden("Only the " + role + " role " + action);
        }
    }

    private static Set<PeriodStatus> setOf(PeriodStatus... statuses) {
        return new java.util.HashSet<>(java.util.Arrays.asList(statuses));
    }
}
