package org.alcance.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alcance.local.Issuer;
import org.alcance.local.LocalStack;
import org.alcance.test.Chromium;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headquarters going through the dashboard's pages on the whole system as {@code ./run-local} runs it, in a
 * real headless Chromium: from the overview to an office, to a campaign and a course, and back, each page
 * showing what the figures API gives, in English and in Spanish, usable from the keyboard, printed to PDF, and
 * without a serious or critical violation of axe-core's accessibility rules (axe-core is put into the page by
 * this test; the product does not serve it). Each page is photographed at desktop and phone width into
 * docs/screenshots.
 */
@Order(1)
class DashboardPagesIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SCREENSHOTS = ROOT.resolve("docs").resolve("screenshots");
    private static final Path PRINTED = Path.of("target", "dashboard-pages");
    private static final String DASHBOARD = LocalStack.DASHBOARD;
    private static final Set<String> GRAVE = Set.of("serious", "critical");
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private ChromeDriver browser;
    private Chromium chromium;
    private String token;

    @Test
    void shouldGoFromTheOverviewToAnOfficeACampaignAndACourseAndBackShowingTheApisFigures() throws Exception {
        LocalStack stack = SharedStack.get();
        try (Chromium opened = Chromium.headless()) {
            chromium = opened;
            browser = opened.driver();
            Issuer issuer = stack.issuer();
            token = issuer.hq();
            JsonNode overview = settledOverview();

            browser.get(DASHBOARD + "/");
            await().atMost(Duration.ofSeconds(10)).until(() -> chromium.byId("sign-in").isDisplayed());
            IssuerSignIn.signIn(chromium, issuer, "hq", page -> { });

            // the overview: its cards as the API counts them, offices that only train counted too
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(text("card-campaigns")).isEqualTo(number(overview.at("/campaigns/total")));
                assertThat(text("card-reached")).isEqualTo(number(overview.at("/reach/total")));
                assertThat(text("card-trained")).isEqualTo(number(overview.at("/participants/people/completed")));
                assertThat(text("card-courses")).isEqualTo(number(overview.at("/courses/total")));
            });
            Set<String> offices = new TreeSet<>();
            overview.at("/reach/byOffice").propertyNames().forEach(offices::add);
            overview.at("/participants/peopleByOffice").propertyNames().forEach(offices::add);
            assertThat(text("card-offices")).isEqualTo(String.valueOf(offices.size()));
            // each office's row: people reached, people enrolled and trained, each counted once
            assertThat(rows("table-offices")).containsExactlyInAnyOrderElementsOf(offices.stream().map(office -> String.join(" ",
                    office, number(overview.at("/reach/byOffice").path(office)),
                    number(overview.at("/participants/peopleByOffice").path(office).path("enrolled")),
                    number(overview.at("/participants/peopleByOffice").path(office).path("completed")))).toList());
            assertThat(pageTitle()).isEqualTo("Overview");
            // the sample season is marked: the overview says how much of it the figures hold
            assertThat(text("illustrative")).isEqualTo("Includes illustrative sample data — campaigns: "
                    + number(overview.at("/illustrative/campaigns")) + ", courses: " + number(overview.at("/illustrative/courses")) + ".");
            // the maps: reach by country and by subdivision, participants by country, as the API counts them
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(chartRows("chart-country")).hasSize(overview.at("/reach/byCountry").size());
                assertThat(chartRows("chart-subdivision")).hasSize(overview.at("/reach/bySubdivision").size());
                assertThat(chartRows("chart-participant-country")).hasSize(overview.at("/participants/byCountry").size());
            });
            assertThat(numbers(chartRows("chart-country"))).containsExactlyInAnyOrderElementsOf(
                    counts(overview.at("/reach/byCountry"), ""));
            assertThat(numbers(chartRows("chart-participant-country"))).containsExactlyInAnyOrderElementsOf(
                    counts(overview.at("/participants/byCountry"), "/enrolled"));
            // every subdivision with figures is drawn on the map, and named by the boundaries with its code
            assertThat(mapAreas("chart-subdivision")).containsAll(overview.at("/reach/bySubdivision").propertyNames());
            assertThat(chartRows("chart-subdivision")).allSatisfy(row -> assertThat(row).matches(".+ \\([A-Z]{2}-[A-Z0-9]+\\) [0-9,]+"));
            assertThat(numbers(chartRows("chart-subdivision"))).containsExactlyInAnyOrderElementsOf(
                    counts(overview.at("/reach/bySubdivision"), ""));
            // the sample's reporting periods: every card and chart as final as the least final period it covers
            List<String> standings = new ArrayList<>();
            List<String> named = new ArrayList<>();
            overview.path("periods").forEach(period -> {
                standings.add(period.path("status").asString());
                named.add(period.path("period").asString() + " " + period.path("status").asString().toLowerCase(Locale.ROOT));
            });
            assertThat(text("periods")).isEqualTo(String.join(" · ", named));
            assertThat(named).contains("2001-Q4 approved");
            String least = List.of("PROVISIONAL", "SUBMITTED", "APPROVED").stream().filter(standings::contains)
                    .findFirst().orElseThrow();
            assertThat(browser.findElements(By.cssSelector("#page .standing")).stream().filter(WebElement::isDisplayed))
                    .isNotEmpty().allSatisfy(badge -> assertThat(badge.getText()).isEqualTo(least.toLowerCase(Locale.ROOT)));
            photograph("overview");

            // the offices table sorts by a button in its header, which says how it sorts
            WebElement officeHeader = browser.findElement(By.cssSelector("#table-offices th:first-child"));
            officeHeader.findElement(By.tagName("button")).click();
            assertThat(browser.findElement(By.cssSelector("#table-offices th:first-child")).getAttribute("aria-sort"))
                    .isEqualTo("ascending");
            assertThat(rows("table-offices").get(0)).startsWith(offices.iterator().next());

            // to an office, from the keyboard: the office that reached most people among those with courses
            String office = officeWithMostReach(overview);
            JsonNode officeFigures = figures("/api/figures/offices/" + office);
            browser.findElement(By.cssSelector("#table-offices a[href='#/offices/" + office + "']")).sendKeys(Keys.ENTER);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(pageTitle()).isEqualTo("Office " + office);
                assertThat(text("card-campaigns")).isEqualTo(number(officeFigures.at("/figures/campaigns/total")));
                assertThat(text("card-reached")).isEqualTo(number(officeFigures.at("/figures/reach/total")));
                assertThat(text("card-courses")).isEqualTo(number(officeFigures.at("/figures/courses/total")));
                assertThat(rows("table-campaigns")).hasSize(officeFigures.path("campaigns").size());
                assertThat(rows("table-courses")).hasSize(officeFigures.path("courses").size());
            });
            assertThat(browser.getCurrentUrl()).isEqualTo(DASHBOARD + "/#/offices/" + office);
            assertThat(browser.executeScript("return document.activeElement.id")).as("the focus on the new page's heading")
                    .isEqualTo("page-title");
            assertThat(crumbs()).containsExactly("Overview", "Office " + office);
            photograph("office");

            // to the campaign that reached most
            JsonNode campaignSummary = most(officeFigures.path("campaigns"), "reached");
            String campaignId = campaignSummary.path("id").asString();
            JsonNode campaign = figures("/api/figures/campaigns/" + campaignId);
            browser.findElement(By.cssSelector("#table-campaigns a[href='#/campaigns/" + campaignId + "']")).click();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(pageTitle()).isEqualTo(campaign.path("title").asString());
                assertThat(text("card-reached")).isEqualTo(number(campaign.path("reached")));
                assertThat(text("card-updates")).isEqualTo(number(campaign.path("updatesCounted")));
                assertThat(rows("table-audiences")).hasSize(campaign.path("audiences").size());
            });
            assertThat(crumbs()).containsExactly("Overview", "Office " + office, campaign.path("title").asString());
            assertThat(chromium.byId("illustrative-badge").isDisplayed()).as("the badge of an illustrative campaign")
                    .isEqualTo(campaign.path("illustrative").asBoolean());
            photograph("campaign");
            printToPdf("campaign");

            // in Spanish, labels and the catalogue's words alike
            new Select(chromium.byId("language")).selectByValue("es");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(crumbs()).containsExactly("Resumen", "Oficina " + office, campaign.path("title").asString());
                assertThat(browser.findElement(By.cssSelector("#table-audiences th:first-child")).getText())
                        .startsWith("Público");
                assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("es");
            });
            JsonNode spanish = figures("/api/figures/campaigns/" + campaignId, "es");
            String audience = campaign.path("audiences").get(0).path("audience").asString();
            String spanishLabel = spanish.at("/labels/audiences").path(audience).asString();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(rows("table-audiences")).anySatisfy(row -> assertThat(row).startsWith(spanishLabel)));
            photograph("campaign-es");
            new Select(chromium.byId("language")).selectByValue("en");

            // back to the office, then its busiest course
            browser.navigate().back();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(pageTitle()).isEqualTo("Office " + office);
                assertThat(rows("table-courses")).hasSize(officeFigures.path("courses").size());
            });
            if (!officeFigures.path("courses").isEmpty()) {
                String courseId = most(officeFigures.path("courses"), "enrolled").path("id").asString();
                JsonNode course = figures("/api/figures/courses/" + courseId);
                browser.findElement(By.cssSelector("#table-courses a[href='#/courses/" + courseId + "']")).click();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(pageTitle()).isEqualTo(course.path("title").asString());
                    assertThat(text("card-enrolled")).isEqualTo(number(course.path("enrolled")));
                    assertThat(text("card-completed")).isEqualTo(number(course.path("completed")));
                    assertThat(text("card-sessions")).isEqualTo(number(course.path("sessionsHeld")));
                });
                Map<String, Long> enrolledByCountry = new TreeMap<>();
                course.path("cells").forEach(cell -> enrolledByCountry.merge(cell.path("country").asString(),
                        cell.path("enrolled").asLong(), Long::sum));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(numbers(chartRows(
                        "chart-participant-country"))).containsExactlyInAnyOrderElementsOf(enrolledByCountry.values()
                        .stream().map(n -> NumberFormat.getIntegerInstance(Locale.US).format(n)).toList()));
                photograph("course");
                browser.navigate().back();
            }
            browser.navigate().back();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(pageTitle()).isEqualTo("Overview");
                assertThat(text("card-reached")).isEqualTo(number(overview.at("/reach/total")));
            });

            assertThat(chromium.consoleErrors()).allSatisfy(error -> assertThat(error)
                    .as("before signing in, the page asks who is signed in and is told: nobody")
                    .contains("/api/me - Failed to load resource: the server responded with a status of 401"));
        }
    }

    /**
     * The page checked with axe-core, then photographed into docs/screenshots at desktop width (1280) and at a
     * phone's (390), where nothing may be wider than the screen.
     */
    private void photograph(String name) throws IOException {
        assertThat(graveViolations()).as("serious or critical accessibility violations on " + name).isEmpty();
        Files.createDirectories(SCREENSHOTS);
        screen(1280, 900, false);
        chromium.screenshot(SCREENSHOTS, name + "-desktop");
        screen(390, 844, true);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).as("nothing wider than a phone")
                .isEqualTo(true));
        chromium.screenshot(SCREENSHOTS, name + "-phone");
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private void screen(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        // the charts follow their boxes; give them a moment to draw again
        browser.executeAsyncScript("const done = arguments[arguments.length - 1]; setTimeout(done, 500);");
    }

    /** Serious or critical violations of axe-core's rules on the page as it is, as "rule: elements". */
    @SuppressWarnings("unchecked")
    private List<String> graveViolations() throws IOException {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.executeScript(axe());
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations), e => done([{ id: String(e), impact: 'critical', nodes: [] }]));");
        List<String> grave = new ArrayList<>();
        for (Map<String, Object> violation : violations) {
            if (GRAVE.contains(violation.get("impact"))) {
                grave.add(violation.get("id") + ": " + ((List<Map<String, Object>>) violation.get("nodes")).stream()
                        .map(node -> String.valueOf(node.get("target"))).toList());
            }
        }
        return grave;
    }

    private static String axe() throws IOException {
        Properties webjar = new Properties();
        try (InputStream in = DashboardPagesIT.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            webjar.load(in);
        }
        try (InputStream in = DashboardPagesIT.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The page printed to PDF by the browser, with the print stylesheet: the controls left off the paper, the
     * figures on it.
     */
    private void printToPdf(String name) throws IOException {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(chromium.byId("filters").isDisplayed()).isFalse();
        assertThat(chromium.byId("print").isDisplayed()).isFalse();
        assertThat(chromium.byId("card-reached").isDisplayed()).isTrue();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        byte[] pdf = Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.createDirectories(PRINTED);
        Files.write(PRINTED.resolve(name + ".pdf"), pdf);
    }

    private String officeWithMostReach(JsonNode overview) {
        JsonNode byOffice = overview.at("/reach/byOffice");
        JsonNode training = overview.at("/participants/peopleByOffice");
        return byOffice.propertyNames().stream().filter(training::has)
                .max(Comparator.comparingLong(office -> byOffice.path(office).asLong()))
                .orElseThrow();
    }

    private static JsonNode most(JsonNode items, String field) {
        List<JsonNode> all = new ArrayList<>();
        items.forEach(all::add);
        return all.stream().max(Comparator.comparingLong(item -> item.path(field).asLong())).orElseThrow();
    }

    /** The rows of a chart's table for screen readers, each as its cells' text joined by spaces. */
    @SuppressWarnings("unchecked")
    private List<String> chartRows(String chart) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('#' + arguments[0]"
                + " + '-data tbody tr'), row => Array.from(row.cells, cell => cell.textContent).join(' '))", chart);
    }

    /** The names of the areas a map chart draws: the boundaries registered for it. */
    @SuppressWarnings("unchecked")
    private List<String> mapAreas(String chart) {
        return (List<String>) browser.executeScript("const map = echarts.getMap(echarts.getInstanceByDom("
                + "document.getElementById(arguments[0])).getOption().series[0].map);"
                + "return (map.geoJSON || map.geoJson).features.map(feature => feature.properties.name)", chart);
    }

    /** The last cell of each row: a chart's count. */
    private static List<String> numbers(List<String> rows) {
        return rows.stream().map(row -> row.substring(row.lastIndexOf(' ') + 1)).toList();
    }

    /** The counts of an object of the API's (at {@code field} within each value), as the page writes them. */
    private static List<String> counts(JsonNode byKey, String field) {
        List<String> counts = new ArrayList<>();
        byKey.forEach(value -> counts.add(number(value.at(field))));
        return counts;
    }

    private String text(String id) {
        return chromium.text(id);
    }

    private String pageTitle() {
        return text("page-title");
    }

    private List<String> crumbs() {
        return browser.findElements(By.cssSelector("#crumbs li")).stream().map(WebElement::getText).toList();
    }

    /** The rows of a table on the page, each as its cells' text joined by spaces. */
    private List<String> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(WebElement::getText).toList();
    }

    /**
     * The overview once the loaded data is all counted: the stack has sent it all when it starts, so figures that
     * hold the annex's campaigns and courses and do not change for two seconds are final.
     */
    private JsonNode settledOverview() throws IOException {
        JsonNode demo;
        try (InputStream in = LocalStack.class.getResourceAsStream("/demo/field-activities-2002.json")) {
            demo = json.readTree(in);
        }
        JsonNode[] before = {null};
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonNode now = figures("/api/figures/overview");
            boolean settled = now.equals(before[0]) && now.path("campaigns").path("total").asLong() >= demo.path("campaigns").size()
                    && now.path("courses").path("total").asLong() >= demo.path("courses").size();
            before[0] = now;
            return settled ? now : null;
        }, Objects::nonNull);
    }

    private static String number(JsonNode value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value.asLong());
    }

    private JsonNode figures(String path) throws Exception {
        return figures(path, "en");
    }

    private JsonNode figures(String path, String language) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(DASHBOARD + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
