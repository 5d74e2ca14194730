package org.alcance.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.alcance.local.LocalStack;
import org.alcance.local.SampleSeason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as {@code ./run-local} runs it: what headquarters sees must add up to the demo
 * data and the illustrative sample season loaded beside it, every chart must have something to show, and a real
 * Prometheus must be able to scrape every service. ({@code RunLocalIT} runs it with {@code --no-sample}.)
 */
@Order(4)
class LocalStackIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final int PROMETHEUS_PORT = 9099;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    /** This test starts a stack of its own, on the same ports. */
    @BeforeAll
    static void stopTheSharedStack() {
        SharedStack.stop();
    }

    @Test
    void shouldShowHeadquartersTheDemoDataAndTheSampleSeasonTotalsAndKeepThemAcrossARestart() throws Exception {
        JsonNode demo = demo();
        JsonNode season = SampleSeason.generate();
        Map<String, Long> reachByAudience = new TreeMap<>();
        Map<String, Long> materials = new TreeMap<>();
        for (JsonNode campaign : demo.path("campaigns")) {
            count(campaign.path("updates"), reachByAudience, materials);
        }
        for (JsonNode campaign : season.path("campaigns")) {
            count(campaign.path("updates"), reachByAudience, materials);
        }
        long annexCampaigns = demo.path("campaigns").size();
        long sampleCampaigns = season.path("campaigns").size();
        long campaigns = annexCampaigns + sampleCampaigns;
        long reached = reachByAudience.values().stream().mapToLong(Long::longValue).sum();
        long annexCourses = demo.path("courses").size();
        long sampleCourses = season.path("courses").size();
        long courses = annexCourses + sampleCourses;
        long participants = 0;
        for (JsonNode course : demo.path("courses")) {
            participants += course.path("participants").path("count").asLong();
        }
        long annexParticipants = participants;
        long completing = 0;
        for (JsonNode course : season.path("courses")) {
            participants += course.path("participants").size();
            for (JsonNode participant : course.path("participants")) {
                completing += participant.path("completes").asBoolean() ? 1 : 0;
            }
        }
        long enrolled = participants;
        long completed = completing;
        Path data = Files.createTempDirectory("alcance-e2e-");

        try (LocalStack stack = LocalStack.start(ROOT, data)) {
            String hq = stack.issuer().hq();
            JsonNode overview = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> overview(hq), figures -> figures.path("campaigns").path("total").asLong() == campaigns
                            && figures.path("courses").path("total").asLong() == courses
                            && figures.path("participants").path("enrolled").asLong() == enrolled
                            && figures.path("participants").path("completed").asLong() == completed
                            && figures.path("reach").path("total").asLong() == reached);
            assertThat(byAudience(overview)).isEqualTo(reachByAudience);
            assertThat(overview.path("illustrative").path("campaigns").asLong()).isEqualTo(sampleCampaigns);
            assertThat(overview.path("illustrative").path("courses").asLong()).isEqualTo(sampleCourses);
            assertThatEveryChartHasSomethingToShow(overview, hq);
            assertThat(overview.path("materials").properties()).extracting(Map.Entry::getKey).containsAll(materials.keySet());
            materials.forEach((kind, count) -> assertThat(overview.path("materials").path(kind).asLong()).isEqualTo(count));
            assertThat(overview.path("asOf").isNull()).isFalse();
            // the demo names its audiences by the catalogue's codes, which headquarters reads in its language
            JsonNode spanish = overview(hq, "es-GT,es;q=0.9").path("labels");
            assertThat(spanish.path("language").asString()).isEqualTo("es");
            for (JsonNode entry : resource("/demo/vocabulary.json").path("audiences")) {
                assertThat(spanish.path("audiences").path(entry.path("code").asString()).asString())
                        .isEqualTo(entry.path("labels").path("es").asString());
            }
            assertThat(spanish.path("audiences").propertyNames()).containsAll(reachByAudience.keySet());
            assertThatPrometheusScrapesEveryService(data);
        }
        assertThat(Files.readString(data.resolve("demo-loaded"))).contains(annexCampaigns + " campaigns",
                annexCourses + " courses with " + annexParticipants + " participants");
        assertThat(Files.readString(data.resolve(LocalStack.SAMPLE_LOADED))).contains(sampleCampaigns + " campaigns",
                sampleCourses + " courses", (participants - annexParticipants) + " participants");

        try (LocalStack again = LocalStack.start(ROOT, data)) {
            JsonNode overview = overview(again.issuer().hq());
            assertThat(overview.path("campaigns").path("total").asLong()).isEqualTo(campaigns);
            assertThat(overview.path("reach").path("total").asLong()).isEqualTo(reached);
            assertThat(overview.path("participants").path("enrolled").asLong()).isEqualTo(enrolled);
            assertThat(overview.path("illustrative").path("campaigns").asLong()).isEqualTo(sampleCampaigns);
        }
    }

    private static void count(JsonNode updates, Map<String, Long> reachByAudience, Map<String, Long> materials) {
        for (JsonNode update : updates) {
            update.path("reach").forEach(reach ->
                    reachByAudience.merge(reach.path("audience").asString(), reach.path("people").asLong(), Long::sum));
            update.path("materials").properties()
                    .forEach(entry -> materials.merge(entry.getKey(), entry.getValue().asLong(), Long::sum));
        }
    }

    /**
     * What the dashboard draws has data: reach by every key, targets, materials, the training funnel and its splits,
     * training targets; a quarter has reach beside the quarter before and the same quarter a year earlier; a
     * campaign's milestones have something achieved.
     */
    private void assertThatEveryChartHasSomethingToShow(JsonNode overview, String hq) throws Exception {
        for (String split : java.util.List.of("byAudience", "byTheme", "byChannel", "byOffice", "byMonth", "byCountry",
                "bySubdivision", "bySex", "byAgeGroup")) {
            assertThat(overview.path("reach").path(split).size()).as("reach.%s", split).isGreaterThan(1);
        }
        assertThat(overview.path("targets")).isNotEmpty();
        assertThat(overview.path("materials").size()).isGreaterThan(1);
        JsonNode participants = overview.path("participants");
        assertThat(participants.path("attended").asLong()).isPositive();
        assertThat(participants.path("people").path("completed").asLong()).isPositive();
        assertThat(participants.path("bySex").size()).isGreaterThan(1);
        assertThat(participants.path("byOrganisationType").size()).isGreaterThan(1);
        assertThat(overview.path("trainingTargets")).isNotEmpty();
        for (String quarter : java.util.List.of("from=2002-10&to=2002-12", "from=2002-07&to=2002-09",
                "from=2001-10&to=2001-12")) {
            assertThat(get("http://localhost:8083/api/figures/overview?" + quarter, hq).path("reach").path("total")
                    .asLong()).as(quarter).isPositive();
        }
        JsonNode campaigns = get("http://localhost:8083/api/figures/offices/GT", hq).path("campaigns");
        for (JsonNode campaign : campaigns) {
            JsonNode figures = get("http://localhost:8083/api/figures/campaigns/" + campaign.path("id").asString(), hq);
            if (figures.path("illustrative").asBoolean()) {
                assertThat(figures.path("audiences").get(0).path("milestones").get(0).path("achieved").asLong())
                        .isPositive();
            }
        }
    }

    /** A real Prometheus (the Debian package) scrapes the three services and reports each target up. */
    private void assertThatPrometheusScrapesEveryService(Path data) throws Exception {
        Path config = data.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: alcance
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:8081', '127.0.0.1:8082', '127.0.0.1:8083']
                """);
        Process prometheus;
        try {
            prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + data.resolve("prometheus"), "--web.listen-address=127.0.0.1:" + PROMETHEUS_PORT)
                    .redirectErrorStream(true).redirectOutput(data.resolve("logs").resolve("prometheus.log").toFile()).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("prometheus is not installed (Debian package prometheus)", e);
        }
        try {
            JsonNode targets = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> get("http://127.0.0.1:" + PROMETHEUS_PORT + "/api/v1/targets").path("data").path("activeTargets"),
                            active -> active.size() == 3 && java.util.stream.StreamSupport.stream(active.spliterator(), false)
                                    .allMatch(target -> "up".equals(target.path("health").asString())));
            assertThat(targets.size()).isEqualTo(3);
        } finally {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    private JsonNode get(String uri) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode get(String uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri).isEqualTo(200);
        return json.readTree(response.body());
    }

    private Map<String, Long> byAudience(JsonNode overview) {
        Map<String, Long> byAudience = new TreeMap<>();
        overview.path("reach").path("byAudience").properties()
                .forEach(entry -> byAudience.put(entry.getKey(), entry.getValue().asLong()));
        byAudience.values().removeIf(people -> people == 0);
        return byAudience;
    }

    private JsonNode overview(String token) throws Exception {
        return overview(token, "en");
    }

    private JsonNode overview(String token, String language) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8083/api/figures/overview"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode demo() throws Exception {
        return resource("/demo/field-activities-2002.json");
    }

    private JsonNode resource(String name) throws Exception {
        try (InputStream in = LocalStack.class.getResourceAsStream(name)) {
            return json.readTree(in);
        }
    }
}
