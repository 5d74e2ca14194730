package org.alcance.reporting;

import static org.alcance.reporting.Events.attended;
import static org.alcance.reporting.Events.completedCourse;
import static org.alcance.reporting.Events.created;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.reported;
import static org.alcance.reporting.Events.scheduled;
import static org.alcance.reporting.Events.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.alcance.events.AgeGroup;
import org.alcance.events.Sex;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.events.training.ParticipantEnrolled;
import org.alcance.events.training.ParticipantProfile;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.Issuer;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class ExportsIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    private static final String THEME = "theme-" + UUID.randomUUID();
    private static final String GT = "campaign-" + UUID.randomUUID();
    private static final String HN = "campaign-" + UUID.randomUUID();
    private static final String COURSE = "course-" + UUID.randomUUID();
    private static boolean reported;

    // once for the class, but after the context is up: a per-class instance would load it before the infrastructure
    @BeforeEach
    void fieldOfficesReportCampaignsAndACourse() {
        if (reported) {
            return;
        }
        reported = true;
        try (EventProducer producer = new EventProducer()) {
            producer.send(created(GT, "GT", THEME, "trafficking"));
            producer.send(reported(GT, "GT", "u1", "2002-06-15", "poster", 1_200, 40));
            producer.send(reported(GT, "GT", "u2", "2002-07-02", "radio", 300, 0));
            producer.send(Events.illustrative(created(HN, "HN", THEME)));
            producer.send(reported(HN, "HN", "u1", "2002-06-20", "radio", 450, 0));
            producer.send(scheduled(COURSE, "GT", THEME));
            producer.send(enrolled(COURSE, "GT", "p1", Sex.FEMALE, OrganisationType.NGO, EnrolmentStatus.ENROLLED));
            producer.send(new ParticipantEnrolled(COURSE, "GT", "p2", null, new ParticipantProfile(Sex.MALE,
                    AgeGroup.AGE_25_34, OrganisationType.POLICE, "SV"), EnrolmentStatus.ENROLLED));
            producer.send(session(COURSE, "GT", "s1"));
            producer.send(attended(COURSE, "GT", "s1", "p1", AttendanceStatus.PRESENT));
            producer.send(completedCourse(COURSE, "GT", "p1"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            get("/api/figures/campaigns/" + GT, ISSUER.hq()).expectBody().jsonPath("$.updatesCounted").isEqualTo(2);
            get("/api/figures/campaigns/" + HN, ISSUER.hq()).expectBody().jsonPath("$.updatesCounted").isEqualTo(1);
            get("/api/figures/courses/" + COURSE, ISSUER.hq()).expectBody().jsonPath("$.sequence").isEqualTo(6);
        });
    }

    @Test
    void shouldExportEveryTableAsCsvAndXlsxWithExactlyTheNumbersOfTheJsonFigures() throws IOException {
        Map<String, Object> overview = json("/api/figures/overview?theme=" + THEME);
        List<Object> campaigns = new ArrayList<>();
        List<Object> courses = new ArrayList<>();
        for (String office : List.of("GT", "HN")) {
            Map<String, Object> figures = json("/api/figures/offices/" + office + "?theme=" + THEME);
            campaigns.addAll(list(figures.get("campaigns")));
            courses.addAll(list(figures.get("courses")));
        }
        Map<String, List<List<String>>> expected = expectedTables(overview, campaigns, courses);
        String asOf = (String) overview.get("asOf");

        List<String> tables = list(json("/api/exports").get("tables")).stream()
                .map(table -> (String) map(table).get("name")).toList();
        assertThat(tables).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String table : tables) {
            EntityExchangeResult<byte[]> csv = export(table + ".csv?theme=" + THEME, ISSUER.hq());
            assertThat(csv.getResponseHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                    .as(table).isTrue();
            assertThat(csv.getResponseHeaders().getFirst("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"" + table + ".csv\"");
            assertThat(csv.getResponseHeaders().getFirst("X-Figures-As-Of")).isEqualTo(asOf);
            List<List<String>> csvRows = csvRows(csv.getResponseBody());
            assertThat(body(csvRows, asOf)).as("%s.csv", table).isEqualTo(expected.get(table));

            EntityExchangeResult<byte[]> xlsx = export(table + ".xlsx?theme=" + THEME, ISSUER.hq());
            assertThat(xlsx.getResponseHeaders().getFirst("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"" + table + ".xlsx\"");
            assertThat(xlsx.getResponseHeaders().getFirst("X-Figures-As-Of")).isEqualTo(asOf);
            List<List<String>> xlsxRows = xlsxRows(xlsx.getResponseBody());
            assertThat(xlsxRows.get(0)).as("%s.xlsx header", table).isEqualTo(csvRows.get(0));
            assertThat(body(xlsxRows, asOf)).as("%s.xlsx", table).isEqualTo(expected.get(table));
        }
        // and the JSON says what the field offices reported, so the comparison above compared something
        assertThat(expected.get("reach-by-office")).containsExactly(List.of("GT", "1540"), List.of("HN", "450"));
        assertThat(expected.get("participants-by-office")).containsExactly(List.of("GT", "2", "1", "1", "2", "1", "1"));
        assertThat(expected.get("participants-by-sex"))
                .containsExactly(List.of("FEMALE", "1", "1", "1"), List.of("MALE", "1", "0", "0"));
        assertThat(expected.get("participants-by-country"))
                .containsExactly(List.of("GT", "1", "1", "1"), List.of("SV", "1", "0", "0"));
        assertThat(expected.get("targets")).contains(List.of("teachers", "teachers", "6900", "40", "0.6"));
    }

    @Test
    void shouldFilterAnExportByPeriodAsTheOverviewDoes() {
        List<List<String>> rows = csvRows(export("reach-by-month.csv?theme=" + THEME + "&from=2002-07&to=2002-07",
                ISSUER.hq()).getResponseBody());
        assertThat(rows.get(0)).containsExactly("month", "people", "asOf");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("2002-07", "300"));
    }

    @Test
    void shouldExportToAFieldOfficeOnlyItsOwnOfficesFigures() {
        List<List<String>> rows = csvRows(export("reach-by-office.csv?theme=" + THEME, ISSUER.office("GT"))
                .getResponseBody());
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("GT", "1540"));
        get("/api/exports/reach-by-office.csv?office=HN", ISSUER.office("GT")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/exports/reach-by-office.xlsx").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldAnswer404ForAnUnknownTableAnd400ForABadPeriod() {
        get("/api/exports/reach-by-planet.csv", ISSUER.hq()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("reach-by-office"));
        get("/api/exports/reach-by-planet.xlsx", ISSUER.hq()).expectStatus().isNotFound();
        get("/api/exports/reach-by-office.csv?from=June", ISSUER.hq()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    @Test
    void shouldTimeTheFiguresAndExportQueries() {
        json("/api/figures/overview?theme=" + THEME);
        export("totals.csv?theme=" + THEME, ISSUER.hq());
        assertThat(meters.get("alcance.reporting.query").tag("query", "overview").tag("outcome", "success").timer()
                .count()).isPositive();
        assertThat(meters.get("alcance.reporting.query").tag("query", "export").tag("outcome", "success").timer()
                .count()).isPositive();
    }

    /** Each table as the JSON figures say it should be, without the asOf column. */
    private static Map<String, List<List<String>>> expectedTables(Map<String, Object> overview, List<Object> campaigns,
            List<Object> courses) {
        Map<String, Object> reach = map(overview.get("reach"));
        Map<String, Object> participants = map(overview.get("participants"));
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("campaigns", map(overview.get("campaigns")).get("total"));
        totals.put("updatesCounted", map(overview.get("campaigns")).get("updatesCounted"));
        totals.put("peopleReached", reach.get("total"));
        totals.put("courses", map(overview.get("courses")).get("total"));
        totals.put("sessionsHeld", map(overview.get("courses")).get("sessionsHeld"));
        for (String count : List.of("enrolled", "waitlisted", "withdrawn", "attended")) {
            totals.put("participants" + Character.toUpperCase(count.charAt(0)) + count.substring(1),
                    participants.get(count));
        }
        totals.put("participantSessionsAttended", participants.get("attendedSessions"));
        totals.put("participantsCompleted", participants.get("completed"));
        Map<String, Object> people = map(participants.get("people"));
        for (String count : List.of("enrolled", "attended", "completed")) {
            totals.put("people" + Character.toUpperCase(count.charAt(0)) + count.substring(1), people.get(count));
        }
        totals.put("illustrativeCampaigns", map(overview.get("illustrative")).get("campaigns"));
        totals.put("illustrativeCourses", map(overview.get("illustrative")).get("courses"));
        tables.put("totals", pairs(totals));
        tables.put("campaigns-by-status", pairs(map(map(overview.get("campaigns")).get("byStatus"))));
        for (String by : List.of("Office", "Month", "Country", "Subdivision", "Sex")) {
            tables.put("reach-by-" + by.toLowerCase(), pairs(map(reach.get("by" + by))));
        }
        // the catalogue's codes come with their labels, here in English
        Map<String, Object> labels = map(overview.get("labels"));
        for (String by : List.of("Audience", "Theme", "Channel")) {
            tables.put("reach-by-" + by.toLowerCase(), labelled(map(reach.get("by" + by)),
                    map(labels.get(by.toLowerCase() + "s"))));
        }
        tables.put("reach-by-age-group", pairs(map(reach.get("byAgeGroup"))));
        tables.put("targets", list(overview.get("targets")).stream().map(ExportsIT::map)
                .map(t -> cells(t.get("audience"), label(map(labels.get("audiences")), t.get("audience")),
                        t.get("target"), t.get("reached"), t.get("percentAchieved")))
                .toList());
        tables.put("materials", labelled(map(overview.get("materials")), map(labels.get("materials"))));
        tables.put("campaigns", rows(campaigns, c -> cells(c.get("id"), c.get("office"), c.get("title"),
                c.get("status"), c.get("reached"), c.get("illustrative"))));
        tables.put("courses-by-status", pairs(map(map(overview.get("courses")).get("byStatus"))));
        tables.put("courses", rows(courses, c -> cells(c.get("id"), c.get("office"), c.get("title"), c.get("status"),
                c.get("enrolled"), c.get("completed"), c.get("illustrative"))));
        Map<String, Object> peopleByOffice = map(participants.get("peopleByOffice"));
        tables.put("participants-by-office", map(participants.get("byOffice")).entrySet().stream().map(e -> {
            Map<String, Object> c = map(e.getValue());
            Map<String, Object> p = map(peopleByOffice.get(e.getKey()));
            return cells(e.getKey(), c.get("enrolled"), c.get("attended"), c.get("completed"), p.get("enrolled"),
                    p.get("attended"), p.get("completed"));
        }).toList());
        tables.put("participants-by-sex", participantCounts(map(participants.get("bySex"))));
        tables.put("participants-by-country", participantCounts(map(participants.get("byCountry"))));
        Map<String, Object> types = map(labels.get("organisationTypes"));
        tables.put("participants-by-organisation-type", map(participants.get("byOrganisationType")).entrySet().stream()
                .map(e -> {
                    Map<String, Object> c = map(e.getValue());
                    return cells(e.getKey(), label(types, e.getKey()), c.get("enrolled"), c.get("attended"),
                            c.get("completed"));
                }).toList());
        tables.put("training-targets", list(overview.get("trainingTargets")).stream().map(ExportsIT::map)
                .map(t -> cells(t.get("organisationType"), t.get("sex"), t.get("target"), t.get("trained"),
                        t.get("percentAchieved"))).toList());
        tables.put("reporting-periods", list(overview.get("periods")).stream().map(ExportsIT::map)
                .map(p -> cells(p.get("period"), p.get("from"), p.get("to"), p.get("status"))).toList());
        return tables;
    }

    private static List<List<String>> labelled(Map<String, Object> counts, Map<String, Object> labels) {
        return counts.entrySet().stream().map(e -> cells(e.getKey(), label(labels, e.getKey()), e.getValue()))
                .toList();
    }

    private static Object label(Map<String, Object> labels, Object code) {
        return labels.getOrDefault(String.valueOf(code), code);
    }

    private static List<List<String>> pairs(Map<String, Object> counts) {
        return counts.entrySet().stream().map(e -> cells(e.getKey(), e.getValue())).toList();
    }

    private static List<List<String>> participantCounts(Map<String, Object> counts) {
        return counts.entrySet().stream().map(e -> {
            Map<String, Object> c = map(e.getValue());
            return cells(e.getKey(), c.get("enrolled"), c.get("attended"), c.get("completed"));
        }).toList();
    }

    private static List<List<String>> rows(List<Object> items, Function<Map<String, Object>, List<String>> row) {
        return items.stream().map(ExportsIT::map).sorted(Comparator.comparing(c -> (String) c.get("id"))).map(row)
                .toList();
    }

    private static List<String> cells(Object... values) {
        List<String> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value == null ? "" : normalise(value.toString()));
        }
        return cells;
    }

    /** The rows after the header, each checked to end with {@code asOf} and then cut before it. */
    private static List<List<String>> body(List<List<String>> rows, String asOf) {
        assertThat(rows.get(0)).last().isEqualTo("asOf");
        return rows.subList(1, rows.size()).stream().map(row -> {
            assertThat(row).last().isEqualTo(asOf);
            return row.subList(0, row.size() - 1);
        }).toList();
    }

    private static String normalise(String value) {
        return NUMBER.matcher(value).matches() ? new BigDecimal(value).stripTrailingZeros().toPlainString() : value;
    }

    /** No exported value of these figures holds a comma or a quote, so a plain split reads them. */
    private static List<List<String>> csvRows(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotContain("\"");
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            rows.add(List.of(line.split(",", -1)).stream().map(ExportsIT::normalise).toList());
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = new ArrayList<>();
            int width = -1;
            for (Row row : workbook.getFirstSheet().read()) {
                width = width < 0 ? row.getCellCount() : width;
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null || cell.getType() == CellType.EMPTY ? ""
                            : cell.getType() == CellType.NUMBER ? cell.asNumber().stripTrailingZeros().toPlainString()
                            : cell.getText());
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private EntityExchangeResult<byte[]> export(String file, String token) {
        return get("/api/exports/" + file, token).expectStatus().isOk().expectBody(byte[].class).returnResult();
    }

    private Map<String, Object> json(String uri) {
        return get(uri, ISSUER.hq()).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
