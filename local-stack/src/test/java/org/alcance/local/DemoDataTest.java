package org.alcance.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo data set (IOM, MC/INF/259, annex on 2002 field activities) keeps the project's rules: every
 * figure comes from the text with its paragraph, every campaign and update is one the services accept, and
 * every audience, channel, theme, material and organisation type it names is a code of its catalogue.
 */
class DemoDataTest {

    private static final String RESOURCE = "/demo/field-activities-2002.json";
    private static final String VOCABULARY = "/demo/vocabulary.json";
    /** The kinds of the catalogue, as campaign-service's vocabulary API names them in its paths. */
    private static final Set<String> KINDS = Set.of("audiences", "channels", "themes", "materials",
            "organisation-types");
    /**
     * Kinds the catalogue lists only as the data set uses them; channels and organisation types are listed whole,
     * and materials also name the posters and leaflets that the README's examples report.
     */
    private static final Set<String> KINDS_LISTED_AS_USED = Set.of("audiences", "themes");
    private static final List<String> LANGUAGES = List.of("en", "es", "fr");
    private static final int LONGEST_LABEL = 200;
    /** The channels campaign-service knows. */
    private static final Set<String> CHANNELS = Set.of("poster", "radio", "tv", "workshop", "leaflet", "bulletin",
            "contest", "rally", "video", "social-media", "other");
    private static final Set<String> FORMATS = Set.of("COURSE", "WORKSHOP", "SEMINAR", "ROUND_TABLE", "STUDY_VISIT",
            "E_LEARNING");
    private static final Set<String> ORGANISATION_TYPES = Set.of("MINISTRY", "POLICE", "JUDICIARY", "BORDER_GUARD",
            "NGO", "UN_AGENCY", "ACADEMIA", "OTHER");
    private static final Pattern OFFICE = Pattern.compile("[A-Z]{2}");
    private static final Pattern REF = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** An audience's, channel's, theme's or material's code: lower-case words joined by hyphens, like a ref. */
    private static final Pattern CODE = REF;
    /** Every code the vocabulary API takes. */
    private static final Pattern API_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** "¶ 6", "¶ 25-26", "¶ 41(ii)": paragraphs of the annex, which runs from 1 to 63. */
    private static final Pattern PARAGRAPHS = Pattern.compile("¶ (\\d+)(?:-(\\d+))?(?:\\([ivx]+\\))?");
    private static final int LAST_PARAGRAPH = 63;
    /**
     * Every figure the annex gives that the data set may use, with the paragraph that gives it. A number
     * not listed here is one the text does not give.
     */
    private static final Map<Long, String> FIGURES_IN_THE_TEXT = Map.of(
            100L, "¶ 6",        // over 100 paintings submitted
            250_000L, "¶ 26",   // children, adolescents and university students to reach
            3_450L, "¶ 26",     // schoolteachers targeted
            250L, "¶ 26",       // journalists targeted
            300L, "¶ 41",       // more than 300 migrants given legal assistance
            50L, "¶ 59");       // some 50 officers from 13 Tunisian ministries and agencies

    private static JsonNode data;
    private static JsonNode vocabulary;

