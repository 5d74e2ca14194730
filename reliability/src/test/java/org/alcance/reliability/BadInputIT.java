package org.alcance.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.alcance.reliability.Http.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: malformed requests to every endpoint of the three services, generated from one valid request
 * per endpoint, are each refused with a 4xx problem+json; none is a 5xx, and none stores or publishes anything.
 */
@Order(6)
class BadInputIT {

    /** Stands for a field left out of an otherwise valid body. */
    private static final Object ABSENT = new Object();
    private static final Map<String, String> OPERATOR = Map.of("$gt", "");
    private static final String OPERATOR_IN_PATH = URLEncoder.encode("{\"$gt\": \"\"}", UTF_8);
    private static final String TRAVERSAL = "..%2F..%2Fetc%2Fpasswd";
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28};
    private static final int TEN_MB = 10 * 1024 * 1024;

    /** The ids the endpoints' paths name: fresh resources of office GT, made before the first snapshot. */
    private final Map<String, String> ids = new HashMap<>();

    /** One malformed request and what is wrong with it. */
    record Malformed(Endpoint endpoint, String what, String method, String url, String contentType, byte[] body,
            String... headers) {

        String describe(String answer) {
            String sent = body == null ? "" : " body " + Http.excerpt(new String(body, UTF_8));
            return String.format("%s (%s): %s %s%s -> %s", endpoint.name(), what, method, url, sent, answer);
        }
    }

    /** A way to spoil the valid request to an endpoint. */
    interface Variant {
        Malformed spoil(Endpoint endpoint);
    }

    /**
     * An endpoint, its caller's token and a valid body (null if it takes none); {@code variants} spoil that
     * request in ways of this endpoint's own, besides the ones every endpoint gets (see {@link #malformed}).
     */
    record Endpoint(String base, String token, String method, String path, Map<String, Object> body,
            List<Variant> variants) {

        String name() {
            return method + " " + path;
        }
    }

    /** What a parser's or the JVM's own messages carry, which an answer to a field office must not. */
    private static final Pattern INTERNALS = Pattern.compile(
            "StreamReadFeature|\\[Source:|tools\\.jackson|java\\.lang\\.|Exception");

    @Test
    void shouldRefuseEveryMalformedRequestWithAProblemAndNeitherStoreNorPublishAnything() throws Exception {
        Pipeline pipeline = Pipeline.get();
        makeFixture(pipeline);
        List<Endpoint> endpoints = endpoints(pipeline);
        List<Malformed> requests = malformed(endpoints);
        Footprint before = Footprint.atRest(pipeline);

        List<String> failures = new ArrayList<>();
        int problems = 0;
        int serverErrors = 0;
        for (Malformed request : requests) {
            Http.Response answer;
            try {
                answer = pipeline.http.send(request.method(), request.url(), request.endpoint().token(),
                        request.contentType(), request.body(), request.headers());
            } catch (java.io.UncheckedIOException e) {
                failures.add(request.describe("no answer: " + e.getCause()));
                continue;
            }
            if (answer.status() >= 500) {
                serverErrors++;
            }
            if (answer.status() >= 400 && answer.status() < 500 && answer.isProblem()
                    && !INTERNALS.matcher(answer.body()).find()) {
                problems++;
            } else {
                failures.add(request.describe(answer.status() + " " + answer.contentType() + " "
                        + Http.excerpt(answer.body())));
            }
        }
        Thread.sleep(5_000); // time for a write wrongly taken to reach the outbox relay, Kafka and reporting
        Footprint after = Footprint.now(pipeline);

        long stored = after.documents() - before.documents();
        long published = after.records() - before.records();
        Report.check("6. Bad input", String.format(java.util.Locale.ROOT,
                "%d malformed requests over %d endpoints, %d answered 4xx problem+json in plain words (no"
                        + " parser's or class's name), %d answered 5xx; "
                        + "documents stored: %d; records published: %d",
                requests.size(), endpoints.size(), problems, serverErrors, stored, published));
        failures.forEach(System.out::println);
        assertThat(failures).as("requests not refused with a 4xx problem+json in plain words").isEmpty();
        assertThat(after.byCollection()).as("documents per collection").isEqualTo(before.byCollection());
        assertThat(after.byTopic()).as("records per topic").isEqualTo(before.byTopic());
    }

    /** A campaign with an update and a started course with a participant and a session, all of office GT. */
    private void makeFixture(Pipeline pipeline) throws Exception {
        Ledger ledger = Ledger.get();
        String campaign = ledger.launchCampaign("GT");
        ledger.report(campaign, "bad-input-" + UUID.randomUUID(), 5);
        String token = pipeline.office("GT");
        ids.put("campaign", campaign);
        ids.put("update", pipeline.http.get(pipeline.campaigns.url() + "/api/campaigns/" + campaign + "/updates", token)
                .json().path("items").path(0).path("id").asString());
        Ledger.Course course = ledger.startedCourse("GT", 1, 1);
        ids.put("course", course.id());
        ids.put("participant", course.participants().get(0));
        ids.put("session", course.sessions().get(0));
        ids.put("code", "GT-2002-ABCDEFGHJK");
        ids.put("office", "GT");
        ids.put("table", "campaigns");
    }

    private List<Endpoint> endpoints(Pipeline pipeline) {
        String campaigns = pipeline.campaigns.url();
        String training = pipeline.training.url();
        String reporting = pipeline.reporting.url();
        String gt = pipeline.office("GT");
        String admin = pipeline.issuer.admin();
        String participant = ids.get("participant");

        Map<String, Object> campaign = map("title", "Bad input", "description", "Posters", "themes",
                List.of("migrant rights"), "channels", List.of("poster"),
                "audiences", List.of(map("audience", "children", "target", 1_000)),
                "startDate", "2002-01-01", "endDate", "2026-12-31");
        Map<String, Object> update = Ledger.update("bad-input", 5);
        Map<String, Object> reason = map("reason", "Bad input must change nothing");
        Map<String, Object> course = map("title", "Bad input", "topics", List.of("migration legislation"),
                "format", "COURSE", "venue", "Training centre", "targetAudiences", List.of("border guards"),
                "startDate", "2002-01-01", "endDate", "2002-12-31", "capacity", 10);
        Map<String, Object> person = map("clientReference", "bad-input", "name", "Ana López",
                "email", "ana@example.org", "phone", "+502 5555 1234", "organisationType", "BORDER_GUARD",
                "sex", "FEMALE", "ageGroup", "AGE_25_34", "country", "GT");

        return List.of(
                new Endpoint(campaigns, gt, "POST", "/api/campaigns", campaign, variants(jsonBody(true),
                        field("title", ABSENT), field("title", OPERATOR), field("office", OPERATOR),
                        field("office", "AL"), field("themes", "migrant rights"), field("channels.0", "carrier-pigeon"),
                        field("audiences.0.target", -1), field("audiences.0.target", 12.5),
                        field("audiences.0.target", new BigInteger("99999999999999999999")),
                        field("audiences.0.target", 2_000_000_000L), field("audiences.0.target", "many"),
                        field("startDate", "2002-13-45"), field("startDate", true),
                        field("endDate", "2001-12-31"))),
                new Endpoint(campaigns, gt, "GET", "/api/campaigns", null, listQueries()),
                new Endpoint(campaigns, gt, "GET", "/api/campaigns/{campaign}", null, List.of()),
                new Endpoint(campaigns, gt, "PATCH", "/api/campaigns/{campaign}",
                        map("description", "Posters at more crossings", "reason", "More crossings"),
                        variants(jsonBody(true), field("title", ""), field("title", OPERATOR), field("audiences", List.of()),
                                field("channels", List.of("carrier-pigeon")), field("endDate", "2002-02-30"),
                                field("reason", "x".repeat(1_001)), header("If-Match", "\"not-a-version\""))),
                new Endpoint(campaigns, gt, "POST", "/api/campaigns/{campaign}/launch", null, notJson()),
                new Endpoint(campaigns, gt, "POST", "/api/campaigns/{campaign}/complete", null, notJson()),
                new Endpoint(campaigns, gt, "POST", "/api/campaigns/{campaign}/cancel", reason, variants(jsonBody(false),
                        field("reason", ABSENT), field("reason", ""), field("reason", OPERATOR),
                        field("reason", "x".repeat(1_001)))),
                new Endpoint(campaigns, gt, "POST", "/api/campaigns/{campaign}/updates", update, variants(jsonBody(true),
                        field("reportedOn", "2999-01-01"), field("reportedOn", "2002-02-30"),
                        field("reportedOn", "yesterday"), field("place", ABSENT), field("place.name", OPERATOR),
                        field("channel", "carrier-pigeon"), field("reach", ABSENT), field("reach.0.people", -5),
                        field("reach.0.people", 2.5), field("reach.0.people", new BigInteger("1" + "0".repeat(20))),
                        field("reach.0.audience", "martians"), field("reach.0.bySex", map("UNKNOWN", 5)),
                        field("reach.0.bySex", map("FEMALE", 3, "MALE", 1)), field("materials", map("poster", -3)),
                        field("clientReference", map("$ne", null)),
                        header("Idempotency-Key", "k".repeat(201)))),
                new Endpoint(campaigns, gt, "GET", "/api/campaigns/{campaign}/updates", null, pageQueries()),
                new Endpoint(campaigns, gt, "GET", "/api/campaigns/{campaign}/updates/{update}", null, List.of()),
                new Endpoint(campaigns, gt, "POST", "/api/campaigns/{campaign}/updates/{update}/correction",
                        map("notes", "Counted again", "reason", "Recount"), variants(jsonBody(true),
                                field("reason", ABSENT), field("notes", OPERATOR), field("reportedOn", "2999-01-01"),
                                field("reach", List.of(map("audience", "children", "people", -1))))),
                new Endpoint(campaigns, gt, "POST", "/api/campaigns/{campaign}/updates/{update}/retraction", reason,
                        variants(jsonBody(true), field("reason", ABSENT), field("reason", OPERATOR),
                                field("reason", "x".repeat(1_001)))),
                new Endpoint(campaigns, gt, "POST", "/api/campaigns/{campaign}/updates/bulk",
                        map("rows", List.of(update)), variants(Stream.concat(jsonBody(true).stream(), csvBody(
                                "clientReference,reportedOn,place,channel,children\nbulk-1,2002-06-15,Tecún Umán,poster,5\n")
                                .stream()).toList(), field("rows", "all"), field("rows", OPERATOR))),
                new Endpoint(campaigns, gt, "GET", "/api/me", null, List.of()),

                new Endpoint(training, gt, "POST", "/api/courses", course, variants(jsonBody(true),
                        field("title", ABSENT), field("title", OPERATOR), field("office", "AL"),
                        field("format", "PODCAST"), field("capacity", -1), field("capacity", 1_001),
                        field("capacity", 12.5), field("capacity", "ten"), field("capacity", 2_147_483_648L),
                        field("targetAudiences", List.of()), field("startDate", "2002-02-30"),
                        field("endDate", "2001-01-01"), field("completionRule", map("minAttendanceShare", 1.5)))),
                new Endpoint(training, gt, "GET", "/api/courses", null, listQueries()),
                new Endpoint(training, gt, "GET", "/api/courses/{course}", null, List.of()),
                new Endpoint(training, gt, "PATCH", "/api/courses/{course}", map("venue", "Another centre", "reason", "Moved"),
                        variants(jsonBody(true), field("venue", OPERATOR), field("capacity", 0), field("format", "PODCAST"),
                                field("startDate", "someday"), header("If-Match", "\"not-a-version\""))),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/start", null, notJson()),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/complete", null, notJson()),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/cancel", reason, variants(jsonBody(false),
                        field("reason", ABSENT), field("reason", OPERATOR))),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/sessions",
                        map("date", "2002-03-01", "title", "Extra session", "durationMinutes", 90), variants(jsonBody(true),
                                field("date", ABSENT), field("title", OPERATOR), field("date", "2002-02-30"), field("date", "2999-01-01"),
                                field("durationMinutes", -60), field("durationMinutes", 100_000),
                                field("durationMinutes", 1e10))),
                new Endpoint(training, gt, "GET", "/api/courses/{course}/sessions", null, List.of()),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/participants", person, variants(jsonBody(true),
                        field("name", ABSENT), field("name", OPERATOR), field("sex", "X"), field("ageGroup", "AGE_200"),
                        field("organisationType", "ALIEN"), field("email", "not-an-email"), field("phone", "call me"),
                        field("country", "Guatemala"), field("clientReference", map("$ne", null)))),
                new Endpoint(training, gt, "GET", "/api/courses/{course}/participants", null, List.of()),
                new Endpoint(training, gt, "GET", "/api/courses/{course}/participants/{participant}", null, List.of()),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/participants/{participant}/withdraw", reason,
                        variants(jsonBody(false), field("reason", OPERATOR), field("reason", "x".repeat(1_001)))),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/participants/bulk", null, csvBody(
                        "clientReference,name,organisationType,sex,ageGroup,country\nbulk-1,Ana,NGO,FEMALE,AGE_25_34,GT\n")),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/sessions/{session}/attendance",
                        map("records", List.of(map("participantId", participant, "status", "PRESENT"))),
                        variants(jsonBody(true), field("records", ABSENT), field("records", List.of()),
                                field("records", "all"), field("records.0.status", "MAYBE"),
                                field("records.0.participantId", OPERATOR), field("records.0.participantId", "nobody"))),
                new Endpoint(training, gt, "GET", "/api/courses/{course}/sessions/{session}/attendance", null, List.of()),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/sessions/{session}/attendance/bulk", null,
                        csvBody("participantId,status\n" + participant + ",PRESENT\n")),
                new Endpoint(training, gt, "POST", "/api/courses/{course}/assessments",
                        map("records", List.of(map("participantId", participant, "kind", "PRE", "score", 50))),
                        variants(jsonBody(true), field("records.0.kind", "MID"), field("records.0.score", -1),
                                field("records.0.score", 101), field("records.0.score", 50.5),
                                field("records.0.score", 2_147_483_648L), field("records.0.participantId", OPERATOR))),
                new Endpoint(training, gt, "GET", "/api/participants/{participant}", null, List.of()),
                new Endpoint(training, gt, "DELETE", "/api/participants/{participant}", null, List.of()),
                new Endpoint(training, null, "GET", "/api/certificates/{code}", null, List.of()),
                new Endpoint(training, gt, "GET", "/api/me", null, List.of()),

                new Endpoint(reporting, gt, "GET", "/api/figures/status", null, List.of()),
                new Endpoint(reporting, gt, "GET", "/api/figures/overview", null, variants(periodQueries(),
                        query("office=" + OPERATOR_IN_PATH))),
                new Endpoint(reporting, gt, "GET", "/api/figures/offices/{office}", null, periodQueries()),
                new Endpoint(reporting, gt, "GET", "/api/figures/campaigns/{campaign}", null, List.of()),
                new Endpoint(reporting, gt, "GET", "/api/figures/courses/{course}", null, List.of()),
                new Endpoint(reporting, gt, "GET", "/api/figures/stream", null, List.of()),
                new Endpoint(reporting, gt, "GET", "/api/exports", null, List.of()),
                new Endpoint(reporting, gt, "GET", "/api/exports/{table}.csv", null, periodQueries()),
                new Endpoint(reporting, gt, "GET", "/api/exports/{table}.xlsx", null, periodQueries()),
                // POST /api/admin/replay takes no input at all: any request an admin may send starts a replay
                new Endpoint(reporting, admin, "GET", "/api/admin/replay", null, List.of()),
                new Endpoint(reporting, gt, "GET", "/api/me", null, List.of()));
    }

    /**
     * Every request to send: each endpoint's own variants, then what any endpoint gets: an operator and a path
     * traversal in place of each id, a GET of JSON asking for XML, and a method no path takes (once per path).
     */
    private List<Malformed> malformed(List<Endpoint> endpoints) {
        List<Malformed> requests = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints) {
            endpoint.variants().forEach(variant -> requests.add(variant.spoil(endpoint)));
            Matcher placeholders = Http.PLACEHOLDER.matcher(endpoint.path());
            while (placeholders.find()) {
                for (String bad : List.of(OPERATOR_IN_PATH, TRAVERSAL)) {
                    String path = endpoint.path().replace(placeholders.group(), bad);
                    requests.add(new Malformed(endpoint, placeholders.group(1) + " " + bad, endpoint.method(),
                            url(endpoint.base(), path), endpoint.body() == null ? null : "application/json",
                            endpoint.body() == null ? null : Http.JSON.writeValueAsBytes(endpoint.body())));
                }
            }
            // a file export names its type in its path, and may disregard Accept (RFC 9110, section 12.5.1)
            if (endpoint.method().equals("GET") && !endpoint.path().matches(".*\\.(csv|xlsx)")) {
                requests.add(request(endpoint, "asks for XML", "", null, null, "Accept", "application/xml"));
            }
            if (paths.add(endpoint.base() + endpoint.path())) {
                requests.add(new Malformed(endpoint, "a method no endpoint takes", "PUT", url(endpoint.base(),
                        endpoint.path()), "application/json", Http.utf8("{}")));
            }
        }
        return requests;
    }

    /** What every endpoint taking a JSON body gets; a body that may be left out is not sent empty. */
    private List<Variant> jsonBody(boolean required) {
        List<Variant> variants = new ArrayList<>(List.of(
                e -> request(e, "truncated JSON", "", "application/json", Arrays.copyOf(json(e), json(e).length / 2)),
                e -> request(e, "an array, not an object", "", "application/json", bytes("[", json(e), "]")),
                e -> request(e, "invalid UTF-8 in a string", "", "application/json", invalidUtf8(json(e))),
                e -> request(e, "a duplicate key", "", "application/json", duplicateFirstKey(json(e))),
                e -> request(e, "JSON sent as text/plain", "", "text/plain", json(e)),
                e -> request(e, "JSON without a Content-Type", "", null, json(e)),
                e -> request(e, "XML", "", "application/xml", Http.utf8("<request/>")),
                e -> request(e, "a body over 10 MB", "", "application/json", tenMegabytes(e))));
        if (required) {
            variants.add(e -> request(e, "no body", "", "application/json", new byte[0]));
        }
        return variants;
    }

    /** What a bodiless action gets: a body that is not JSON, or no JSON at all. */
    private List<Variant> notJson() {
        return List.of(
                e -> request(e, "truncated JSON", "", "application/json", Http.utf8("{\"reason\": ")),
                e -> request(e, "text/plain", "", "text/plain", Http.utf8("please")),
                e -> request(e, "invalid UTF-8", "", "application/json", bytes("{\"reason\": \"", INVALID_UTF8, "\"}")));
    }

    /** What every CSV upload gets: {@code valid} is a file it would take. */
    private List<Variant> csvBody(String valid) {
        byte[] csv = Http.utf8(valid);
        return List.of(
                e -> request(e, "CSV as XML", "", "application/xml", csv),
                e -> request(e, "CSV declared Latin-1", "", "text/csv; charset=ISO-8859-1", csv),
                e -> request(e, "CSV without a Content-Type", "", null, csv),
                e -> request(e, "CSV of invalid UTF-8", "", "text/csv", bytes(valid.substring(0, 20), INVALID_UTF8,
                        valid.substring(20))),
                e -> request(e, "an empty CSV", "", "text/csv", new byte[0]),
                e -> request(e, "CSV with unknown columns", "", "text/csv", Http.utf8("$where,sleep(1000)\n1,2\n")),
                e -> request(e, "a quoted cell never closed", "", "text/csv", Http.utf8(valid.replaceFirst("\n", "\n\""))),
                e -> request(e, "CSV over 10 MB", "", "text/csv", bytes(valid, Http.utf8("x".repeat(TEN_MB)))),
                e -> request(e, "dryRun an operator", "?dryRun=" + OPERATOR_IN_PATH, "text/csv", csv),
                e -> request(e, "dryRun not a boolean", "?dryRun=maybe", "text/csv", csv));
    }

    private List<Variant> listQueries() {
        return variants(pageQueries(), query("status=MAYBE"), query("status=" + OPERATOR_IN_PATH),
                query("from=2002-13-45"), query("to=tomorrow"), query("from=" + OPERATOR_IN_PATH));
    }

    private List<Variant> pageQueries() {
        return List.of(query("limit=-1"), query("limit=0"), query("limit=201"), query("limit=99999999999"),
                query("limit=abc"), query("cursor=" + OPERATOR_IN_PATH), query("cursor=" + TRAVERSAL));
    }

    private List<Variant> periodQueries() {
        return List.of(query("from=2002-13"), query("to=someday"), query("from=2003-01&to=2002-01"),
                query("from=" + OPERATOR_IN_PATH));
    }

    private static List<Variant> variants(List<Variant> common, Variant... own) {
        return Stream.concat(common.stream(), Stream.of(own)).toList();
    }

    private Variant field(String path, Object value) {
        return e -> request(e, path + " = " + (value == ABSENT ? "absent" : Http.excerpt(String.valueOf(value))), "",
                "application/json", Http.JSON.writeValueAsBytes(with(e.body(), path, value)));
    }

    private Variant query(String query) {
        return e -> request(e, query, "?" + query, null, null);
    }

    private Variant header(String name, String value) {
        return e -> request(e, name + " " + Http.excerpt(value), "", "application/json", json(e), name, value);
    }

    /** The endpoint's request with this body and query, its ids those of the fixture. */
    private Malformed request(Endpoint endpoint, String what, String query, String contentType, byte[] body,
            String... headers) {
        return new Malformed(endpoint, what, endpoint.method(), url(endpoint.base(), endpoint.path()) + query,
                contentType, body, headers);
    }

    private String url(String base, String path) {
        return base + Http.expand(path, ids);
    }

    private static byte[] json(Endpoint endpoint) {
        return Http.JSON.writeValueAsBytes(endpoint.body());
    }

    /** The valid body with the value at {@code path} (names and list indexes: "reach.0.people") replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = Http.JSON.readValue(Http.JSON.writeValueAsBytes(body), LinkedHashMap.class);
        Object parent = copy;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent instanceof List<?> list ? list.get(Integer.parseInt(steps[i]))
                    : ((Map<String, Object>) parent).get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(last), value);
        } else if (value == ABSENT) {
            ((Map<String, Object>) parent).remove(last);
        } else {
            ((Map<String, Object>) parent).put(last, value);
        }
        return copy;
    }

    /** The first member again, first, with null: a parser that lets the last one win reads the valid body. */
    private static byte[] duplicateFirstKey(byte[] json) {
        String text = new String(json, UTF_8);
        String key = text.substring(1, text.indexOf(':') + 1);
        return Http.utf8("{" + key + "null," + text.substring(1));
    }

    /** The first text value starts with a byte sequence that is not UTF-8. */
    private static byte[] invalidUtf8(byte[] json) {
        String text = new String(json, UTF_8);
        int start = text.indexOf(":\"") + 2;
        return bytes(text.substring(0, start), INVALID_UTF8, text.substring(start));
    }

    private static byte[] tenMegabytes(Endpoint endpoint) {
        String key = endpoint.body().keySet().iterator().next();
        return bytes("{\"" + key + "\": \"", Http.utf8("x".repeat(TEN_MB)), "\"}");
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : Http.utf8(part.toString()));
        }
        return out.toByteArray();
    }

    /** What the pipeline holds: documents in each collection of every database, records in each topic. */
    record Footprint(Map<String, Long> byCollection, Map<String, Long> byTopic) {

        private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");

        long documents() {
            return byCollection.values().stream().mapToLong(Long::longValue).sum();
        }

        long records() {
            return byTopic.values().stream().mapToLong(Long::longValue).sum();
        }

        static Footprint now(Pipeline pipeline) throws Exception {
            Map<String, Long> documents = new TreeMap<>();
            for (String uri : List.of(pipeline.infrastructure.mongoUri(), pipeline.reportingDatabase.uri())) {
                try (MongoClient mongo = MongoClients.create(uri)) {
                    for (String name : mongo.listDatabaseNames()) {
                        if (SYSTEM_DATABASES.contains(name)) {
                            continue;
                        }
                        MongoDatabase database = mongo.getDatabase(name);
                        for (String collection : database.listCollectionNames()) {
                            documents.put(name + "." + collection, database.getCollection(collection).countDocuments());
                        }
                    }
                }
            }
            Map<String, Long> records = new TreeMap<>();
            try (Admin admin = pipeline.admin()) {
                Offsets.of(admin, admin.listTopics().names().get(30, SECONDS), OffsetSpec.latest())
                        .forEach((partition, end) -> records.merge(partition.topic(), end, Long::sum));
            }
            return new Footprint(documents, records);
        }

        /** Once two looks three seconds apart agree: the fixture's events relayed, consumed and applied. */
        static Footprint atRest(Pipeline pipeline) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            Footprint last = now(pipeline);
            while (System.nanoTime() < deadline) {
                Thread.sleep(3_000);
                Footprint next = now(pipeline);
                if (next.equals(last)) {
                    return next;
                }
                last = next;
            }
            throw new IllegalStateException("The pipeline did not come to rest: " + last);
        }
    }
}
