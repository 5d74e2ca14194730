package org.alcance.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo data set (2002 field activities) through the public APIs, as the field offices
 * would: every call carries an idempotency key or a client reference, so loading twice changes nothing.
 * First an admin puts the catalogue the data set names its audiences, channels, themes, materials and
 * organisation types from (the same labels put again change nothing). Beside it, the illustrative field season
 * ({@link SampleSeason}) goes through the same APIs, its progress updates and rosters as bulk uploads.
 */
final class DemoLoader {

    static final String RESOURCE = "/demo/field-activities-2002.json";
    static final String VOCABULARY = "/demo/vocabulary.json";
    /** Fields of the data set that document it and are not part of an API body. */
    private static final Set<String> ANNOTATIONS = Set.of("ref", "source", "status", "datesFromText", "updates",
            "participants", "capacity");

    /** How many campaigns and courses of the sample season are sent at once. */
    private static final int SAMPLE_WRITERS = 4;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    /** What the course API requires and the text does not say, stated as such rather than guessed. */
    private static final String NOT_STATED = "not stated in the source";
    /** The largest capacity the course API takes: no limit stated, so nobody is waitlisted. */
    private static final int NO_STATED_LIMIT = 1_000;

    private final Issuer issuer;
    private final String campaignService;
    private final String trainingService;

    DemoLoader(Issuer issuer, String campaignService, String trainingService) {
        this.issuer = issuer;
        this.campaignService = campaignService;
        this.trainingService = trainingService;
    }

    static JsonNode data() {
        return read(RESOURCE);
    }

    /** Each kind of the catalogue ({@code audiences}, ...) with its entries: a code and its labels. */
    static JsonNode vocabulary() {
        return read(VOCABULARY);
    }

    static JsonNode read(String resource) {
        try (InputStream in = DemoLoader.class.getResourceAsStream(resource)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Demo data " + resource + " is unreadable", e);
        }
    }

    /** The offices the data set speaks of, each of which gets a client of the local issuer. */
    static Set<String> offices(JsonNode data) {
        Set<String> offices = new TreeSet<>();
        for (String kind : new String[] {"campaigns", "courses"}) {
            data.path(kind).forEach(activity -> offices.add(activity.path("office").asString()));
        }
        return offices;
    }

    /** Returns what was sent. */
    String load(JsonNode vocabulary, JsonNode data) throws IOException, InterruptedException {
        return loadVocabulary(vocabulary) + ", " + loadCampaigns(data) + ", " + loadCourses(data);
    }

    private String loadVocabulary(JsonNode vocabulary) throws IOException, InterruptedException {
        String token = issuer.admin();
        int entries = 0;
        for (Map.Entry<String, JsonNode> kind : vocabulary.properties()) {
            for (JsonNode entry : kind.getValue()) {
                String code = entry.path("code").asString();
                ObjectNode body = json.createObjectNode();
                body.set("labels", entry.path("labels"));
                send("PUT", campaignService, token, "/api/vocabularies/" + kind.getKey() + "/" + code, null, body,
                        200, 201);
                entries++;
            }
        }
        return entries + " vocabulary entries";
    }

    private String loadCampaigns(JsonNode data) throws IOException, InterruptedException {
        int campaigns = 0;
        int updates = 0;
        for (JsonNode campaign : data.path("campaigns")) {
            String token = issuer.office(campaign.path("office").asString());
            String ref = campaign.path("ref").asString();
            JsonNode created = post(campaignService, token, "/api/campaigns", "demo-" + ref, body(campaign), 201, 200);
            String id = created.path("id").asString();
            if ("DRAFT".equals(created.path("status").asString())) {
                post(campaignService, token, "/api/campaigns/" + id + "/launch", "demo-" + ref + "-launch", null, 200);
            }
            for (JsonNode update : campaign.path("updates")) {
                ObjectNode body = body(update);
                body.put("clientReference", update.path("ref").asString());
                post(campaignService, token, "/api/campaigns/" + id + "/updates", null, body, 201, 200);
                updates++;
            }
            if ("COMPLETED".equals(campaign.path("status").asString())) {
                post(campaignService, token, "/api/campaigns/" + id + "/complete", "demo-" + ref + "-complete", null,
                        200, 409);
            }
            campaigns++;
        }
        return campaigns + " campaigns with " + updates + " progress updates";
    }

