package org.alcance.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sample season the local stack loads beside the annex: the same on every load, marked illustrative, for every
 * office of the annex, and made of requests the services accept.
 */
class SampleSeasonTest {

    private static final Pattern SUBDIVISION = Pattern.compile("([A-Z]{2})-[A-Z0-9]{1,3}");
    private final JsonNode season = SampleSeason.generate();

    @Test
    void shouldGenerateTheSameSeasonEveryTime() {
        assertThat(SampleSeason.generate()).isEqualTo(season);
        assertThat(SampleSeason.generate(DemoLoader.data(), DemoLoader.vocabulary(), DemoLoader.read(SampleSeason.PLACES)))
                .isEqualTo(season);
    }

    @Test
    void shouldMarkEveryCampaignAndCourseIllustrativeAndCoverEveryOfficeOfTheAnnex() {
        Set<String> offices = DemoLoader.offices(DemoLoader.data());
        List<String> references = new ArrayList<>();
        for (String kind : List.of("campaigns", "courses")) {
            assertThat(season.path(kind)).extracting(activity -> activity.path("office").asString())
                    .containsExactlyElementsOf(offices);
            season.path(kind).forEach(activity -> {
                assertThat(activity.path("create").path("illustrative").isBoolean()).isTrue();
                assertThat(activity.path("create").path("illustrative").asBoolean()).isTrue();
                assertThat(activity.path("create").path("title").asString()).containsIgnoringCase("illustrative sample");
                references.add(activity.path("create").path("clientReference").asString());
            });
        }
        season.path("campaigns").forEach(c -> c.path("updates").forEach(u -> references.add(u.path("clientReference").asString())));
        season.path("courses").forEach(c -> {
            c.path("sessions").forEach(s -> references.add(s.path("clientReference").asString()));
            c.path("participants").forEach(p -> references.add(p.path("clientReference").asString()));
        });
        assertThat(references).allMatch(reference -> reference.startsWith("sample-") && reference.length() <= 100)
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldReportEveryMonthOfTheSeasonAtCodedPlacesOfTheOfficesCountryWithBreakdownsThatAddUp() {
        int updates = 0;
        for (JsonNode campaign : season.path("campaigns")) {
            JsonNode create = campaign.path("create");
            Set<String> audiences = new HashSet<>();
            create.path("audiences").forEach(a -> audiences.add(a.path("audience").asString()));
            Set<String> channels = new HashSet<>();
            create.path("channels").forEach(c -> channels.add(c.asString()));
            Set<YearMonth> months = new TreeSet<>();
            for (JsonNode update : campaign.path("updates")) {
                updates++;
                LocalDate day = LocalDate.parse(update.path("reportedOn").asString());
                assertThat(day).isBetween(LocalDate.parse(create.path("startDate").asString()),
                        LocalDate.parse(create.path("endDate").asString()));
                months.add(YearMonth.from(day));
                var place = SUBDIVISION.matcher(update.path("place").path("subdivision").asString());
                assertThat(place.matches()).as("%s", update.path("place")).isTrue();
                assertThat(place.group(1)).isEqualTo(campaign.path("office").asString());
                assertThat(channels).contains(update.path("channel").asString());
                assertThat(update.path("reach")).isNotEmpty().allSatisfy(reach -> {
                    assertThat(audiences).contains(reach.path("audience").asString());
                    long people = reach.path("people").asLong();
                    assertThat(people).isPositive();
                    assertThat(sum(reach.path("bySex"))).isEqualTo(people);
                    assertThat(sum(reach.path("byAgeGroup"))).isEqualTo(people);
                });
            }
            assertThat(months).hasSize(15).first().isEqualTo(YearMonth.of(2001, 10));
            assertThat(months).last().isEqualTo(YearMonth.of(2002, 12));
        }
        assertThat(updates).as("a load that stays quick").isLessThanOrEqualTo(300);
    }

    @Test
    void shouldGiveEveryAudienceATargetWithCumulativeMilestonesUpToIt() {
        season.path("campaigns").forEach(campaign -> campaign.path("create").path("audiences").forEach(audience -> {
            long target = audience.path("target").asLong();
            assertThat(audience.path("baseline").asLong()).isBetween(0L, target);
            List<Long> milestones = new ArrayList<>();
            List<String> months = new ArrayList<>();
            audience.path("milestones").forEach(m -> {
                milestones.add(m.path("target").asLong());
                months.add(m.path("by").asString());
            });
            assertThat(months).containsExactly("2001-12", "2002-03", "2002-06", "2002-09", "2002-12");
            assertThat(milestones).isSorted().allMatch(m -> m <= target).last().isEqualTo(target);
        }));
    }

    @Test
    void shouldTrainEveryCourseWithAttendanceThatDecidesWhoCompletes() {
        long completing = 0;
        for (JsonNode course : season.path("courses")) {
            JsonNode create = course.path("create");
            int participants = course.path("participants").size();
            assertThat(participants).isBetween(1, create.path("capacity").asInt());
            assertThat(course.path("sessions")).hasSize(course.path("attendance").size());
            assertThat(course.path("scores")).hasSize(participants);
            LocalDate start = LocalDate.parse(create.path("startDate").asString());
            LocalDate end = LocalDate.parse(create.path("endDate").asString());
            course.path("sessions").forEach(s -> assertThat(LocalDate.parse(s.path("date").asString())).isBetween(start, end));
            double share = create.path("completionRule").path("minAttendanceShare").asDouble();
            int minPostScore = create.path("completionRule").path("minPostScore").asInt();
            for (int p = 0; p < participants; p++) {
                JsonNode participant = course.path("participants").get(p);
                int present = 0;
                for (JsonNode session : course.path("attendance")) {
                    present += Set.of("PRESENT", "LATE").contains(session.get(p).asString()) ? 1 : 0;
                }
                boolean meetsTheRule = present >= share * course.path("sessions").size()
                        && course.path("scores").get(p).path("post").asInt() >= minPostScore;
                assertThat(meetsTheRule).as("%s", participant).isEqualTo(participant.path("completes").asBoolean());
                completing += meetsTheRule ? 1 : 0;
                assertThat(participant.path("country").asString()).matches("[A-Z]{2}");
            }
        }
        assertThat(completing).isPositive();
    }

    @Test
    void shouldNameOnlyCodesOfTheCatalogue() {
        JsonNode vocabulary = DemoLoader.vocabulary();
        Map<String, String> kinds = Map.of("themes", "themes", "channels", "channels");
        for (JsonNode campaign : season.path("campaigns")) {
            kinds.forEach((field, kind) -> campaign.path("create").path(field)
                    .forEach(value -> assertThat(codes(vocabulary, kind)).contains(value.asString())));
            campaign.path("create").path("audiences").forEach(a ->
                    assertThat(codes(vocabulary, "audiences")).contains(a.path("audience").asString()));
            campaign.path("updates").forEach(u -> u.path("materials").propertyNames()
                    .forEach(material -> assertThat(codes(vocabulary, "materials")).contains(material)));
        }
        season.path("courses").forEach(course -> course.path("participants").forEach(p ->
                assertThat(codes(vocabulary, "organisation-types")).contains(p.path("organisationType").asString())));
    }

    @Test
    void shouldReportEveryStandingOfAPeriodAndLockNoneOfTheAnnexsOwnFigures() {
        assertThat(season.path("schedule").path("frequency").asString()).isEqualTo("QUARTERLY");
        assertThat(season.path("schedule").path("startsOn").asString()).isEqualTo(SampleSeason.FIRST.atDay(1).toString());
        Map<String, List<String>> moves = new TreeMap<>();
        season.path("periods").forEach(move -> moves.computeIfAbsent(move.path("office").asString() + " "
                + move.path("period").asString(), period -> new ArrayList<>()).add(move.path("action").asString()));
        String first = SampleSeason.quarter(SampleSeason.FIRST);
        for (String office : DemoLoader.offices(DemoLoader.data())) {
            assertThat(moves.get(office + " " + first)).containsExactly("submit", "approve");
        }
        // each period moves as headquarters would move it: submitted first, then approved or returned
        assertThat(moves.values()).allSatisfy(actions -> assertThat(List.of(List.of("submit"),
                List.of("submit", "approve"), List.of("submit", "return"))).contains(actions));
        assertThat(moves.values()).contains(List.of("submit"), List.of("submit", "return"));
        assertThat(moves.keySet()).anyMatch(period -> period.endsWith(" 2002-Q2"))
                .noneMatch(period -> period.endsWith(" 2002-Q3") || period.endsWith(" 2002-Q4"));
        // the approved quarter locks no update, session or course of the annex's own
        List<String> annexDays = new ArrayList<>();
        DemoLoader.data().path("campaigns").forEach(c -> c.path("updates").forEach(u -> annexDays.add(u.path("reportedOn").asString())));
        assertThat(annexDays).isNotEmpty().allSatisfy(day -> assertThat(SampleSeason.quarter(YearMonth.from(LocalDate.parse(day))))
                .isNotEqualTo(first));
        moves.forEach((period, actions) -> assertThat(actions.contains("approve")).as(period).isEqualTo(period.endsWith(first)));
    }

    private static Set<String> codes(JsonNode vocabulary, String kind) {
        Set<String> codes = new HashSet<>();
        vocabulary.path(kind).forEach(entry -> codes.add(entry.path("code").asString()));
        return codes;
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (JsonNode count : counts) {
            sum += count.asLong();
        }
        return sum;
    }
}
