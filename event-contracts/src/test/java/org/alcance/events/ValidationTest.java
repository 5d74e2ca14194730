package org.alcance.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.Place;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.campaign.ProgressRetracted;
import org.alcance.events.training.AssessmentKind;
import org.alcance.events.training.AssessmentRecorded;
import org.alcance.events.training.CompletionRule;
import org.alcance.events.training.CourseFormat;
import org.alcance.events.training.CourseScheduled;
import org.alcance.events.training.OrganisationType;
import org.alcance.events.training.ParticipantCompleted;
import org.alcance.events.training.ParticipantProfile;
import org.alcance.events.training.SessionHeld;
import org.alcance.events.vocabulary.VocabularyEntrySet;
import org.alcance.events.vocabulary.VocabularyKind;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2002, 6, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2002, 11, 30);
    private static final Place TECUN_UMAN = new Place("Tecún Umán", "San Marcos");

    private static AudienceReach migrants(long people, Map<Sex, Long> bySex) {
        return new AudienceReach("Migrants in transit", people, bySex, null);
    }

    private static ProgressReported report(Map<String, Long> materials, List<AudienceReach> reach) {
        return new ProgressReported("cmp-gt-2002-001", "GT", "upd-1", LocalDate.of(2002, 7, 15), TECUN_UMAN,
                "posters", materials, reach, null);
    }

    private static ProgressCorrected correction(int revision, String reason) {
        return new ProgressCorrected("cmp-gt-2002-001", "GT", "upd-1", revision, LocalDate.of(2002, 7, 15),
                TECUN_UMAN, "posters", Map.of("posters", 350L), List.of(new AudienceReach("Migrants in transit", 1150)),
                reason);
    }

    private static CampaignCreated campaign(List<AudienceTarget> audiences, LocalDate start, LocalDate end) {
        return new CampaignCreated("cmp-gt-2002-001", "GT", "Migrant Friend: You Have Rights", "Posters",
                List.of("migrants' rights"), List.of("posters"), List.of("Casa del Migrante"), audiences, start, end, false);
    }

    private static CourseScheduled course(LocalDate start, LocalDate end, int capacity) {
        return new CourseScheduled("crs-am-2002-003", "AM", "Migration Legislation", List.of("asylum law"),
                CourseFormat.COURSE, "Border Management Training Centre, Yerevan", List.of(), List.of(),
                List.of("border guards"), start, end, capacity, new CompletionRule(0.8, 60), List.of(), false);
    }

    @Test
    void shouldBuildAValidProgressReport() {
        ProgressReported report = report(Map.of("posters", 350L, "leaflets", 0L), List.of(
                migrants(120, Map.of(Sex.FEMALE, 30L, Sex.MALE, 90L)),
                new AudienceReach("Border officials", 0)));

        assertThat(report.aggregateId()).isEqualTo("cmp-gt-2002-001");
        assertThat(report.reach()).hasSize(2);
        assertThat(report.clientReference()).isNull();
    }

    @Test
    void shouldTakeAPlaceWithItsSubdivisionAndCoordinatesOrWithout() {
        assertThat(new Place("Tecún Umán", "San Marcos", "GT-SM", 14.68, -92.14).subdivision()).isEqualTo("GT-SM");
        assertThat(Place.countryOf("GT-SM")).isEqualTo("GT");
        assertThat(TECUN_UMAN.subdivision()).isNull();
        assertThatThrownBy(() -> new Place("Tecún Umán", null, "San Marcos", null, null))
                .hasMessageContaining("ISO 3166-2");
        assertThatThrownBy(() -> new Place("Tecún Umán", null, null, 14.68, null)).hasMessageContaining("together");
        assertThatThrownBy(() -> new Place("Tecún Umán", null, null, 14.68, -192.0)).hasMessageContaining("not on Earth");
    }

    @Test
    void shouldRejectNegativePeople() {
        assertThatThrownBy(() -> migrants(-1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("people must be >= 0 but is -1");
    }

    @Test
    void shouldRejectBreakdownThatDoesNotSumToPeople() {
        assertThatThrownBy(() -> migrants(120, Map.of(Sex.FEMALE, 30L, Sex.MALE, 60L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bySex sums to 90 but people is 120");
        assertThatThrownBy(() -> new AudienceReach("Migrants in transit", 120, null,
                Map.of(AgeGroup.AGE_18_24, 100L, AgeGroup.UNKNOWN, 21L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("byAgeGroup sums to 121 but people is 120");
    }

    @Test
    void shouldAcceptAnEmptyBreakdownAsNotDisaggregated() {
        AudienceReach reach = new AudienceReach("Migrants in transit", 120, null, Map.of());

        assertThat(reach.bySex()).isEmpty();
        assertThat(reach.byAgeGroup()).isEmpty();
    }

    @Test
    void shouldRejectNegativeBreakdownCount() {
        assertThatThrownBy(() -> migrants(10, Map.of(Sex.FEMALE, 11L, Sex.MALE, -1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bySex[MALE] must be >= 0 but is -1");
    }

    @Test
    void shouldRejectNegativeTarget() {
        assertThatThrownBy(() -> new AudienceTarget("Border officials", -300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target must be >= 0 but is -300");
    }

    @Test
    void shouldRejectNegativeMaterialCount() {
        assertThatThrownBy(() -> report(Map.of("posters", -3L), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("materials[posters] must be >= 0 but is -3");
    }

    @Test
    void shouldRejectEndDateBeforeStartDate() {
        assertThatThrownBy(() -> campaign(List.of(), NOV_30, JUNE_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endDate 2002-06-01 is before startDate 2002-11-30");
        assertThatThrownBy(() -> course(LocalDate.of(2002, 10, 18), LocalDate.of(2002, 10, 7), 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("endDate");
    }

    @Test
    void shouldAcceptOneDayPeriods() {
        assertThat(campaign(List.of(), JUNE_1, JUNE_1).endDate()).isEqualTo(JUNE_1);
    }

    @Test
    void shouldRejectScoreAbove100() {
        assertThatThrownBy(() -> new AssessmentRecorded("crs-am-2002-003", "AM", "p-1", AssessmentKind.POST, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score must be between 0 and 100 but is 101");
        assertThatThrownBy(() -> new ParticipantCompleted("crs-am-2002-003", "AM", "p-1", 0.9, 101))
                .hasMessageStartingWith("postScore");
        assertThatThrownBy(() -> new CompletionRule(0.8, 101)).hasMessageStartingWith("minPostScore");
        assertThat(new AssessmentRecorded("crs-am-2002-003", "AM", "p-1", AssessmentKind.PRE, 0).score()).isZero();
    }

    @Test
    void shouldRejectSharesOutsideZeroToOne() {
        assertThatThrownBy(() -> new CompletionRule(1.2, null)).hasMessageStartingWith("minAttendanceShare");
        assertThatThrownBy(() -> new ParticipantCompleted("crs-am-2002-003", "AM", "p-1", Double.NaN, null))
                .hasMessageStartingWith("attendanceShare");
    }

    @Test
    void shouldRejectBlankReasonOnCorrection() {
        assertThatThrownBy(() -> correction(2, "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must not be blank");
        assertThatThrownBy(() -> correction(2, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("reason must not be null");
        assertThatThrownBy(() -> new ProgressRetracted("cmp-gt-2002-001", "GT", "upd-1", "", Instant.now()))
                .hasMessage("reason must not be blank");
    }

    @Test
    void shouldRejectCorrectionRevisionBelowTwo() {
        assertThatThrownBy(() -> correction(1, "Counted twice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("revision must be >= 2 but is 1");
    }

    @Test
    void shouldRejectDuplicatedAudiences() {
        assertThatThrownBy(() -> campaign(List.of(new AudienceTarget("Migrants in transit", 25000),
                new AudienceTarget("Border officials", 300), new AudienceTarget("Migrants in transit", 100)),
                JUNE_1, NOV_30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("audiences[2].audience 'Migrants in transit' is duplicated");
        assertThatThrownBy(() -> report(Map.of(), List.of(migrants(5, null), migrants(7, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reach[1].audience 'Migrants in transit' is duplicated");
    }

    @Test
    void shouldRejectMissingRequiredFieldsByName() {
        assertThatThrownBy(() -> new ProgressReported("cmp-gt-2002-001", "GT", "upd-1", LocalDate.of(2002, 7, 15),
                null, "posters", null, null, null)).hasMessage("place must not be null");
        assertThatThrownBy(() -> new SessionHeld("crs-am-2002-003", " ", "ses-1", JUNE_1, "Intro", 90))
                .hasMessage("office must not be blank");
        assertThatThrownBy(() -> new SessionHeld("crs-am-2002-003", "AM", "ses-1", JUNE_1, "Intro", 0))
                .hasMessage("durationMinutes must be >= 1 but is 0");
        assertThatThrownBy(() -> course(JUNE_1, JUNE_1, 0)).hasMessage("capacity must be >= 1 but is 0");
        assertThatThrownBy(() -> new CampaignCreated("cmp-gt-2002-001", "GT", "Title", "", Arrays.asList("a", null),
                null, null, null, JUNE_1, NOV_30, false)).hasMessage("themes[1] must not be null");
    }

    @Test
    void shouldRejectACountryThatIsNotAnAlpha2Code() {
        assertThatThrownBy(() -> new ParticipantProfile(Sex.MALE, AgeGroup.AGE_35_49, OrganisationType.POLICE,
                "Armenia")).hasMessageStartingWith("country");
        assertThat(new ParticipantProfile(Sex.MALE, AgeGroup.AGE_35_49, OrganisationType.POLICE, "AM").country())
                .isEqualTo("AM");
    }

    @Test
    void shouldCopyCollectionsImmutablyAndTurnNullIntoEmpty() {
        List<AudienceTarget> audiences = new ArrayList<>(List.of(new AudienceTarget("Border officials", 300)));
        Map<String, Long> materials = new LinkedHashMap<>(Map.of("posters", 350L));
        CampaignCreated created = new CampaignCreated("cmp-gt-2002-001", "GT", "Title", "", null, null, null,
                audiences, JUNE_1, NOV_30, null);
        ProgressReported report = report(materials, null);

        audiences.clear();
        materials.put("leaflets", 10L);

        assertThat(created.audiences()).hasSize(1);
        assertThat(created.themes()).isEmpty();
        assertThat(created.illustrative()).isFalse();
        assertThat(report.materials()).containsOnlyKeys("posters");
        assertThat(report.reach()).isEmpty();
        assertThatThrownBy(() -> created.audiences().add(new AudienceTarget("x", 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> report.materials().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void vocabularyEntryShouldHaveACodeAndEveryLabel() {
        Map<String, String> labels = Map.of("en", "Journalists", "es", "Periodistas", "fr", "Journalistes");
        Instant at = Instant.parse("2002-01-07T09:00:00Z");
        assertThat(new VocabularyEntrySet(VocabularyKind.AUDIENCE, "journalists", labels, at, "admin").aggregateId())
                .isEqualTo("AUDIENCE/journalists");
        assertThatThrownBy(() -> new VocabularyEntrySet(VocabularyKind.AUDIENCE, "local journalists", labels, at,
                "admin")).hasMessageContaining("code");
        assertThatThrownBy(() -> new VocabularyEntrySet(VocabularyKind.AUDIENCE, "journalists",
                Map.of("en", "Journalists", "es", "Periodistas"), at, "admin")).hasMessageContaining("[en, es, fr]");
        assertThatThrownBy(() -> new VocabularyEntrySet(VocabularyKind.ORGANISATION_TYPE, "CHURCH", labels, at,
                "admin")).hasMessageContaining("organisation type");
    }
}
