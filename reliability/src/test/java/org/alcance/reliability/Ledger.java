package org.alcance.reliability;

import static org.alcance.reliability.Http.map;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * What the suite posted and the services accepted, written down as it happens: the figures reporting must
 * show, exactly, once the pipeline has caught up. Every progress update reaches one audience with a number
 * of people of its own, so a lost or doubled update shows in the sums.
 */
final class Ledger {

    private static Ledger instance;

    private final Pipeline pipeline;
    private final Map<String, AtomicLong> reachedByCampaign = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> updatesByCampaign = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> attendedByCourse = new ConcurrentHashMap<>();
    private final Map<String, String> officeOf = new ConcurrentHashMap<>();
    /** Every name, email and phone enrolled, and every certificate code: none may ever leave the training service. */
    final Set<String> personalData = ConcurrentHashMap.newKeySet();

    private Ledger(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    static synchronized Ledger get() throws Exception {
        if (instance == null) {
            instance = new Ledger(Pipeline.get());
        }
        return instance;
    }

    record Course(String id, String office, List<String> participants, List<String> sessions) {
    }

    /** Creates and launches a campaign of {@code office}; returns its id. */
    String launchCampaign(String office) {
        String token = pipeline.office(office);
        String url = pipeline.campaigns.url() + "/api/campaigns";
        String id = pipeline.http.post(url, token, map(
                "title", "Migrant Friend: You Have Rights " + UUID.randomUUID(),
                "description", "Posters on migrants' rights at border crossings",
                "themes", List.of("migrant rights"), "channels", List.of("poster"),
                "audiences", List.of(map("audience", "children", "target", 250_000)),
                "startDate", "2002-01-01", "endDate", "2026-12-31"), 201).path("id").asString();
        pipeline.http.post(url + "/" + id + "/launch", token, null, 200);
        reachedByCampaign.put(id, new AtomicLong());
        updatesByCampaign.put(id, new AtomicLong());
        officeOf.put(id, office);
        return id;
    }

    /** Creates and launches {@code count} campaigns of {@code office}; returns their ids. */
    List<String> launchCampaigns(String office, int count) {
        List<String> campaigns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            campaigns.add(launchCampaign(office));
        }
        return campaigns;
    }

    /** A progress update's body: {@code people} children reached by posters. */
    static Map<String, Object> update(String reference, long people) {
        return map("clientReference", reference, "reportedOn", "2002-06-15",
                "place", map("name", "Tecún Umán", "adminArea", "San Marcos"), "channel", "poster",
                "reach", List.of(map("audience", "children", "people", people)));
    }

    /** Posts a new progress update and books it once it is accepted (201). */
    void report(String campaign, String reference, long people) {
        pipeline.http.post(pipeline.campaigns.url() + "/api/campaigns/" + campaign + "/updates",
                pipeline.office(officeOf.get(campaign)), update(reference, people), 201);
        reachedByCampaign.get(campaign).addAndGet(people);
        updatesByCampaign.get(campaign).incrementAndGet();
    }

    /**
     * Books what a scenario changed with requests of its own: {@code people} more reached in {@code updates}
     * more counted updates of the campaign (fewer, if negative, as a retraction leaves).
     */
    void book(String campaign, long people, long updates) {
        reachedByCampaign.get(campaign).addAndGet(people);
        updatesByCampaign.get(campaign).addAndGet(updates);
    }

    /** Books {@code marks} more participant-sessions attended of the course, marked by a scenario's own requests. */
    void bookAttendance(String course, long marks) {
        attendedByCourse.get(course).addAndGet(marks);
    }

