package org.alcance.events.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an organisation's reporting periods divide the calendar, and how a period is named in events and paths:
 * {@code 2002-06} for a month, {@code 2002-Q2} for a quarter.
 */
public enum PeriodFrequency {

    MONTHLY(1), QUARTERLY(3);

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final int months;

    PeriodFrequency(int months) {
        this.months = months;
    }

    /** The period of this frequency that contains {@code day}. */
    public CalendarPeriod containing(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        YearMonth first = month.withMonth((month.getMonthValue() - 1) / months * months + 1);
        return of(first);
    }

    /**
     * The period named {@code id}.
     *
     * @throws IllegalArgumentException if {@code id} does not name a period of this frequency
     */
    public CalendarPeriod parse(String id) {
        if (id != null) {
            if (this == QUARTERLY) {
                Matcher quarter = QUARTER.matcher(id);
                if (quarter.matches()) {
                    return of(YearMonth.of(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)) * 3 - 2));
                }
            } else if (id.length() == 7) {
                try {
                    return of(YearMonth.parse(id));
                } catch (DateTimeParseException notAMonth) {
                    // named below
                }
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a " + name().toLowerCase(java.util.Locale.ROOT)
                + " period; write " + (this == QUARTERLY ? "YYYY-Qn, e.g. 2002-Q2" : "YYYY-MM, e.g. 2002-06"));
    }

    private CalendarPeriod of(YearMonth first) {
        YearMonth last = first.plusMonths(months - 1L);
        String id = this == MONTHLY ? first.toString() : first.getYear() + "-Q" + ((first.getMonthValue() + 2) / 3);
        return new CalendarPeriod(this, id, first.atDay(1), last.atEndOfMonth());
    }

    /** One reporting period: its name and its first and last days, both inclusive. */
    public record CalendarPeriod(PeriodFrequency frequency, String id, LocalDate from, LocalDate to) {

        public CalendarPeriod next() {
            return frequency.containing(to.plusDays(1));
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }
}
