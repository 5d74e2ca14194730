package org.alcance.reporting.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.alcance.web.Problem;
import org.springframework.http.HttpStatus;

/**
 * The {@code from}/{@code to} filter on the date an activity was reported for: each a month ({@code 2002-06})
 * or a day ({@code 2002-06-15}), both inclusive, either may be absent.
 */
record Period(LocalDate from, LocalDate to) {

    static final Period ALWAYS = new Period(null, null);

    static Period parse(String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate start = bound(from, "from", true, errors);
        LocalDate end = bound(to, "to", false, errors);
        if (errors.isEmpty() && start != null && end != null && end.isBefore(start)) {
            errors.add(new Problem.FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "Invalid period", errors);
        }
        return new Period(start, end);
    }

    private static LocalDate bound(String value, String field, boolean start, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 7) {
                YearMonth month = YearMonth.parse(value);
                return start ? month.atDay(1) : month.atEndOfMonth();
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a month (YYYY-MM) or a date (YYYY-MM-DD), not \"" + value + "\""));
            return null;
        }
    }

    /**
     * The day of an {@code asOf} parameter (null if absent): the figures as they stood at its end.
     *
     * @throws Problem 400 naming {@code asOf} if it is not a date
     */
    static LocalDate day(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new Problem(HttpStatus.BAD_REQUEST, "Invalid asOf", List.of(new Problem.FieldError("asOf",
                    "must be a date (YYYY-MM-DD), not \"" + asOf + "\"")));
        }
    }

    boolean unbounded() {
        return from == null && to == null;
    }

    boolean contains(String isoDate) {
        if (isoDate == null) {
            return unbounded();
        }
        LocalDate date = LocalDate.parse(isoDate);
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
