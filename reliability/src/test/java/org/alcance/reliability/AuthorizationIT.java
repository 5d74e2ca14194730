package org.alcance.reliability;

import static org.alcance.reliability.Http.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.alcance.local.Issuer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: every endpoint of the three services called by nine callers, each answer's status as the table
 * below states it; and no answer to a field office carries any id or title of another office's data.
 */
@Order(7)
class AuthorizationIT {

    /** Who calls: no token, four tokens to refuse, then field offices GT (owner of the data) and AL, hq, admin. */
    enum Caller {
        NONE, EXPIRED, FORGED, AUDIENCE, ISSUER, OTHER_OFFICE, OWN_OFFICE, HQ, ADMIN;

        String token(Issuer issuer) {
            return switch (this) {
                case NONE -> null;
                case EXPIRED -> gt(issuer).expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign();
                case FORGED -> gt(issuer).forgedSignature().sign();
                case AUDIENCE -> gt(issuer).audience("another-api").sign();
                case ISSUER -> gt(issuer).issuer("https://elsewhere.example").sign();
                case OTHER_OFFICE -> issuer.office(OTHER);
                case OWN_OFFICE -> issuer.office(OWN);
                case HQ -> issuer.hq();
                case ADMIN -> issuer.admin();
            };
        }

        private static Issuer.Token gt(Issuer issuer) {
            return issuer.token().office(OWN).roles("office");
        }
    }

    static final String OWN = "GT";
    static final String OTHER = "AL";
    /** The person enrolled here: like every name the ledger keeps, it must never leave the training service. */
    static final String PERSON = "Lucía Pérez";
    /** People reached by the fixture's updates, by the matrix's new update and by its bulk upload's one row. */
    static final long REPORTED = 4;
    static final long NEW_UPDATE = 7;
    static final long BULK_ROW = 3;
    /** In place of a status: the request is not sent (see the row). */
    static final int NOT_SENT = 0;

    /** One endpoint, the request sent to it (path with {names} of the fixture's ids) and each caller's status. */
    record Row(String base, String method, String path, String contentType, byte[] body, int... expected) {

        String name() {
            return method + " " + path;
        }

        /** Open to anyone without a token: its answer is the same to every office by design. */
        boolean isPublic() {
            return expected[Caller.NONE.ordinal()] < 400;
        }
    }

    private final Map<String, String> ids = new HashMap<>();
    private String otherCampaign;
    /** Every id and title of each office's data made here: none may reach the other office. */
    private final Map<String, List<String>> dataOf = Map.of(OWN, new ArrayList<>(), OTHER, new ArrayList<>());

    @Test
    void shouldAnswerEveryCallerOfEveryEndpointAsTheTableSaysAndShowNoOfficeAnotherOfficesData() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        makeFixture(pipeline, ledger);
        List<Row> rows = table(pipeline);
        Map<Caller, String> tokens = new HashMap<>();
        for (Caller caller : Caller.values()) {
            tokens.put(caller, caller.token(pipeline.issuer));
        }

