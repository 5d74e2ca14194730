package org.alcance.events.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodFrequencyTest {

    @Test
    void quarterShouldContainItsThreeMonths() {
        PeriodFrequency.CalendarPeriod q2 = PeriodFrequency.QUARTERLY.containing(LocalDate.parse("2002-05-17"));

        assertThat(q2.id()).isEqualTo("2002-Q2");
        assertThat(q2.from()).isEqualTo("2002-04-01");
        assertThat(q2.to()).isEqualTo("2002-06-30");
        assertThat(q2.next().id()).isEqualTo("2002-Q3");
        assertThat(PeriodFrequency.QUARTERLY.parse("2002-Q4").next().id()).isEqualTo("2003-Q1");
    }

    @Test
    void monthShouldBeNamedAsItsYearAndMonth() {
        PeriodFrequency.CalendarPeriod february = PeriodFrequency.MONTHLY.parse("2004-02");

        assertThat(february.to()).isEqualTo("2004-02-29");
        assertThat(february.contains(LocalDate.parse("2004-02-29"))).isTrue();
        assertThat(february.contains(LocalDate.parse("2004-03-01"))).isFalse();
        assertThat(PeriodFrequency.MONTHLY.containing(LocalDate.parse("2002-12-31")).next().id()).isEqualTo("2003-01");
    }

    @Test
    void shouldRefuseANameOfAnotherFrequency() {
        assertThatThrownBy(() -> PeriodFrequency.QUARTERLY.parse("2002-06")).hasMessageContaining("YYYY-Qn");
        assertThatThrownBy(() -> PeriodFrequency.MONTHLY.parse("2002-Q2")).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> PeriodFrequency.QUARTERLY.parse("2002-Q5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scheduleShouldStartOnTheFirstDayOfAPeriod() {
        assertThatThrownBy(() -> new ReportingScheduleSet(PeriodFrequency.QUARTERLY, LocalDate.parse("2002-02-01"), 15,
                Instant.EPOCH, "admin")).hasMessageContaining("startsOn");
    }

    @Test
    void returningOrReopeningShouldNeedANote() {
        assertThatThrownBy(() -> new PeriodStatusChanged("GT", "2002-Q2", LocalDate.parse("2002-04-01"),
                LocalDate.parse("2002-06-30"), PeriodStatus.REOPENED, Instant.EPOCH, "admin", " "))
                .hasMessageContaining("note");
    }
}