    /**
     * Courses, and the participants the text counts: each enrolled under a pseudonym ("TN participant
     * 07"), with the organisation type and country the text gives and sex and age group undisclosed.
     */
    private String loadCourses(JsonNode data) throws IOException, InterruptedException {
        int courses = 0;
        int participants = 0;
        for (JsonNode course : data.path("courses")) {
            String office = course.path("office").asString();
            String token = issuer.office(office);
            String ref = course.path("ref").asString();
            ObjectNode body = body(course);
            if (!course.path("venue").isString()) {
                body.put("venue", NOT_STATED);
            }
            if (course.path("targetAudiences").isEmpty()) {
                body.putArray("targetAudiences").add(NOT_STATED);
            }
            body.put("capacity", course.path("capacity").isNumber() ? course.path("capacity").asInt() : NO_STATED_LIMIT);
            JsonNode created = post(trainingService, token, "/api/courses", "demo-" + ref, body, 201, 200);
            String id = created.path("id").asString();
            JsonNode group = course.path("participants");
            for (int i = 1; i <= group.path("count").asInt(); i++) {
                ObjectNode person = json.createObjectNode()
                        .put("clientReference", ref + "-" + i)
                        .put("name", office + " participant " + String.format(java.util.Locale.ROOT, "%02d", i))
                        .put("organisationType", group.path("organisationType").asString())
                        .put("sex", "UNDISCLOSED")
                        .put("ageGroup", "UNKNOWN")
                        .put("country", group.path("countries").propertyNames().iterator().next());
                post(trainingService, token, "/api/courses/" + id + "/participants", null, person, 201, 200);
                participants++;
            }
            if ("COMPLETED".equals(course.path("status").asString())) {
                post(trainingService, token, "/api/courses/" + id + "/start", "demo-" + ref + "-start", null, 200, 409);
                post(trainingService, token, "/api/courses/" + id + "/complete", "demo-" + ref + "-complete", null,
                        200, 409);
            }
            courses++;
        }
        return courses + " courses with " + participants + " participants";
    }