    @BeforeAll
    static void load() throws IOException {
        data = read(RESOURCE);
        vocabulary = read(VOCABULARY);
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = DemoDataTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("%s on the class path", resource).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void shouldKeepEveryRuleOfTheDataSet() {
        assertThat(data.path("source").asString()).startsWith("IOM, MC/INF/259");
        assertThat(data.path("campaigns").size()).isPositive();
        assertThat(data.path("courses").size()).isPositive();
        assertThat(vocabulary.path("audiences").size()).isPositive();

        assertThat(problems(data, vocabulary)).isEmpty();
    }

    @Test
    void shouldCatchTheMistakesItIsMeantToCatch() {
        ObjectNode broken = (ObjectNode) data.deepCopy();
        ObjectNode campaign = (ObjectNode) broken.path("campaigns").get(0);
        ObjectNode update = (ObjectNode) campaign.path("updates").get(0);
        String audience = campaign.path("audiences").get(0).path("audience").asString();
        ((ObjectNode) campaign.path("audiences").get(0)).put("audience", "Art students");
        ((ArrayNode) campaign.path("themes")).set(0, "Migrant rights");
        update.put("channel", "radio");
        update.put("reportedOn", "2003-01-15");
        update.putArray("reach").addObject().put("audience", "pensioners").put("people", 10).put("source", "¶ 6");
        ((ObjectNode) update.path("materials")).put("flyers", 5000);
        ((ObjectNode) campaign.path("audiences").get(0)).put("target", 1200);
        ((ObjectNode) broken.path("courses").get(1)).put("ref", broken.path("courses").get(0).path("ref").asString());
        ((ObjectNode) broken.path("courses").get(2)).put("office", "Austria");
        ((ObjectNode) broken.path("courses").get(3)).put("endDate", "2000-01-01");

        ObjectNode catalogue = (ObjectNode) vocabulary.deepCopy();
        ObjectNode firstAudience = (ObjectNode) catalogue.path("audiences").get(0);
        ObjectNode secondAudience = (ObjectNode) catalogue.path("audiences").get(1);
        ((ObjectNode) firstAudience.path("labels")).put("es", " ");
        ((ObjectNode) secondAudience.path("labels")).put("fr", "x".repeat(LONGEST_LABEL + 1));
        ((ObjectNode) secondAudience.path("labels")).remove("en");
        ArrayNode themes = (ArrayNode) catalogue.path("themes");
        themes.add(themes.get(0).deepCopy());
        themes.addObject().put("code", "climate-change").set("labels", themes.get(0).path("labels").deepCopy());
        ((ArrayNode) catalogue.path("materials")).addObject().put("code", "Posters")
                .set("labels", themes.get(0).path("labels").deepCopy());
        ArrayNode channels = (ArrayNode) catalogue.path("channels");
        for (int i = 0; i < channels.size(); i++) {
            if ("rally".equals(channels.get(i).path("code").asString())) {
                channels.remove(i);
            }
        }
        ((ArrayNode) catalogue.path("organisation-types")).addObject().put("code", "ARMY")
                .set("labels", themes.get(0).path("labels").deepCopy());
        String theme = themes.get(0).path("code").asString();

        String ref = campaign.path("ref").asString();
        assertThat(problems(broken, catalogue)).contains(
                ref + ": audience Art students is not an entry of audiences in the vocabulary",
                ref + ": theme Migrant rights is not an entry of themes in the vocabulary",
                "audiences " + audience + " is used by no campaign or update",
                ref + "-1: audience pensioners is not an entry of audiences in the vocabulary",
                ref + "-1: material flyers is not an entry of materials in the vocabulary",
                "audiences " + firstAudience.path("code").asString() + ": label es is blank",
                "audiences " + secondAudience.path("code").asString() + ": label en is blank",
                "audiences " + secondAudience.path("code").asString() + ": label fr is longer than 200 characters",
                "themes: code " + theme + " is listed twice",
                "themes climate-change is used by no campaign or update",
                "materials: code 'Posters' is not lower-case words joined by hyphens",
                "channels: the campaign API's channel rally is missing",
                "organisation-types: code ARMY is not one of " + ORGANISATION_TYPES,
                ref + "-1: channel radio is not one of the campaign's",
                ref + "-1: reportedOn 2003-01-15 is outside the campaign's period",
                ref + "-1: reportedOn 2003-01-15 is not in 2002",
                ref + "-1: audience pensioners is not one of the campaign's",
                ref + "-1: materials.flyers 5000 is not a figure the text gives",
                ref + ": target 1200 has no paragraph",
                ref + ": target 1200 is not a figure the text gives",
                "duplicate ref " + broken.path("courses").get(0).path("ref").asString(),
                broken.path("courses").get(2).path("ref").asString() + ": office Austria is not two upper-case letters",
                broken.path("courses").get(3).path("ref").asString() + ": startDate is after endDate");
    }

    @Test
    void shouldHoldTheExamplesTheProjectQuotes() {
        JsonNode guatemala = campaign("gt-migrant-friend");
        assertThat(guatemala.path("office").asString()).isEqualTo("GT");
        assertThat(guatemala.path("title").asString()).isEqualTo("Migrant Friend: You Have Rights");
        assertThat(strings(guatemala.path("channels"))).contains("poster");
        assertThat(guatemala.path("source").asString()).isEqualTo("¶ 30");

        JsonNode albania = campaign("al-migrants-enjoy-their-rights");
        assertThat(albania.path("office").asString()).isEqualTo("AL");
        assertThat(strings(albania.path("channels"))).contains("contest");
        JsonNode paintings = albania.path("updates").get(0);
        assertThat(paintings.path("materials").path("paintings").asLong()).isEqualTo(100);
        assertThat(paintings.path("source").asString()).isEqualTo("¶ 6");
        assertThat(paintings.path("notes").asString()).contains("Over 100 paintings");

        JsonNode centralAmerica = campaign("cr-central-america-migrant-rights");
        assertThat(centralAmerica.path("description").asString()).contains("Central America");
        assertThat(target(centralAmerica, "children-adolescents-and-university-students")).isEqualTo(250_000);
        assertThat(target(centralAmerica, "teachers")).isEqualTo(3_450);
        assertThat(target(centralAmerica, "journalists")).isEqualTo(250);
        centralAmerica.path("audiences").forEach(a -> assertThat(a.path("source").asString()).isEqualTo("¶ 26"));

        JsonNode kazakhstan = campaign("kz-legal-assistance").path("updates").get(0);
        assertThat(kazakhstan.path("reach").get(0).path("people").asLong()).isEqualTo(300);
        assertThat(kazakhstan.path("notes").asString()).contains("more than 300");

        JsonNode armenia = course("am-migration-legislation");
        assertThat(armenia.path("office").asString()).isEqualTo("AM");
        assertThat(armenia.path("venue").asString()).startsWith("Border Management Training Centre");
        assertThat(armenia.path("capacity").isNull()).isTrue();
        assertThat(armenia.has("participants")).isFalse();

        JsonNode tunisia = course("tn-migration-to-europe-seminar");
        assertThat(tunisia.path("format").asString()).isEqualTo("SEMINAR");
        JsonNode participants = tunisia.path("participants");
        assertThat(participants.path("count").asLong()).isEqualTo(50);
        assertThat(participants.path("countries").path("TN").asLong()).isEqualTo(50);
        assertThat(participants.path("source").asString()).isEqualTo("¶ 59");
        assertThat(participants.path("note").asString()).contains("some 50 officers", "13 Tunisian ministries",
                "some 15 government officers");
    }

    /**
     * Every rule the data set or its vocabulary breaks, as one line each; empty when they keep them all.
     */
    static List<String> problems(JsonNode data, JsonNode vocabulary) {
        List<String> problems = new ArrayList<>();
        Codes codes = new Codes(checkVocabulary(vocabulary, problems), problems);
        Set<String> refs = new HashSet<>();
        for (JsonNode campaign : data.path("campaigns")) {
            String ref = campaign.path("ref").asString();
            checkActivity(campaign, refs, problems);
            check(Set.of("ACTIVE", "COMPLETED").contains(campaign.path("status").asString()), problems,
                    ref + ": status " + campaign.path("status") + " is neither ACTIVE nor COMPLETED");
            Set<String> themes = strings(campaign.path("themes"));
            check(themes.size() == campaign.path("themes").size(), problems, ref + ": repeats a theme");
            themes.forEach(theme -> codes.use("themes", theme, ref + ": theme"));
            Set<String> channels = strings(campaign.path("channels"));
            check(!channels.isEmpty(), problems, ref + ": names no channel");
            check(channels.size() == campaign.path("channels").size(), problems, ref + ": repeats a channel");
            channels.forEach(channel -> codes.use("channels", channel, ref + ": channel"));
            Set<String> audiences = new HashSet<>();
            check(campaign.path("audiences").size() > 0, problems, ref + ": names no audience");
            for (JsonNode audience : campaign.path("audiences")) {
                String name = audience.path("audience").asString();
                codes.use("audiences", name, ref + ": audience");
                check(audiences.add(name), problems, ref + ": audience " + name + " is repeated");
                checkCount(audience.path("target"), audience.path("source"), ref + ": target", problems);
            }
            LocalDate start = date(campaign.path("startDate"));
            LocalDate end = date(campaign.path("endDate"));
            for (JsonNode update : campaign.path("updates")) {
                String updateRef = update.path("ref").asString();
                check(updateRef.startsWith(ref + "-"), problems, updateRef + ": does not start with " + ref);
                checkRef(updateRef, refs, problems);
                checkSource(update.path("source"), updateRef + ": update", problems);
                check(!update.path("place").path("name").asString().isBlank(), problems, updateRef + ": no place");
                String channel = update.path("channel").asString();
                check(channels.contains(channel), problems,
                        updateRef + ": channel " + channel + " is not one of the campaign's");
                LocalDate on = date(update.path("reportedOn"));
                if (on == null) {
                    problems.add(updateRef + ": reportedOn is not a date");
                } else {
                    check(start == null || end == null || !on.isBefore(start) && !on.isAfter(end), problems,
                            updateRef + ": reportedOn " + on + " is outside the campaign's period");
                    check(on.getYear() == 2002, problems, updateRef + ": reportedOn " + on + " is not in 2002");
                }
                for (Map.Entry<String, JsonNode> material : update.path("materials").properties()) {
                    codes.use("materials", material.getKey(), updateRef + ": material");
                    JsonNode figure = material.getValue();
                    String field = updateRef + ": materials." + material.getKey() + " " + figure;
                    check(figure.isIntegralNumber() && figure.asLong() > 0, problems, field + " is not a positive count");
                    checkFigure(figure.asLong(), update.path("source"), field, problems);
                }
                Set<String> reached = new HashSet<>();
                check(update.path("reach").size() > 0 || update.path("materials").size() > 0, problems,
                        updateRef + ": reports neither people reached nor materials");
                for (JsonNode reach : update.path("reach")) {
                    String audience = reach.path("audience").asString();
                    codes.use("audiences", audience, updateRef + ": audience");
                    check(audiences.contains(audience), problems,
                            updateRef + ": audience " + audience + " is not one of the campaign's");
                    check(reached.add(audience), problems, updateRef + ": audience " + audience + " is repeated");
                    checkCount(reach.path("people"), reach.path("source"), updateRef + ": people", problems);
                }
            }
        }
        for (JsonNode course : data.path("courses")) {
            String ref = course.path("ref").asString();
            checkActivity(course, refs, problems);
            check(Set.of("COMPLETED", "SCHEDULED").contains(course.path("status").asString()), problems,
                    ref + ": status " + course.path("status") + " is neither COMPLETED nor SCHEDULED");
            check(FORMATS.contains(course.path("format").asString()), problems,
                    ref + ": format " + course.path("format") + " is not one of " + FORMATS);
            JsonNode participants = course.path("participants");
            JsonNode capacity = course.path("capacity");
            if (participants.isMissingNode()) {
                check(capacity.isNull(), problems, ref + ": capacity " + capacity + " without a participants figure");
                continue;
            }
            JsonNode count = participants.path("count");
            String field = ref + ": participants " + count;
            check(count.isIntegralNumber() && count.asLong() > 0, problems, field + " is not a positive count");
            checkSource(participants.path("source"), field, problems);
            checkFigure(count.asLong(), participants.path("source"), field, problems);
            check(capacity.isIntegralNumber() && capacity.asLong() == count.asLong(), problems,
                    ref + ": capacity " + capacity + " is not the participants figure " + count);
            codes.use("organisation-types", participants.path("organisationType").asString(), ref + ": organisationType");
            long inCountries = 0;
            for (Map.Entry<String, JsonNode> country : participants.path("countries").properties()) {
                check(OFFICE.matcher(country.getKey()).matches(), problems,
                        ref + ": country " + country.getKey() + " is not an ISO 3166 alpha-2 code");
                checkFigure(country.getValue().asLong(), participants.path("source"),
                        ref + ": countries." + country.getKey() + " " + country.getValue(), problems);
                inCountries += country.getValue().asLong();
            }
            check(inCountries <= count.asLong(), problems, ref + ": countries add up to more than the count");
        }
        for (String kind : KINDS_LISTED_AS_USED) {
            codes.listed(kind).stream().filter(code -> !codes.used(kind).contains(code)).sorted().forEach(code ->
                    problems.add(kind + " " + code + " is used by no campaign or update"));
        }
        return problems;
    }

    /**
     * The vocabulary's kinds, each with a list of entries {@code {"code", "labels": {"en", "es", "fr"}}}
     * that the vocabulary API takes; returns each kind's codes.
     */
    private static Map<String, Set<String>> checkVocabulary(JsonNode vocabulary, List<String> problems) {
        Set<String> kinds = new HashSet<>(vocabulary.propertyNames());
        check(kinds.equals(KINDS), problems, "the vocabulary's kinds are " + kinds + ", not " + KINDS);
        Map<String, Set<String>> codes = new HashMap<>();
        for (String kind : KINDS) {
            Set<String> listed = new HashSet<>();
            for (JsonNode entry : vocabulary.path(kind)) {
                String code = entry.path("code").asString();
                check(listed.add(code), problems, kind + ": code " + code + " is listed twice");
                check(API_CODE.matcher(code).matches(), problems,
                        kind + ": code '" + code + "' is not 1 to 64 letters, digits, '_' or '-' after a letter or digit");
                if (kind.equals("organisation-types")) {
                    check(ORGANISATION_TYPES.contains(code), problems, kind + ": code " + code + " is not one of "
                            + ORGANISATION_TYPES);
                } else {
                    check(CODE.matcher(code).matches(), problems,
                            kind + ": code '" + code + "' is not lower-case words joined by hyphens");
                }
                for (String language : entry.path("labels").propertyNames()) {
                    check(LANGUAGES.contains(language), problems,
                            kind + " " + code + ": label " + language + " is not English, Spanish or French");
                }
                for (String language : LANGUAGES) {
                    String label = entry.path("labels").path(language).asString();
                    check(!label.isBlank(), problems, kind + " " + code + ": label " + language + " is blank");
                    check(label.length() <= LONGEST_LABEL, problems, kind + " " + code + ": label " + language
                            + " is longer than " + LONGEST_LABEL + " characters");
                }
            }
            codes.put(kind, listed);
        }
        CHANNELS.stream().filter(channel -> !codes.get("channels").contains(channel)).sorted().forEach(channel ->
                problems.add("channels: the campaign API's channel " + channel + " is missing"));
        codes.get("channels").stream().filter(channel -> !CHANNELS.contains(channel)).sorted().forEach(channel ->
                problems.add("channels: code " + channel + " is not one of the campaign API's " + CHANNELS));
        ORGANISATION_TYPES.stream().filter(type -> !codes.get("organisation-types").contains(type)).sorted()
                .forEach(type -> problems.add("organisation-types: " + type + " is missing"));
        return codes;
    }

    /** The vocabulary's codes, and those the data set uses. */
    private static final class Codes {

        private final Map<String, Set<String>> listed;
        private final Map<String, Set<String>> used = new HashMap<>();
        private final List<String> problems;

        Codes(Map<String, Set<String>> listed, List<String> problems) {
            this.listed = listed;
            this.problems = problems;
        }

        /** A field of the data set names {@code code} of {@code kind}: it must be an entry of that kind. */
        void use(String kind, String code, String field) {
            used.computeIfAbsent(kind, k -> new HashSet<>()).add(code);
            check(listed(kind).contains(code), problems,
                    field + " " + code + " is not an entry of " + kind + " in the vocabulary");
        }

        Set<String> listed(String kind) {
            return listed.getOrDefault(kind, Set.of());
        }

        Set<String> used(String kind) {
            return used.getOrDefault(kind, Set.of());
        }
    }

    /** What campaigns and courses share: ref, office, title, paragraph, dates. */
    private static void checkActivity(JsonNode activity, Set<String> refs, List<String> problems) {
        String ref = activity.path("ref").asString();
        checkRef(ref, refs, problems);
        String office = activity.path("office").asString();
        check(OFFICE.matcher(office).matches(), problems, ref + ": office " + office + " is not two upper-case letters");
        check(!activity.path("title").asString().isBlank(), problems, ref + ": has no title");
        checkSource(activity.path("source"), ref, problems);
        check(activity.path("datesFromText").isBoolean(), problems, ref + ": datesFromText is not true or false");
        LocalDate start = date(activity.path("startDate"));
        LocalDate end = date(activity.path("endDate"));
        check(start != null, problems, ref + ": startDate is not a date");
        check(end != null, problems, ref + ": endDate is not a date");
        if (start != null && end != null) {
            check(!start.isAfter(end), problems, ref + ": startDate is after endDate");
        }
    }

    private static void checkRef(String ref, Set<String> refs, List<String> problems) {
        check(REF.matcher(ref).matches(), problems, "ref '" + ref + "' is not lower-case words joined by hyphens");
        check(refs.add(ref), problems, "duplicate ref " + ref);
    }

    /** A target or a number of people: 0 stands for "no figure" and then has no paragraph. */
    private static void checkCount(JsonNode figure, JsonNode source, String field, List<String> problems) {
        String named = field + " " + figure;
        if (!figure.isIntegralNumber() || figure.asLong() < 0) {
            problems.add(named + " is not a whole number of at least 0");
        } else if (figure.asLong() == 0) {
            check(source.isNull() || source.isMissingNode(), problems, named + " is no figure but has a paragraph");
        } else {
            check(source.isString() && !source.asString().isBlank(), problems, named + " has no paragraph");
            checkSource(source, named, problems);
            checkFigure(figure.asLong(), source, named, problems);
        }
    }

    /** The figure is one the annex gives, in the paragraph cited for it. */
    private static void checkFigure(long figure, JsonNode source, String field, List<String> problems) {
        String paragraph = FIGURES_IN_THE_TEXT.get(figure);
        if (paragraph == null) {
            problems.add(field + " is not a figure the text gives");
        } else if (source.isString() && source.asString().startsWith("¶")) {
            check(cites(source.asString(), paragraph), problems, field + " is given in " + paragraph + ", not in "
                    + source.asString());
        }
    }

    private static void checkSource(JsonNode source, String field, List<String> problems) {
        if (!source.isString() || source.asString().isBlank()) {
            problems.add(field + ": no source");
            return;
        }
        Matcher matcher = PARAGRAPHS.matcher(source.asString());
        if (!source.asString().startsWith("¶") || !matcher.matches()) {
            problems.add(field + ": source '" + source.asString() + "' is not a paragraph of the annex");
            return;
        }
        int first = Integer.parseInt(matcher.group(1));
        int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
        check(first >= 1 && first <= last && last <= LAST_PARAGRAPH, problems,
                field + ": source '" + source.asString() + "' is outside the annex's paragraphs 1 to " + LAST_PARAGRAPH);
    }

    /** Whether "¶ 25-26" or "¶ 41(ii)" covers the paragraph "¶ 26" or "¶ 41". */
    private static boolean cites(String source, String paragraph) {
        Matcher cited = PARAGRAPHS.matcher(source);
        Matcher wanted = PARAGRAPHS.matcher(paragraph);
        if (!cited.matches() || !wanted.matches()) {
            return false;
        }
        int first = Integer.parseInt(cited.group(1));
        int last = cited.group(2) == null ? first : Integer.parseInt(cited.group(2));
        int number = Integer.parseInt(wanted.group(1));
        return first <= number && number <= last;
    }

    private static LocalDate date(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void check(boolean valid, List<String> problems, String problem) {
        if (!valid) {
            problems.add(problem);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static JsonNode campaign(String ref) {
        return find("campaigns", ref);
    }

    private static JsonNode course(String ref) {
        return find("courses", ref);
    }

    private static JsonNode find(String kind, String ref) {
        for (JsonNode activity : data.path(kind)) {
            if (ref.equals(activity.path("ref").asString())) {
                return activity;
            }
        }
        throw new AssertionError("no " + kind + " entry " + ref);
    }

    private static long target(JsonNode campaign, String audience) {
        for (JsonNode target : campaign.path("audiences")) {
            if (audience.equals(target.path("audience").asString())) {
                return target.path("target").asLong();
            }
        }
        throw new AssertionError(campaign.path("ref").asString() + " has no audience " + audience);
    }
}