        List<String> failures = new ArrayList<>();
        int sent = 0;
        int checked = 0;
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                int expected = row.expected()[caller.ordinal()];
                if (expected == NOT_SENT) {
                    continue;
                }
                String url = row.base() + Http.expand(row.path(), ids);
                Http.Response answer = !row.path().endsWith("/stream") ? pipeline.http.send(row.method(), url,
                        tokens.get(caller), row.contentType(), row.body())
                        : caller == Caller.OWN_OFFICE || caller == Caller.OTHER_OFFICE
                        ? listenWhileBothOfficesReport(pipeline, ledger, url, tokens.get(caller), caller, failures)
                        : pipeline.http.open(url, tokens.get(caller));
                sent++;
                if (answer.status() != expected) {
                    failures.add(String.format("%s as %s: expected %d, got %d %s", row.name(), caller, expected,
                            answer.status(), Http.excerpt(answer.body())));
                }
                String other = caller == Caller.OWN_OFFICE ? OTHER : caller == Caller.OTHER_OFFICE ? OWN : null;
                if (other != null && answer.status() < 300 && !row.isPublic() && isText(answer)) {
                    checked++;
                    dataOf.get(other).stream().filter(answer.body()::contains).forEach(leaked -> failures.add(
                            String.format("%s as %s: answer holds %s of office %s", row.name(), caller, leaked, other)));
                }
            }
        }

        // what the matrix's writes as GT changed, booked for the scenarios that compare figures after this one
        ledger.book(ids.get("campaign"), NEW_UPDATE + BULK_ROW - REPORTED, 1); // two updates, one retracted
        ledger.bookAttendance(ids.get("course"), 1); // one participant at one session, LATE then PRESENT

        Report.check("7. Authorization matrix", String.format(Locale.ROOT,
                "%d endpoints × %d callers = %d requests (POST /api/admin/replay as admin not sent: it would start a"
                        + " real rebuild), each status as expected; %d answers to field offices checked (JSON, CSV,"
                        + " XLSX, and the live stream while both offices reported): none contained another office's"
                        + " ids", rows.size(), Caller.values().length, sent, checked));
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    /**
     * The table: for each endpoint the status each caller gets, in the order of {@link Caller}. A token that is
     * expired, forged, or for another audience or issuer is refused everywhere (401). Another office's campaign,
     * course or participant does not exist for a field office (404); hq and admin read every office's data but
     * change none (403), nor create any, as only a field office creates for itself.
     */
    private List<Row> table(Pipeline pipeline) {
        String campaigns = pipeline.campaigns.url();
        String training = pipeline.training.url();
        String reporting = pipeline.reporting.url();
        String reference = "authorization-" + UUID.randomUUID();
        return List.of(
                // service   method  path                                                    body                           none exp forged aud  iss other own  hq  admin
                row(campaigns, "POST", "/api/campaigns", json(campaign("GT")),                                             401, 401, 401, 401, 401, 403, 201, 403, 403),
                row(campaigns, "GET", "/api/campaigns", null,                                                              401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(campaigns, "GET", "/api/campaigns/{campaign}", null,                                                   401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(campaigns, "PATCH", "/api/campaigns/{campaign}", json(map("description", "More crossings", "reason", "Grown")),
                                                                                                                           401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "POST", "/api/campaigns/{draftCampaign}/launch", null,                                      401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "POST", "/api/campaigns/{activeCampaign}/complete", null,                                   401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "POST", "/api/campaigns/{campaignToCancel}/cancel", json(map("reason", "Funding ended")),   401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "POST", "/api/campaigns/{campaign}/updates", json(Ledger.update(reference, NEW_UPDATE)),    401, 401, 401, 401, 401, 404, 201, 403, 403),
                row(campaigns, "GET", "/api/campaigns/{campaign}/updates", null,                                           401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(campaigns, "GET", "/api/campaigns/{campaign}/updates/{update}", null,                                  401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(campaigns, "POST", "/api/campaigns/{campaign}/updates/{update}/correction",
                        json(map("notes", "Counted again", "reason", "Recount")),                                          401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "POST", "/api/campaigns/{campaign}/updates/{updateToRetract}/retraction",
                        json(map("reason", "Reported twice")),                                                             401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "POST", "/api/campaigns/{campaign}/updates/bulk",
                        json(map("rows", List.of(Ledger.update(reference + "-bulk", BULK_ROW)))),                          401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "PUT", "/api/reporting-schedule", json(map("frequency", "QUARTERLY", "startsOn", "2002-01-01")),
                                                                                                                           401, 401, 401, 401, 401, 403, 403, 403, 200),
                row(campaigns, "GET", "/api/reporting-schedule", null,                                                     401, 401, 401, 401, 401, 200, 200, 200, 200),
                // an organisation type's labels: the one kind of the catalogue that binds no campaign or update
                row(campaigns, "PUT", "/api/vocabularies/organisation-types/NGO",
                        json(map("labels", map("en", "NGO", "es", "ONG", "fr", "ONG"))),                                  401, 401, 401, 401, 401, 403, 403, 403, 200),
                row(campaigns, "GET", "/api/vocabularies", null,                                                           401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(campaigns, "GET", "/api/vocabularies/organisation-types/NGO", null,                                    401, 401, 401, 401, 401, 200, 200, 200, 200),
                // periods far from the fixture's updates, so that approving one locks none of them
                row(campaigns, "POST", "/api/reporting-periods/GT/2003-Q1/submit", null,                                   401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "POST", "/api/reporting-periods/GT/2003-Q1/approve", null,                                  401, 401, 401, 401, 401, 403, 403, 200, 403),
                row(campaigns, "POST", "/api/reporting-periods/GT/2003-Q1/reopen", json(map("reason", "A row was missing")),
                                                                                                                           401, 401, 401, 401, 401, 403, 403, 403, 200),
                row(campaigns, "POST", "/api/reporting-periods/GT/2003-Q2/submit", null,                                   401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(campaigns, "POST", "/api/reporting-periods/GT/2003-Q2/return", json(map("comment", "Radio logs missing")),
                                                                                                                           401, 401, 401, 401, 401, 403, 403, 200, 403),
                row(campaigns, "GET", "/api/reporting-periods", null,                                                      401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(campaigns, "GET", "/api/reporting-periods/GT/2003-Q1", null,                                           401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(campaigns, "GET", "/api/me", null,                                                                     401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(campaigns, "GET", "/actuator/health/readiness", null,                                                  200, 401, 401, 401, 401, 200, 200, 200, 200),
                row(campaigns, "GET", "/actuator/prometheus", null,                                                        200, 401, 401, 401, 401, 200, 200, 200, 200),

                row(training, "POST", "/api/courses", json(course("GT")),                                                  401, 401, 401, 401, 401, 403, 201, 403, 403),
                row(training, "GET", "/api/courses", null,                                                                 401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(training, "GET", "/api/courses/{course}", null,                                                        401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(training, "PATCH", "/api/courses/{course}", json(map("venue", "Border post", "reason", "Moved")),      401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "POST", "/api/courses/{scheduledCourse}/start", null,                                        401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "POST", "/api/courses/{startedCourse}/complete", null,                                       401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "POST", "/api/courses/{courseToCancel}/cancel", json(map("reason", "No venue")),             401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "POST", "/api/courses/{course}/sessions",
                        json(map("date", "2002-05-02", "title", "Extra session", "durationMinutes", 90)),                  401, 401, 401, 401, 401, 404, 201, 403, 403),
                row(training, "GET", "/api/courses/{course}/sessions", null,                                               401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(training, "POST", "/api/courses/{course}/participants", json(person(reference)),                       401, 401, 401, 401, 401, 404, 201, 403, 403),
                row(training, "GET", "/api/courses/{course}/participants", null,                                           401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(training, "GET", "/api/courses/{course}/participants/{participant}", null,                             401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(training, "POST", "/api/courses/{course}/participants/{participantToWithdraw}/withdraw",
                        json(map("reason", "Moved away")),                                                                 401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "POST", "/api/courses/{course}/participants/bulk", csv("clientReference,name,organisationType,"
                        + "sex,ageGroup,country\n" + reference + "-bulk," + PERSON + ",NGO,FEMALE,AGE_25_34,GT\n"),          401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "POST", "/api/courses/{course}/sessions/{session}/attendance",
                        json(map("records", List.of(map("participantId", ids.get("participant"), "status", "LATE")))),     401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "GET", "/api/courses/{course}/sessions/{session}/attendance", null,                          401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(training, "POST", "/api/courses/{course}/sessions/{session}/attendance/bulk",
                        csv("participantId,status\n" + ids.get("participant") + ",PRESENT\n"),                            401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "POST", "/api/courses/{course}/assessments",
                        json(map("records", List.of(map("participantId", ids.get("participant"), "kind", "PRE", "score", 60)))),
                                                                                                                           401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "GET", "/api/participants/{participant}", null,                                             401, 401, 401, 401, 401, 404, 200, 403, 403),
                row(training, "DELETE", "/api/participants/{participantToErase}", null,                                    401, 401, 401, 401, 401, 404, 204, 403, 403),
                row(training, "GET", "/api/certificates/{certificate}", null,                                              200, 401, 401, 401, 401, 200, 200, 200, 200),
                row(training, "GET", "/api/me", null,                                                                      401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(training, "GET", "/actuator/health/readiness", null,                                                   200, 401, 401, 401, 401, 200, 200, 200, 200),
                row(training, "GET", "/actuator/prometheus", null,                                                         200, 401, 401, 401, 401, 200, 200, 200, 200),

                row(reporting, "GET", "/api/figures/status", null,                                                         401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/api/figures/overview", null,                                                       401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/api/figures/offices/GT", null,                                                     401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(reporting, "GET", "/api/figures/campaigns/{campaign}", null,                                           401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(reporting, "GET", "/api/figures/courses/{course}", null,                                               401, 401, 401, 401, 401, 404, 200, 200, 200),
                row(reporting, "GET", "/api/figures/periods", null,                                                        401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/api/figures/stream", null,                                                         401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/api/exports", null,                                                                401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/api/exports/campaigns.csv", null,                                                  401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/api/exports/courses.xlsx", null,                                                   401, 401, 401, 401, 401, 200, 200, 200, 200),
                // as admin it would start a real rebuild of every figure under the scenarios after this one
                row(reporting, "POST", "/api/admin/replay", null,                                                          401, 401, 401, 401, 401, 403, 403, 403, NOT_SENT),
                row(reporting, "GET", "/api/admin/replay", null,                                                           401, 401, 401, 401, 401, 403, 403, 403, 200),
                row(reporting, "GET", "/api/me", null,                                                                     401, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/", null,                                                                           200, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/dashboard/dashboard.js", null,                                                     200, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/dashboard/dashboard.css", null,                                                    200, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/actuator/health/readiness", null,                                                  200, 401, 401, 401, 401, 200, 200, 200, 200),
                row(reporting, "GET", "/actuator/prometheus", null,                                                        200, 401, 401, 401, 401, 200, 200, 200, 200));
    }

    /**
     * Fresh data of both offices. Of GT, one resource per action that changes its state, so that each row acts on
     * what it expects whatever ran before it; of AL, the data GT must never see (and the other way round).
     */
    private void makeFixture(Pipeline pipeline, Ledger ledger) {
        ledger.personalData.add(PERSON);
        String token = pipeline.office(OWN);
        String campaignsUrl = pipeline.campaigns.url() + "/api/campaigns";
        String campaign = ledger.launchCampaign(OWN);
        ids.put("campaign", campaign);
        ids.put("update", reported(pipeline, ledger, campaign, OWN));
        ids.put("updateToRetract", reported(pipeline, ledger, campaign, OWN));
        ids.put("activeCampaign", ledger.launchCampaign(OWN));
        ids.put("draftCampaign", pipeline.http.post(campaignsUrl, token, campaign(null), 201).path("id").asString());
        ids.put("campaignToCancel", pipeline.http.post(campaignsUrl, token, campaign(null), 201).path("id").asString());

        String coursesUrl = pipeline.training.url() + "/api/courses";
        Ledger.Course course = ledger.startedCourse(OWN, 3, 1);
        ids.put("course", course.id());
        ids.put("session", course.sessions().get(0));
        ids.put("participant", course.participants().get(0));
        ids.put("participantToWithdraw", course.participants().get(1));
        ids.put("participantToErase", course.participants().get(2));
        ids.put("startedCourse", ledger.startedCourse(OWN, 1, 1).id());
        ids.put("scheduledCourse", pipeline.http.post(coursesUrl, token, course(null), 201).path("id").asString());
        ids.put("courseToCancel", pipeline.http.post(coursesUrl, token, course(null), 201).path("id").asString());
        ids.put("certificate", certificate(pipeline, ledger));

        otherCampaign = ledger.launchCampaign(OTHER);
        reported(pipeline, ledger, otherCampaign, OTHER);
        Ledger.Course alCourse = ledger.startedCourse(OTHER, 1, 1);
        ids.values().forEach(id -> dataOf.get(OWN).add(id));
        dataOf.get(OTHER).addAll(List.of(otherCampaign, alCourse.id(), alCourse.participants().get(0),
                alCourse.sessions().get(0)));
        for (String office : List.of(OWN, OTHER)) {
            dataOf.get(office).addAll(titles(pipeline, office));
            assertThat(dataOf.get(office)).as("ids and titles of office " + office).hasSizeGreaterThan(5)
                    .doesNotContainNull().doesNotContain("");
        }
        // reporting must know the campaign and course before their figures are asked for
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            for (String figures : List.of("campaigns/" + campaign, "courses/" + course.id())) {
                assertThat(pipeline.http.get(pipeline.reporting.url() + "/api/figures/" + figures, pipeline.hq())
                        .status()).isEqualTo(200);
            }
        });
    }

    /**
     * The live stream as a field office sees it while both offices report an update: it must show the caller's
     * own change (so that the check for the other office's ids has something to look through) and none other.
     */
    private Http.Response listenWhileBothOfficesReport(Pipeline pipeline, Ledger ledger, String url, String token,
            Caller caller, List<String> failures) {
        Http.Response answer = pipeline.http.listen(url, token, Duration.ofSeconds(5), () -> {
            ledger.report(ids.get("campaign"), "authorization-stream-" + UUID.randomUUID(), 2);
            ledger.report(otherCampaign, "authorization-stream-" + UUID.randomUUID(), 2);
        });
        String own = caller == Caller.OWN_OFFICE ? ids.get("campaign") : otherCampaign;
        if (!answer.body().contains(own)) {
            failures.add(String.format("GET /api/figures/stream as %s: its own change of campaign %s not shown: %s",
                    caller, own, Http.excerpt(answer.body())));
        }
        return answer;
    }

    /** Reports an update through the ledger and returns its id, the campaign's newest. */
    private static String reported(Pipeline pipeline, Ledger ledger, String campaign, String office) {
        ledger.report(campaign, "authorization-" + UUID.randomUUID(), REPORTED);
        return pipeline.http.get(pipeline.campaigns.url() + "/api/campaigns/" + campaign + "/updates?limit=1",
                pipeline.office(office)).json().path("items").path(0).path("id").asString();
    }

    /** A course of GT completed by its one participant, who attended its one session: their certificate's code. */
    private static String certificate(Pipeline pipeline, Ledger ledger) {
        Ledger.Course course = ledger.startedCourse(OWN, 1, 1);
        ledger.attend(course, course.sessions().get(0));
        String url = pipeline.training.url() + "/api/courses/" + course.id();
        pipeline.http.post(url + "/complete", pipeline.office(OWN), null, 200);
        String code = pipeline.http.get(url + "/participants/" + course.participants().get(0), pipeline.office(OWN))
                .json().path("completion").path("certificateCode").asString();
        ledger.personalData.add(code); // it verifies a person: no record may carry it either
        return code;
    }

    /** The titles of every campaign and course the office has (the ledger makes each unique). */
    private static List<String> titles(Pipeline pipeline, String office) {
        String hq = pipeline.hq();
        return Stream.of(pipeline.campaigns.url() + "/api/campaigns", pipeline.training.url() + "/api/courses")
                .flatMap(list -> pipeline.http.get(list + "?limit=200&office=" + office, hq).json().path("items")
                        .valueStream())
                .map(item -> item.path("title").asString()).toList();
    }

    private static Map<String, Object> campaign(String office) {
        return map("office", office, "title", "Authorization " + UUID.randomUUID(), "channels", List.of("radio"),
                "audiences", List.of(map("audience", "adults", "target", 500)),
                "startDate", "2002-01-01", "endDate", "2026-12-31");
    }

    private static Map<String, Object> course(String office) {
        return map("office", office, "title", "Authorization " + UUID.randomUUID(), "format", "WORKSHOP",
                "venue", "Quetzaltenango", "targetAudiences", List.of("police"), "startDate", "2002-01-01",
                "endDate", "2002-12-31", "capacity", 20);
    }

    private static Map<String, Object> person(String reference) {
        return map("clientReference", reference, "name", PERSON, "organisationType", "POLICE",
                "sex", "FEMALE", "ageGroup", "AGE_35_49", "country", "GT");
    }

    private static Row row(String base, String method, String path, Body body, int... expected) {
        assertThat(expected).hasSize(Caller.values().length);
        return new Row(base, method, path, body == null ? null : body.contentType(), body == null ? null : body.bytes(),
                expected);
    }

    private record Body(String contentType, byte[] bytes) {
    }

    private static Body json(Object body) {
        return new Body("application/json", Http.JSON.writeValueAsBytes(body));
    }

    private static Body csv(String text) {
        return new Body("text/csv", Http.utf8(text));
    }

    private static boolean isText(Http.Response answer) {
        return answer.contentType() != null && Set.of("application/json", "text/csv", "text/html",
                "text/event-stream", Http.XLSX).contains(answer.contentType().split(";")[0].trim());
    }
}
