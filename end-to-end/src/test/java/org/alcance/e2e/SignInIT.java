package org.alcance.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import org.alcance.local.Issuer;
import org.alcance.local.LocalStack;
import org.alcance.local.SampleSeason;
import org.alcance.test.Chromium;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People signing in to the dashboard of the whole system as {@code ./run-local} runs it, in a real headless
 * Chromium: through the local issuer's login page, as headquarters and then as a field office, each seeing
 * the figures its role allows (the same as the API gives a script of that account), and signing out of the
 * dashboard and of the issuer.
 */
@Order(2)
class SignInIT {

    private static final Path SCREENSHOTS = Path.of("target", "sign-in");
    private static final String DASHBOARD = LocalStack.DASHBOARD;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldSignInAsHeadquartersAndAsAnOfficeSeeWhatEachMaySeeAndSignOut() throws Exception {
        LocalStack stack = SharedStack.get();
        try (Chromium chromium = Chromium.headless()) {
            Issuer issuer = stack.issuer();
            // once headquarters' figures hold all of the demo data and the sample season, Kazakhstan's are its part
            JsonNode demo = demo();
            JsonNode season = SampleSeason.generate();
            JsonNode everyOffice = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> figures("/api/figures/overview", issuer.hq()), figures ->
                            figures.path("campaigns").path("total").asLong()
                                    == demo.path("campaigns").size() + season.path("campaigns").size()
                                    && figures.path("courses").path("total").asLong()
                                    == demo.path("courses").size() + season.path("courses").size());
            JsonNode kazakhstan = figures("/api/figures/overview?office=KZ", issuer.office("KZ"));
            assertThat(kazakhstan.path("campaigns").path("total").asLong()).isPositive()
                    .isLessThan(everyOffice.path("campaigns").path("total").asLong());

            // opened as localhost, as people often do, it moves to the address its sign-in is registered for
            chromium.driver().get("http://localhost:8083/");
            await().atMost(Duration.ofSeconds(10)).until(() -> chromium.byId("sign-in").isDisplayed());
            assertThat(chromium.driver().getCurrentUrl()).isEqualTo(DASHBOARD + "/");
            assertThat(chromium.driver().getPageSource()).doesNotContainIgnoringCase("secret");
            chromium.screenshot(SCREENSHOTS, "1-signed-out");

            IssuerSignIn.signIn(chromium, issuer, "hq", page -> page.screenshot(SCREENSHOTS, "2-issuer-login"));
            assertThat(chromium.text("who")).isEqualTo("Signed in as hq · hq");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(chromium.text("card-campaigns")).isEqualTo(number(everyOffice.path("campaigns").path("total")));
                assertThat(chromium.text("card-reached")).isEqualTo(number(everyOffice.path("reach").path("total")));
            });
            assertThat(chromium.byId("f-office").isEnabled()).as("headquarters may choose any office").isTrue();
            chromium.screenshot(SCREENSHOTS, "3-headquarters");

            signOut(chromium);
            IssuerSignIn.signIn(chromium, issuer, "kz", page -> { });
            assertThat(chromium.text("who")).isEqualTo("Signed in as kz · KZ · office");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(chromium.text("card-campaigns")).isEqualTo(number(kazakhstan.path("campaigns").path("total")));
                assertThat(chromium.text("card-reached")).isEqualTo(number(kazakhstan.path("reach").path("total")));
                assertThat(chromium.text("card-courses")).isEqualTo(number(kazakhstan.path("courses").path("total")));
            });
            assertThat(chromium.byId("f-office").getAttribute("value")).isEqualTo("KZ");
            assertThat(chromium.byId("f-office").isEnabled()).as("an office sees its own figures only").isFalse();
            chromium.screenshot(SCREENSHOTS, "4-kazakhstan");
            signOut(chromium);

            assertThat(chromium.consoleErrors()).allSatisfy(error -> assertThat(error)
                    .as("before signing in, the page asks who is signed in and is told: nobody")
                    .contains("/api/me - Failed to load resource: the server responded with a status of 401"));
        }
    }

    /**
     * Signing out ends the session here and at the issuer: the page asks to sign in again, and signing in
     * again shows the issuer's login page rather than passing straight through.
     */
    private void signOut(Chromium chromium) {
        chromium.driver().findElement(By.cssSelector("#sign-out button")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> chromium.driver().getCurrentUrl().startsWith(DASHBOARD)
                && chromium.byId("sign-in").isDisplayed());
        assertThat(chromium.byId("dashboard").isDisplayed()).isFalse();
    }

    private JsonNode demo() throws Exception {
        try (InputStream in = LocalStack.class.getResourceAsStream("/demo/field-activities-2002.json")) {
            return json.readTree(in);
        }
    }

    private static String number(JsonNode value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value.asLong());
    }

    private JsonNode figures(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(DASHBOARD + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
