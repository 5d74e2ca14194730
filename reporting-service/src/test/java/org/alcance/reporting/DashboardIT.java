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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.alcance.events.Sex;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Headquarters' dashboard in a real headless Chromium: it signs in with a token, shows the exact totals of
 * what the field offices reported, follows a new event without a reload, and speaks Spanish on request.
 */
@IntegrationTest
class DashboardIT {

    private static final TokenIssuer ISSUER = TestInfrastructure.get().issuer();
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "dashboard");

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    private ChromeDriver browser;

    @BeforeAll
    static void chromiumIsInstalled() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The dashboard test drives Chromium: install the Debian packages chromium and chromium-driver"
                        + " (looked for %s and %s)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
    }

    @BeforeEach
    void openChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldShowHeadquartersTheExactTotalsAndFollowANewEventWithoutAReload() throws IOException {
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

            browser.get("http://localhost:" + port + "/?theme=" + theme);
            assertThat(byId("sign-in").isDisplayed()).as("asks for a token first").isTrue();
            byId("token").sendKeys(ISSUER.hq());
            browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();

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
            assertThat(browser.executeScript("return sessionStorage.getItem('alcance.token') !== null"
                    + " && localStorage.getItem('alcance.token') === null")).as("the token is kept for the tab only")
                    .isEqualTo(true);

            browser.executeScript("window.sameDocument = true");
            producer.send(reported(gt, "GT", "u2", "2002-07-02", "radio", 300, 0));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(text("card-reached")).isEqualTo("1,990"));
            assertThat(browser.executeScript("return window.sameDocument === true")).as("updated without a reload")
                    .isEqualTo(true);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(text("lag")).matches("[0-9,]+"));
        }
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

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    private void field(String uri, String name, long value) {
        http.get().uri(uri).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$." + name).isEqualTo(value);
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String id) {
        return byId(id).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