    /**
     * Sends the illustrative season {@link SampleSeason#generate} made, each campaign and course by a writer of
     * {@link #SAMPLE_WRITERS}, as offices work side by side (their writes touch different campaigns and courses);
     * returns what was sent.
     */
    String loadSample(JsonNode season) throws IOException, InterruptedException {
        List<Callable<Void>> loads = new ArrayList<>();
        int updates = 0;
        for (JsonNode campaign : season.path("campaigns")) {
            updates += campaign.path("updates").size();
            loads.add(() -> {
                loadSampleCampaign(campaign);
                return null;
            });
        }
        int participants = 0;
        int sessions = 0;
        for (JsonNode course : season.path("courses")) {
            participants += course.path("participants").size();
            sessions += course.path("sessions").size();
            loads.add(() -> {
                loadSampleCourse(course);
                return null;
            });
        }
        ExecutorService writers = Executors.newFixedThreadPool(SAMPLE_WRITERS);
        try {
            for (Future<Void> load : writers.invokeAll(loads)) {
                load.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            writers.shutdownNow();
        }
        loadSampleReporting(season);
        return season.path("campaigns").size() + " campaigns with " + updates + " progress updates, "
                + season.path("courses").size() + " courses with " + sessions + " sessions and " + participants
                + " participants, " + season.path("periods").size() + " moves of reporting periods";
    }

    /**
     * The season's reporting schedule, set by an admin, then its periods' moves once everything in them was sent:
     * submitted by the office, approved or returned by headquarters, each with a key that makes a second load
     * change nothing.
     */
    private void loadSampleReporting(JsonNode season) throws IOException, InterruptedException {
        send("PUT", campaignService, issuer.admin(), "/api/reporting-schedule", null, season.path("schedule"), 200);
        for (JsonNode move : season.path("periods")) {
            String office = move.path("office").asString();
            String action = move.path("action").asString();
            String path = "/api/reporting-periods/" + office + "/" + move.path("period").asString() + "/" + action;
            post(campaignService, "submit".equals(action) ? issuer.office(office) : issuer.hq(), path,
                    "sample" + path.replace('/', '-'), move.has("body") ? move.path("body") : null, 200);
        }
    }

    /** One campaign of the season: created, launched, and its progress updates uploaded in one bulk request. */
    private void loadSampleCampaign(JsonNode campaign) throws IOException, InterruptedException {
        Created created = create(campaignService, "/api/campaigns", campaign);
        String path = "/api/campaigns/" + created.id();
        if ("DRAFT".equals(created.status())) {
            post(campaignService, created.token(), path + "/launch", created.ref() + "-launch", null, 200);
        }
        ObjectNode rows = json.createObjectNode();
        rows.set("rows", campaign.path("updates"));
        accepted(post(campaignService, created.token(), path + "/updates/bulk", null, rows, 200), created.ref());
    }

    /**
     * One course of the season: scheduled, started, its sessions added, its roster uploaded, each session's
     * attendance and the scores recorded, then completed. A course completed before (by an earlier load) is left
     * as it is.
     */
    private void loadSampleCourse(JsonNode course) throws IOException, InterruptedException {
        Created created = create(trainingService, "/api/courses", course);
        if ("COMPLETED".equals(created.status())) {
            return;
        }
        String token = created.token();
        String ref = created.ref();
        String path = "/api/courses/" + created.id();
        post(trainingService, token, path + "/start", ref + "-start", null, 200, 409);
        List<String> sessions = new ArrayList<>();
        for (JsonNode session : course.path("sessions")) {
            sessions.add(post(trainingService, token, path + "/sessions", null, session, 201, 200).path("id").asString());
        }
        JsonNode roster = accepted(send("POST", trainingService, token, path + "/participants/bulk", null, "text/csv",
                roster(course.path("participants")), 200), ref);
        List<String> participants = new ArrayList<>();
        roster.path("rows").forEach(row -> participants.add(row.path("participantId").asString()));
        for (int s = 0; s < sessions.size(); s++) {
            ObjectNode marks = json.createObjectNode();
            ArrayNode records = marks.putArray("records");
            JsonNode statuses = course.path("attendance").get(s);
            for (int p = 0; p < participants.size(); p++) {
                records.addObject().put("participantId", participants.get(p)).put("status", statuses.get(p).asString());
            }
            post(trainingService, token, path + "/sessions/" + sessions.get(s) + "/attendance",
                    ref + "-attendance-" + (s + 1), marks, 200);
        }
        ObjectNode assessments = json.createObjectNode();
        ArrayNode records = assessments.putArray("records");
        for (int p = 0; p < participants.size(); p++) {
            JsonNode score = course.path("scores").get(p);
            records.addObject().put("participantId", participants.get(p)).put("kind", "PRE").put("score",
                    score.path("pre").asInt());
            records.addObject().put("participantId", participants.get(p)).put("kind", "POST").put("score",
                    score.path("post").asInt());
        }
        post(trainingService, token, path + "/assessments", ref + "-assessments", assessments, 200);
        post(trainingService, token, path + "/complete", ref + "-complete", null, 200, 409);
    }

    /** A campaign or course of the season as its office created it, or found it created by an earlier load. */
    private record Created(String token, String ref, String id, String status) {
    }

    private Created create(String service, String path, JsonNode activity) throws IOException, InterruptedException {
        String token = issuer.office(activity.path("office").asString());
        JsonNode created = post(service, token, path, null, activity.path("create"), 201, 200);
        return new Created(token, activity.path("ref").asString(), created.path("id").asString(),
                created.path("status").asString());
    }

    /** The participants as the roster CSV a field office uploads: a header, then one row each. */
    private String roster(JsonNode participants) throws IOException {
        List<String> columns = List.of("clientReference", "personReference", "name", "organisationType", "sex",
                "ageGroup", "country");
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder()
                .setHeader(columns.toArray(String[]::new)).get())) {
            for (JsonNode participant : participants) {
                List<String> row = new ArrayList<>();
                columns.forEach(column -> row.add(participant.path(column).asString()));
                printer.printRecord(row);
            }
        }
        return csv.toString();
    }

    /** A bulk upload's report, if it stored every row (or found it stored before); else what it refused. */
    private static JsonNode accepted(JsonNode report, String ref) throws IOException {
        if (report.path("rejected").asLong() != 0 || report.path("duplicate").asLong() != 0) {
            throw new IOException("The bulk upload of " + ref + " refused rows: " + report);
        }
        return report;
    }

    private ObjectNode body(JsonNode activity) {
        ObjectNode body = (ObjectNode) activity.deepCopy();
        ANNOTATIONS.forEach(body::remove);
        body.path("audiences").forEach(audience -> ((ObjectNode) audience).remove("source"));
        body.path("reach").forEach(reach -> ((ObjectNode) reach).remove("source"));
        return body;
    }

    private JsonNode post(String service, String token, String path, String key, JsonNode body, int... accepted)
            throws IOException, InterruptedException {
        return send("POST", service, token, path, key, body, accepted);
    }

    private JsonNode send(String method, String service, String token, String path, String key, JsonNode body,
            int... accepted) throws IOException, InterruptedException {
        return send(method, service, token, path, key, "application/json",
                body == null ? null : json.writeValueAsString(body), accepted);
    }

    /** Sends {@code body} (none if null) and returns the answer, if its status is one of {@code accepted}. */
    private JsonNode send(String method, String service, String token, String path, String key, String contentType,
            String body, int... accepted) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            }
        }
        throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
}
