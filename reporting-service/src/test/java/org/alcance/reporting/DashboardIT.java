package org.alcance.reporting;

import static org.alcance.reporting.Events.attended;
import static org.alcance.reporting.Events.completedCourse;
import static org.alcance.reporting.Events.created;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.launched;
import static org.alcance.reporting.Events.period;
import static org.alcance.reporting.Events.quarterly;
import static org.alcance.reporting.Events.reported;
import static org.alcance.reporting.Events.reportedAt;
import static org.alcance.reporting.Events.scheduled;
import static org.alcance.reporting.Events.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alcance.events.AudienceTarget;
import org.alcance.events.Sex;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.test.Chromium;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.Issuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Headquarters' dashboard in a real headless Chromium: a person signs in on the issuer's login page, and the
 * dashboard shows the exact totals of what the field offices reported, follows a new event without a reload,
 * and speaks Spanish on request. The page is opened at 127.0.0.1, the loopback address the issuer accepts
 * as a redirect on any port.
 */
@IntegrationTest
class DashboardIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();
    private static final Path SCREENSHOTS = Path.of("target", "dashboard");

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    private Chromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void openChromium() {
        chromium = Chromium.headless();
        browser = chromium.driver();
    }

    @AfterEach
    void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldShowHeadquartersTheExactTotalsAndFollowANewEventWithoutAReload() {
        String theme = "theme-" + UUID.randomUUID();
        String gt = "campaign-" + UUID.randomUUID();
        String hn = "campaign-" + UUID.randomUUID();
        String course = "course-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(created(gt, "GT", theme));
            producer.send(reported(gt, "GT", "u1", "2002-06-15", "poster", 1_200, 40));
            producer.send(created(hn, "HN", theme));
            producer.send(reported(hn, "HN", "u1", "2002-06-20", "radio", 450, 0));
            producer.send(scheduled(course, "GT", theme));
            producer.send(enrolled(course, "GT", "p1", Sex.FEMALE, OrganisationType.NGO, EnrolmentStatus.ENROLLED));
            producer.send(enrolled(course, "GT", "p2", Sex.MALE, OrganisationType.POLICE, EnrolmentStatus.ENROLLED));
            producer.send(enrolled(course, "GT", "p3", Sex.FEMALE, OrganisationType.JUDICIARY, EnrolmentStatus.ENROLLED));
            producer.send(session(course, "GT", "s1"));
            producer.send(attended(course, "GT", "s1", "p1", AttendanceStatus.PRESENT));
            producer.send(attended(course, "GT", "s1", "p2", AttendanceStatus.LATE));
            producer.send(completedCourse(course, "GT", "p1"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                field("/api/figures/campaigns/" + gt, "updatesCounted", 1);
                field("/api/figures/campaigns/" + hn, "updatesCounted", 1);
                field("/api/figures/courses/" + course, "sequence", 8);
            });

            signIn("hq");
            browser.get(dashboard() + "/?theme=" + theme);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(text("card-campaigns")).isEqualTo("2");
                assertThat(text("card-reached")).isEqualTo("1,690");
                assertThat(text("card-trained")).isEqualTo("1");
                assertThat(text("card-enrolled")).isEqualTo("3");
                assertThat(text("card-completion")).isEqualTo("33.3%");
                assertThat(text("card-courses")).isEqualTo("1");
                assertThat(text("as-of")).endsWith("UTC");
            });
            assertThat(byId("f-theme").getAttribute("value")).isEqualTo(theme);
            assertThat(byId("downloads").findElements(By.cssSelector("[data-export='reach-by-office.xlsx']"))).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> "on".equals(byId("live").getAttribute("data-state")));
            assertThat(browser.executeScript("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
            assertThat((String) browser.executeScript("return document.cookie")).as("scripts read no session")
                    .doesNotContain("SESSION");
            assertThat(text("who")).isEqualTo("Signed in as hq · hq");
            assertThat(status("fetch('/logout', {method: 'POST', redirect: 'manual'})"))
                    .as("a write with the session cookie but without the CSRF token is refused").isEqualTo(403L);
            assertThat(status("fetch('/api/me')")).as("and the session goes on").isEqualTo(200L);

            browser.executeScript("window.sameDocument = true");
            producer.send(reported(gt, "GT", "u2", "2002-07-02", "radio", 300, 0));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(text("card-reached")).isEqualTo("1,990"));
            assertThat(browser.executeScript("return window.sameDocument === true")).as("updated without a reload")
                    .isEqualTo(true);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(text("lag")).matches("[0-9,]+"));
        }
        // reach by channel, theme and age group, as the overview has them, the age groups in words
        assertThat(categories("chart-channel")).containsExactlyInAnyOrder("radio", "poster");
        assertThat(categories("chart-theme")).containsExactly(theme);
        assertThat(categories("chart-age")).containsExactly("25–34");
        assertThat(text("periods")).isNotEmpty();
        screenshot("1280x800");
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", height.intValue(), "deviceScaleFactor", 1, "mobile", false));
        screenshot("1280-whole-page");

        new Select(byId("language")).selectByValue("es");
        assertThat(browser.findElement(By.cssSelector("[data-i18n=peopleReached]")).getText())
                .isEqualTo("Personas alcanzadas");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(text("card-completion")).isEqualTo("33,3 %"); // the driver reads a no-break space as a space

        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth")).as("nothing wider than a phone")
                .isEqualTo(true));
        screenshot("phone-es");

        // expected: before signing in, the page asks who is signed in and is told nobody (401); the refused write (403)
        List<String> errors = chromium.consoleErrors().stream()
                .filter(error -> !error.contains("/api/me - Failed to load resource: the server responded with a status of 401"))
                .filter(error -> !error.contains("/logout - Failed to load resource: the server responded with a status of 403"))
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    /**
     * A campaign's page and its office's: progress against the target's milestones over time, the standing of the
     * reporting periods its months fall in on every figure, its places by subdivision and on the map, and the
     * office's period set beside the one before it and the same months a year earlier.
     */
    @Test
    void shouldShowACampaignsProgressPeriodsAndPlacesAndItsOfficeAgainstEarlierPeriods() {
        String office = "XQ";
        String campaign = "campaign-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(quarterly());
            producer.send(new CampaignCreated(campaign, office, "Migrant Friend: You Have Rights", "Posters",
                    List.of("migrant-rights"), List.of("poster", "radio"), List.of(), List.of(
                            new AudienceTarget("children", 300_000, 5_000L, List.of(
                                    new AudienceTarget.Milestone(LocalDate.of(2002, 6, 30), 50_000),
                                    new AudienceTarget.Milestone(LocalDate.of(2002, 12, 31), 300_000)))),
                    LocalDate.of(2002, 5, 1), LocalDate.of(2002, 12, 31), false));
            producer.send(launched(campaign, office));
            producer.send(reported(campaign, office, "u1", "2002-05-10", "poster", 20_000, 0));
            producer.send(reported(campaign, office, "u2", "2002-06-15", "poster", 10_000, 0));
            producer.send(reportedAt(campaign, office, "u3", "2002-08-01", "GT-SM", 40_000));
            producer.send(period(office, "2002-Q2", PeriodStatus.APPROVED, "2002-07-20", null));
            producer.send(period(office, "2002-Q3", PeriodStatus.SUBMITTED, "2002-10-10", null));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                field("/api/figures/campaigns/" + campaign, "updatesCounted", 3);
                http.get().uri("/api/figures/periods?office=" + office).headers(h -> h.setBearerAuth(ISSUER.hq()))
                        .exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.periods[?(@.period == '2002-Q3')].offices[0].status").isEqualTo(List.of("SUBMITTED"));
            });
        }

        signIn("hq");
        browser.get(dashboard() + "/#/campaigns/" + campaign);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(text("card-reached")).isEqualTo("70,000");
            assertThat(text("page-title")).isEqualTo("Migrant Friend: You Have Rights");
        });
        // the baseline and the people reached by each milestone's day, against the milestones' targets
        assertThat(series("chart-progress", 0)).containsExactly(35_000L, 75_000L);
        assertThat(series("chart-progress", 1)).containsExactly(50_000L, 300_000L);
        assertThat(browser.findElements(By.cssSelector("#chart-progress-data tbody tr"))).hasSize(2);
        // May, June and August: an approved quarter and a submitted one, so no figure is final yet
        assertThat(browser.findElements(By.cssSelector("#page .standing"))).isNotEmpty()
                .allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("submitted"));
        // San Marcos on the map of Guatemala's departments, which the project ships
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mapData("chart-subdivision"))
                .containsExactly(Map.entry("GT-SM", 40_000L)));
        assertThat(byId("chart-subdivision-data").getAttribute("textContent")).contains("San Marcos (GT-SM)40,000");
        assertThat((Long) browser.executeScript("return echarts.getMap('subdivisions:GT').geoJSON.features.length"))
                .isEqualTo(22);
        assertThat(byId("chart-sex").getAttribute("aria-label")).as("no ring without figures")
                .isEqualTo("Sex split: no figures yet");
        screenshot("campaign-progress");

        browser.findElement(By.cssSelector("#crumbs a[href='#/offices/" + office + "']")).click();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(text("page-title")).isEqualTo("Office " + office));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mapData("chart-country"))
                .containsEntry("GT", 40_000L));

        // July to September against April to June and the same months of 2001
        browser.get(dashboard() + "/?from=2002-07&to=2002-09#/offices/" + office);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(series("chart-compare", 0)).startsWith(40_000L);
            assertThat(series("chart-compare", 1)).startsWith(30_000L);
            assertThat(series("chart-compare", 2)).startsWith(0L);
        });
        screenshot("office-compared");

        // Morocco's places, which the project has no boundaries of, are bars of their codes
        String moroccan = "campaign-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(created(moroccan, "MA", "migrant-rights"));
            producer.send(launched(moroccan, "MA"));
            producer.send(reportedAt(moroccan, "MA", "u1", "2002-08-01", "MA-04", 1_200));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> field("/api/figures/campaigns/" + moroccan,
                "updatesCounted", 1));
        browser.get(dashboard() + "/#/campaigns/" + moroccan);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(categories("chart-subdivision"))
                .containsExactly("MA-04"));
    }

    /** The values of one series of a chart, as ECharts holds them (none before it is drawn). */
    @SuppressWarnings("unchecked")
    private List<Long> series(String chart, int index) {
        return ((List<Object>) browser.executeScript("const e = document.getElementById(arguments[0]);"
                + " const c = e && echarts.getInstanceByDom(e); const s = c && c.getOption().series[arguments[1]];"
                + " return s ? s.data : []", chart, index))
                .stream()
                .map(value -> ((Number) value).longValue()).toList();
    }

    /** A map chart's values by region name (none before it is drawn). */
    @SuppressWarnings("unchecked")
    private Map<String, Long> mapData(String chart) {
        Object shown = browser.executeScript("const e = document.getElementById(arguments[0]);"
                + " const c = e && echarts.getInstanceByDom(e);"
                + " return c && c.getOption().series.length ? c.getOption().series[0].data : []", chart);
        return ((List<Map<String, Object>>) shown).stream().collect(Collectors.toMap(
                item -> (String) item.get("name"), item -> ((Number) item.get("value")).longValue()));
    }

    /** The status of the page's own request, made by the browser with its cookies. */
    private Object status(String request) {
        return browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + request + ".then(answer => done(answer.status), error => done(error.message));");
    }

    private String dashboard() {
        return "http://127.0.0.1:" + port;
    }

    /** Through the issuer's login page, with the user's password as the issuer made it. */
    private void signIn(String user) {
        browser.get(dashboard() + "/");
        await().atMost(Duration.ofSeconds(10)).until(() -> byId("sign-in").isDisplayed());
        byId("sign-in-link").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().startsWith(ISSUER.uri() + "/login"));
        byId("username").sendKeys(user);
        byId("password").sendKeys(ISSUER.secret("user." + user));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().startsWith(dashboard())
                && byId("sign-out").isDisplayed());
    }

    private void field(String uri, String name, long value) {
        http.get().uri(uri).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$." + name).isEqualTo(value);
    }

    private WebElement byId(String id) {
        return chromium.byId(id);
    }

    private String text(String id) {
        return chromium.text(id);
    }

    /** The categories a bar chart of the page shows, as ECharts holds them (none before it is drawn). */
    @SuppressWarnings("unchecked")
    private List<String> categories(String chart) {
        return (List<String>) browser.executeScript("const e = document.getElementById(arguments[0]);"
                + " const c = e && echarts.getInstanceByDom(e); const o = c && c.getOption();"
                + " return o && o.yAxis ? o.yAxis[0].data : []", chart);
    }

    private void screenshot(String name) {
        chromium.screenshot(SCREENSHOTS, name);
    }
}
