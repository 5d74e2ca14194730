package org.alcance.local;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The illustrative field season the local stack loads beside the annex's own figures, so that every chart has
 * something to show on a first run (docs/architecture.md, "Illustrative data"). It is generated from the annex's
 * activities, for each office the annex names: a campaign with the office's themes, channels, partners and
 * audiences, reported on every month from {@link #FIRST} to {@link #LAST} at coded places of the office's country
 * (reach by audience with its sex and age split, materials), with targets, a baseline and quarterly milestones;
 * and a course shaped after the office's own (or its campaign) with sessions, enrolments, attendance, assessments
 * and completions. Every campaign and course is sent as {@code illustrative}, every write with the client reference
 * or idempotency key that makes a second load change nothing.
 *
 * <p>The figures are made up, from a fixed seed per office, so that every load, on every machine, is the same. The
 * season runs fifteen months, from October 2001 to December 2002: a quarter or a month of 2002 then has data both
 * in the period before and in the same period a year earlier.
 *
 * <p>The season is a tree of request bodies ({@link #generate}), which {@link DemoLoader} sends: {@code campaigns},
 * each with its {@code create} body and its {@code updates} (rows of a bulk upload), and {@code courses}, each with
 * its {@code create} body, {@code sessions}, {@code participants} (each marked whether the season means them to
 * complete), their {@code attendance} per session and their {@code scores}; then the reporting {@code schedule}
 * and the {@code periods}' moves (submit, approve, return), each naming its office, period and body.
 */
public final class SampleSeason {

    static final YearMonth FIRST = YearMonth.of(2001, 10);
    static final YearMonth LAST = YearMonth.of(2002, 12);
    static final String PLACES = "/demo/sample-places.json";
    private static final long SEED = 20_021_113L;
    private static final int SESSIONS = 3;
    private static final int CAPACITY = 30;
    /** Two of three sessions: someone present at every session completes, someone present at one does not. */
    private static final double MIN_ATTENDANCE_SHARE = 0.6;
    private static final int MIN_POST_SCORE = 50;
    private static final List<String> SEXES = List.of("FEMALE", "MALE", "UNDISCLOSED");
    private static final List<String> AGE_GROUPS = List.of("UNDER_18", "AGE_18_24", "AGE_25_34", "AGE_35_49",
            "AGE_50_64", "AGE_65_PLUS", "UNKNOWN");
    private static final List<String> DEFAULT_CHANNELS = List.of("workshop", "leaflet", "radio");
    private static final List<String> DEFAULT_AUDIENCES = List.of("government-officials", "general-public");
    /** Themes of the catalogue that a course's topic speaks of (a word of it), for an office that ran no campaign. */
    private static final Map<String, String> THEMES_OF_TOPICS = inOrder("traffick", "counter-trafficking",
            "asylum", "perception-of-asylum-seekers-and-refugees", "discrimination", "non-discrimination",
            "racism", "racism-and-xenophobia", "legislation", "legal-assistance", "women", "women-migrants",
            "rights", "migrant-rights");
    /** Organisation types that a course's target audience names (a word of it). */
    private static final Map<String, String> ORGANISATIONS_OF_AUDIENCES = inOrder("police", "POLICE",
            "prosecutor", "JUDICIARY", "border", "BORDER_GUARD", "ngo", "NGO", "official", "MINISTRY",
            "student", "ACADEMIA", "academic", "ACADEMIA", "journalist", "OTHER");

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNode annex;
    private final JsonNode vocabulary;
    private final JsonNode places;

    private SampleSeason(JsonNode annex, JsonNode vocabulary, JsonNode places) {
        this.annex = annex;
        this.vocabulary = vocabulary;
        this.places = places;
    }

    /** The season generated from the demo data the local stack ships. */
    public static JsonNode generate() {
        return generate(DemoLoader.data(), DemoLoader.vocabulary(), DemoLoader.read(PLACES));
    }

    /** The season of {@code annex}'s offices, naming the codes of {@code vocabulary}, at {@code places}. */
    static JsonNode generate(JsonNode annex, JsonNode vocabulary, JsonNode places) {
        return new SampleSeason(annex, vocabulary, places).season();
    }

    private JsonNode season() {
        ObjectNode season = json.createObjectNode();
        ArrayNode campaigns = season.putArray("campaigns");
        ArrayNode courses = season.putArray("courses");
        // calendar quarters from the season's first month, due 15 days after they end
        season.putObject("schedule").put("frequency", "QUARTERLY").put("startsOn", FIRST.atDay(1).toString())
                .put("dueDays", 15);
        ArrayNode moves = season.putArray("periods");
        List<String> offices = List.copyOf(DemoLoader.offices(annex));
        for (int i = 0; i < offices.size(); i++) {
            String office = offices.get(i);
            if (!places.has(office)) {
                throw new IllegalStateException("No sample places for office " + office + " in " + PLACES);
            }
            Random random = new Random(SEED * 31 + office.hashCode());
            List<JsonNode> ownCampaigns = of(office, "campaigns");
            List<JsonNode> ownCourses = of(office, "courses");
            ObjectNode campaign = campaign(office, ownCampaigns, ownCourses, random);
            campaigns.add(campaign);
            courses.add(course(office, offices, i, ownCourses, campaign.path("create"), random));
            reporting(moves, office, new Random(SEED * 37 + office.hashCode()));
        }
        return season;
    }

    /**
     * How far an office's reporting of the season has gone, as moves of its periods in order, so that the figures
     * show every standing: the season's first quarter submitted and approved by every office; 2002-Q1 submitted by
     * most, some of them returned with a comment; 2002-Q2 submitted by about half; later quarters not submitted.
     * Only the first quarter is approved: it holds none of the annex's own figures, so none of them is locked.
     */
    private void reporting(ArrayNode moves, String office, Random random) {
        move(moves, office, FIRST, "submit", "Illustrative sample: the season's first quarter.");
        move(moves, office, FIRST, "approve", null);
        YearMonth q1 = YearMonth.of(2002, 1);
        if (random.nextInt(5) != 0) {
            move(moves, office, q1, "submit", null);
            if (random.nextInt(4) == 0) {
                move(moves, office, q1, "return", "Illustrative sample: please add the sex split of the workshops.");
            }
        }
        if (random.nextBoolean()) {
            move(moves, office, YearMonth.of(2002, 4), "submit", null);
        }
    }

    private void move(ArrayNode moves, String office, YearMonth in, String action, String comment) {
        ObjectNode move = moves.addObject().put("office", office).put("period", quarter(in)).put("action", action);
        if (comment != null) {
            move.putObject("body").put("comment", comment);
        }
    }

    /** The quarter a month is in, named as the schedule names it: 2002-Q3. */
    static String quarter(YearMonth month) {
        return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    }

    private List<JsonNode> of(String office, String kind) {
        List<JsonNode> activities = new ArrayList<>();
        annex.path(kind).forEach(activity -> {
            if (office.equals(activity.path("office").asString())) {
                activities.add(activity);
            }
        });
        return activities;
    }

    private ObjectNode campaign(String office, List<JsonNode> ownCampaigns, List<JsonNode> ownCourses, Random random) {
        String ref = "sample-" + office.toLowerCase(Locale.ROOT) + "-season";
        Set<String> themes = new LinkedHashSet<>();
        Set<String> channels = new LinkedHashSet<>();
        Set<String> partners = new LinkedHashSet<>();
        Set<String> audiences = new LinkedHashSet<>();
        for (JsonNode own : ownCampaigns) {
            own.path("themes").forEach(theme -> themes.add(theme.asString()));
            own.path("channels").forEach(channel -> channels.add(channel.asString()));
            own.path("partners").forEach(partner -> partners.add(partner.asString()));
            own.path("audiences").forEach(audience -> audiences.add(audience.path("audience").asString()));
        }
        for (JsonNode own : ownCourses) {
            own.path("topics").forEach(topic -> THEMES_OF_TOPICS.forEach((word, theme) -> {
                if (ownCampaigns.isEmpty() && topic.asString().toLowerCase(Locale.ROOT).contains(word)) {
                    themes.add(theme);
                }
            }));
            own.path("targetAudiences").forEach(audience -> audienceCode(audience.asString())
                    .filter(code -> ownCampaigns.isEmpty()).ifPresent(audiences::add));
            own.path("partners").forEach(partner -> partners.add(partner.asString()));
        }
        if (themes.isEmpty()) {
            themes.add("migrant-rights");
        }
        if (channels.isEmpty()) {
            channels.addAll(DEFAULT_CHANNELS);
        }
        if (audiences.isEmpty()) {
            audiences.addAll(DEFAULT_AUDIENCES);
        }
        List<String> audienceList = first(audiences, 4);
        List<String> channelList = first(channels, 4);

        Map<String, Long> base = new LinkedHashMap<>();
        audienceList.forEach(audience -> base.put(audience, 80L + random.nextInt(320)));
        ArrayNode updates = json.createArrayNode();
        Map<String, TreeMap<YearMonth, Long>> reachedByMonth = new LinkedHashMap<>();
        JsonNode officePlaces = places.path(office);
        int month = 0;
        for (YearMonth at = FIRST; !at.isAfter(LAST); at = at.plusMonths(1), month++) {
            ObjectNode update = updates.addObject();
            update.put("clientReference", ref + "-" + at);
            update.put("reportedOn", at.atDay(3 + random.nextInt(23)).toString());
            update.set("place", officePlaces.get(random.nextInt(officePlaces.size())).deepCopy());
            String channel = channelList.get(month % channelList.size());
            update.put("channel", channel);
            ObjectNode materials = update.putObject("materials");
            switch (channel) {
                case "poster" -> materials.put("posters", 200 + random.nextInt(1_300));
                case "leaflet" -> materials.put("leaflets", 300 + random.nextInt(2_700));
                case "contest" -> materials.put("paintings", 10 + random.nextInt(30));
                default -> {
                    if (random.nextInt(3) == 0) {
                        materials.put("leaflets", 50 + random.nextInt(450));
                    }
                }
            }
            // a season that grows over the fifteen months and slows in the northern summer
            double season = (1 + 0.05 * month) * (at.getMonthValue() >= 7 && at.getMonthValue() <= 8 ? 0.7 : 1.0);
            ArrayNode reach = update.putArray("reach");
            for (String audience : audienceList) {
                long people = Math.max(1, Math.round(base.get(audience) * season * (0.8 + 0.4 * random.nextDouble())));
                ObjectNode entry = reach.addObject().put("audience", audience).put("people", people);
                entry.set("bySex", split(people, sexWeights(audience, random), SEXES));
                entry.set("byAgeGroup", split(people, ageWeights(audience, random), AGE_GROUPS));
                reachedByMonth.computeIfAbsent(audience, a -> new TreeMap<>()).merge(at, people, Long::sum);
            }
            update.put("notes", "Illustrative sample: made-up figures, not reported by the office.");
        }

        ObjectNode create = json.createObjectNode();
        create.put("clientReference", ref);
        create.put("illustrative", true);
        create.put("title", title("Field season 2001-2002 (illustrative sample): ", ownCampaigns.isEmpty()
                ? "outreach around " + ownCourses.get(0).path("title").asString()
                : ownCampaigns.get(0).path("title").asString()));
        create.put("description", "Illustrative sample, not reported by IOM " + office + ": generated by the local "
                + "stack from the office's activities in the 2002 annex, with made-up figures, so that every chart of "
                + "the dashboard has something to show. ./run-local --no-sample leaves it out.");
        strings(create.putArray("themes"), first(themes, 3));
        strings(create.putArray("channels"), channelList);
        strings(create.putArray("partners"), first(partners, 3));
        ArrayNode targets = create.putArray("audiences");
        for (String audience : audienceList) {
            targets.add(target(audience, reachedByMonth.get(audience), random));
        }
        create.put("startDate", FIRST.atDay(1).toString());
        create.put("endDate", LAST.atEndOfMonth().toString());

        ObjectNode campaign = json.createObjectNode().put("office", office).put("ref", ref);
        campaign.set("create", create);
        campaign.set("updates", updates);
        return campaign;
    }

    /**
     * A target a little above what the season reaches, a small baseline, and a milestone at the end of each
     * quarter a little above what was reached by then, the last one the target itself.
     */
    private ObjectNode target(String audience, TreeMap<YearMonth, Long> reached, Random random) {
        long total = reached.values().stream().mapToLong(Long::longValue).sum();
        long target = roundUp(total * 1.15, 100);
        long baseline = roundUp(target * 0.02 * random.nextDouble(), 10);
        ObjectNode node = json.createObjectNode().put("audience", audience).put("target", target)
                .put("baseline", baseline);
        ArrayNode milestones = node.putArray("milestones");
        long cumulative = 0;
        long previous = 0;
        for (Map.Entry<YearMonth, Long> month : reached.entrySet()) {
            cumulative += month.getValue();
            YearMonth by = month.getKey();
            if (by.getMonthValue() % 3 != 0) {
                continue;
            }
            long milestone = by.equals(LAST) ? target : Math.min(target, Math.max(previous,
                    roundUp(baseline + cumulative * 1.1, 100)));
            milestones.addObject().put("by", by.toString()).put("target", milestone);
            previous = milestone;
        }
        return node;
    }

    private ObjectNode course(String office, List<String> offices, int index, List<JsonNode> ownCourses,
            JsonNode campaign, Random random) {
        String ref = "sample-" + office.toLowerCase(Locale.ROOT) + "-course";
        JsonNode own = ownCourses.isEmpty() ? null : ownCourses.get(0);
        // spread over the season, one office after another
        YearMonth month = FIRST.plusMonths((long) index * (FIRST.until(LAST, ChronoUnit.MONTHS) + 1)
                / offices.size());
        int firstDay = 5 + random.nextInt(15);

        ObjectNode create = json.createObjectNode();
        create.put("clientReference", ref);
        create.put("illustrative", true);
        create.put("title", title("Illustrative sample: ", own != null ? own.path("title").asString()
                : "Workshop on " + campaign.path("themes").get(0).asString().replace('-', ' ')));
        ArrayNode topics = create.putArray("topics");
        if (own != null) {
            own.path("topics").forEach(topic -> topics.add(topic.asString()));
        } else {
            campaign.path("themes").forEach(theme -> topics.add(theme.asString().replace('-', ' ')));
        }
        create.put("format", own != null ? own.path("format").asString() : "WORKSHOP");
        create.put("venue", own != null && own.path("venue").isString() ? own.path("venue").asString()
                : places.path(office).get(0).path("name").asString());
        strings(create.putArray("partners"), own != null ? texts(own.path("partners")) : texts(campaign.path("partners")));
        strings(create.putArray("presenters"), own != null ? texts(own.path("presenters")) : List.of());
        List<String> audiences = own != null ? texts(own.path("targetAudiences")) : new ArrayList<>();
        if (audiences.isEmpty()) {
            campaign.path("audiences").forEach(a -> audiences.add(a.path("audience").asString().replace('-', ' ')));
        }
        strings(create.putArray("targetAudiences"), audiences);
        create.put("startDate", month.atDay(firstDay).toString());
        create.put("endDate", month.atDay(firstDay + SESSIONS - 1).toString());
        create.put("capacity", CAPACITY);
        create.putObject("completionRule").put("minAttendanceShare", MIN_ATTENDANCE_SHARE)
                .put("minPostScore", MIN_POST_SCORE);

        List<String> organisations = organisations(own, audiences);
        ArrayNode sessions = json.createArrayNode();
        for (int s = 1; s <= SESSIONS; s++) {
            sessions.addObject().put("clientReference", ref + "-session-" + s)
                    .put("date", month.atDay(firstDay + s - 1).toString())
                    .put("title", "Day " + s).put("durationMinutes", 180 + 30 * random.nextInt(4));
        }
        int count = 12 + random.nextInt(9);
        ArrayNode participants = json.createArrayNode();
        ArrayNode attendance = json.createArrayNode();
        for (int s = 0; s < SESSIONS; s++) {
            attendance.addArray();
        }
        ArrayNode scores = json.createArrayNode();
        long women = 0;
        for (int p = 1; p <= count; p++) {
            String number = String.format(Locale.ROOT, "%02d", p);
            String sex = pick(random, SEXES, 46, 50, 4);
            women += "FEMALE".equals(sex) ? 1 : 0;
            boolean completes = random.nextInt(100) < 80;
            String country = random.nextInt(8) == 0 ? offices.get(random.nextInt(offices.size())) : office;
            participants.addObject()
                    .put("clientReference", ref + "-" + number)
                    .put("personReference", "sample-" + office.toLowerCase(Locale.ROOT) + "-person-" + number)
                    .put("name", "Sample participant " + office + "-" + number)
                    .put("organisationType", organisations.get(random.nextInt(organisations.size())))
                    .put("sex", sex)
                    .put("ageGroup", pick(random, AGE_GROUPS.subList(1, 5), 20, 35, 30, 15))
                    .put("country", country)
                    .put("completes", completes);
            // who completes is present (once late, perhaps) at every session; anyone else at one at most
            int attended = completes ? SESSIONS : random.nextInt(2);
            for (int s = 0; s < SESSIONS; s++) {
                String status = s < attended ? (random.nextInt(10) == 0 ? "LATE" : "PRESENT")
                        : random.nextInt(3) == 0 ? "EXCUSED" : "ABSENT";
                ((ArrayNode) attendance.get(s)).add(status);
            }
            scores.addObject().put("pre", 20 + random.nextInt(40))
                    .put("post", completes ? 55 + random.nextInt(41) : 20 + random.nextInt(60));
        }
        ArrayNode courseTargets = create.putArray("targets");
        courseTargets.addObject().put("organisationType", organisations.get(0))
                .put("participants", Math.max(1, Math.round(count * 0.5)));
        courseTargets.addObject().put("sex", "FEMALE").put("participants", Math.max(1, women + 2));

        ObjectNode course = json.createObjectNode().put("office", office).put("ref", ref);
        course.set("create", create);
        course.set("sessions", sessions);
        course.set("participants", participants);
        course.set("attendance", attendance);
        course.set("scores", scores);
        return course;
    }

    /** The organisation types the course's own participants or target audiences name; three usual ones if none. */
    private static List<String> organisations(JsonNode own, List<String> audiences) {
        Set<String> types = new LinkedHashSet<>();
        if (own != null && own.path("participants").path("organisationType").isString()) {
            types.add(own.path("participants").path("organisationType").asString());
        }
        for (String audience : audiences) {
            ORGANISATIONS_OF_AUDIENCES.forEach((word, type) -> {
                if (audience.toLowerCase(Locale.ROOT).contains(word)) {
                    types.add(type);
                }
            });
        }
        types.addAll(List.of("MINISTRY", "NGO", "POLICE"));
        return first(types, 3);
    }

    /** The catalogue's audience whose code, or English label, the text names (ignoring case), if any. */
    private Optional<String> audienceCode(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (JsonNode entry : vocabulary.path("audiences")) {
            String code = entry.path("code").asString();
            if (code.equals(wanted.replace(' ', '-'))
                    || entry.path("labels").path("en").asString().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    private static List<Integer> sexWeights(String audience, Random random) {
        if (audience.contains("women")) {
            return List.of(95, 4, 1);
        }
        int women = 38 + random.nextInt(25);
        return List.of(women, 97 - women, 3);
    }

    private static List<Integer> ageWeights(String audience, Random random) {
        if (audience.contains("children") || audience.equals("schools")) {
            return List.of(70, 20, 4, 4, 2, 0, 0);
        }
        if (audience.contains("students")) {
            return List.of(15, 70, 10, 3, 2, 0, 0);
        }
        return List.of(3, 14 + random.nextInt(6), 30, 28, 15, 4, 6);
    }

    /** {@code people} split over {@code keys} by {@code weights}, by largest remainder, so that it adds up exactly. */
    private ObjectNode split(long people, List<Integer> weights, List<String> keys) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        long[] shares = new long[keys.size()];
        double[] remainders = new double[keys.size()];
        long given = 0;
        for (int i = 0; i < keys.size(); i++) {
            double exact = (double) people * weights.get(i) / total;
            shares[i] = (long) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        for (; given < people; given++) {
            int largest = 0;
            for (int i = 1; i < keys.size(); i++) {
                largest = remainders[i] > remainders[largest] ? i : largest;
            }
            shares[largest]++;
            remainders[largest] = -1;
        }
        ObjectNode split = json.createObjectNode();
        for (int i = 0; i < keys.size(); i++) {
            if (shares[i] > 0) {
                split.put(keys.get(i), shares[i]);
            }
        }
        return split;
    }

    private static String pick(Random random, List<String> values, int... weights) {
        int total = Arrays.stream(weights).sum();
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values.get(i);
            }
        }
        throw new IllegalArgumentException("weights " + Arrays.toString(weights));
    }

    private static String title(String prefix, String title) {
        String whole = prefix + title;
        return whole.length() <= 200 ? whole : whole.substring(0, 199) + "…";
    }

    private static long roundUp(double value, long step) {
        return (long) Math.ceil(value / step) * step;
    }

    private static List<String> first(Set<String> values, int limit) {
        return values.stream().limit(limit).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asString()));
        return texts;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** Keys and values, one after the other, in a map that keeps their order (the season's does not vary). */
    private static Map<String, String> inOrder(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