    /** A started course of {@code office} with participants enrolled and sessions planned on past dates. */
    Course startedCourse(String office, int participants, int sessions) {
        String token = pipeline.office(office);
        String url = pipeline.training.url() + "/api/courses";
        String id = pipeline.http.post(url, token, map(
                "title", "Migration legislation " + UUID.randomUUID(), "topics", List.of("migration legislation"),
                "format", "COURSE", "venue", "Border Management Training Centre, Yerevan",
                "targetAudiences", List.of("border guards"), "startDate", "2002-01-01", "endDate", "2002-12-31",
                "capacity", participants), 201).path("id").asString();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            String name = "Anahit Petrosyan " + unique;
            String email = "anahit." + unique + "@border.example.am";
            String phone = "+374 10 " + (100_000 + Math.floorMod(unique.hashCode(), 900_000));
            personalData.addAll(List.of(name, email, phone));
            people.add(pipeline.http.post(url + "/" + id + "/participants", token, map("clientReference", unique,
                    "name", name, "email", email, "phone", phone, "organisationType", "BORDER_GUARD",
                    "sex", "FEMALE", "ageGroup", "AGE_25_34", "country", "AM"), 201).path("participantId").asString());
        }
        List<String> planned = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            planned.add(pipeline.http.post(url + "/" + id + "/sessions", token, map(
                    "date", LocalDate.of(2002, 2, 1).plusDays(i).toString(), "title", "Session " + (i + 1),
                    "durationMinutes", 180), 201).path("id").asString());
        }
        pipeline.http.post(url + "/" + id + "/start", token, null, 200);
        attendedByCourse.put(id, new AtomicLong());
        officeOf.put(id, office);
        return new Course(id, office, List.copyOf(people), List.copyOf(planned));
    }

    /** Marks every participant of the course PRESENT at one session and books the marks once accepted. */
    void attend(Course course, String session) {
        List<Map<String, Object>> marks = course.participants().stream()
                .map(participant -> map("participantId", participant, "status", "PRESENT")).toList();
        pipeline.http.post(pipeline.training.url() + "/api/courses/" + course.id() + "/sessions/" + session
                + "/attendance", pipeline.office(course.office()), map("records", marks), 200);
        attendedByCourse.get(course.id()).addAndGet(marks.size());
    }

    long updates() {
        return sum(updatesByCampaign);
    }

    long reached() {
        return sum(reachedByCampaign);
    }

    long attended() {
        return sum(attendedByCourse);
    }

    private static long sum(Map<String, AtomicLong> counts) {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** What reporting shows now, counted as the ledger counts. */
    record Figures(long updates, long reached, long attended) {
    }

    Figures expected() {
        return new Figures(updates(), reached(), attended());
    }

    /**
     * Reporting's figures now: HQ's overview, but only if every campaign and course also shows exactly what
     * was booked for it (else null), so that a loss in one place cannot hide behind a double count in another.
     */
    Figures shownIfExact(String reporting) {
        return differences(reporting, 1).isEmpty() ? shown(reporting) : null;
    }

    /** What the replica at {@code reporting} shows otherwise than booked, campaign by campaign and course by course. */
    List<String> differences(String reporting) {
        List<String> differences = differences(reporting, Integer.MAX_VALUE);
        Figures expected = expected();
        Figures shown = shown(reporting);
        if (!expected.equals(shown)) {
            differences.add("overview " + shown + ", booked " + expected);
        }
        return differences;
    }

    private List<String> differences(String reporting, int enough) {
        String hq = pipeline.hq();
        String figures = reporting + "/api/figures/";
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, AtomicLong> campaign : reachedByCampaign.entrySet()) {
            if (differences.size() >= enough) {
                return differences;
            }
            Http.Response response = pipeline.http.get(figures + "campaigns/" + campaign.getKey(), hq);
            long updates = updatesByCampaign.get(campaign.getKey()).get();
            if (response.status() != 200 || response.json().path("reached").asLong() != campaign.getValue().get()
                    || response.json().path("updatesCounted").asLong() != updates) {
                differences.add(String.format("campaign %s of %s: %d %s, booked %d reached in %d updates",
                        campaign.getKey(), officeOf.get(campaign.getKey()), response.status(), abridged(response.body()),
                        campaign.getValue().get(), updates));
            }
        }
        for (Map.Entry<String, AtomicLong> course : attendedByCourse.entrySet()) {
            if (differences.size() >= enough) {
                return differences;
            }
            Http.Response response = pipeline.http.get(figures + "courses/" + course.getKey(), hq);
            // the course's status as its owner names it: one vocabulary across the services
            String status = pipeline.http.get(pipeline.training.url() + "/api/courses/" + course.getKey(), hq).json()
                    .path("status").asString();
            if (response.status() != 200 || response.json().path("attendedSessions").asLong() != course.getValue().get()
                    || !response.json().path("status").asString().equals(status)) {
                differences.add(String.format("course %s: %d %s, booked %d attended, status %s in training-service",
                        course.getKey(), response.status(), abridged(response.body()), course.getValue().get(), status));
            }
        }
        return differences;
    }

    private static String abridged(String body) {
        return body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }

    /** HQ's overview as it is, exact or not. */
    Figures shown() {
        return shown(pipeline.reporting.url());
    }

    private Figures shown(String reporting) {
        JsonNode overview = pipeline.http.get(reporting + "/api/figures/overview", pipeline.hq()).json();
        return new Figures(overview.path("campaigns").path("updatesCounted").asLong(),
                overview.path("reach").path("total").asLong(),
                overview.path("participants").path("attendedSessions").asLong());
    }

    /** How a wait for the booked figures ended: {@code recovery} is null if they were not reached. */
    record Settled(Figures expected, Figures shown, Duration recovery) {

        boolean exact() {
            return recovery != null;
        }

        long in() {
            return expected.updates() + expected.attended();
        }

        long out() {
            return shown.updates() + shown.attended();
        }
    }

    /** Waits, at most {@code timeout}, until reporting shows exactly the booked figures everywhere. */
    Settled settle(Duration timeout) throws InterruptedException {
        return settle(pipeline.reporting.url(), timeout);
    }

    /** {@link #settle(Duration)} as one replica of reporting-service, at {@code reporting}, shows the figures. */
    Settled settle(String reporting, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        Figures expected = expected();
        while (System.nanoTime() - start < timeout.toNanos()) {
            Figures shown = shownIfExact(reporting);
            if (expected.equals(shown)) {
                return new Settled(expected, shown, Duration.ofNanos(System.nanoTime() - start));
            }
            Thread.sleep(250);
        }
        return new Settled(expected, shown(reporting), null);
    }
}
