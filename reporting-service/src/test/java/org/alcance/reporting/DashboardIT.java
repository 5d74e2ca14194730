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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alcance.events.Sex;
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

    /** The categories a bar chart of the page shows, as ECharts holds them. */
    @SuppressWarnings("unchecked")
    private List<String> categories(String chart) {
        return (List<String>) browser.executeScript("return echarts.getInstanceByDom(document.getElementById("
                + "arguments[0])).getOption().yAxis[0].data", chart);
    }

    private void screenshot(String name) {
        chromium.screenshot(SCREENSHOTS, name);
    }
}
