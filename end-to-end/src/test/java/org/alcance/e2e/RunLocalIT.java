package org.alcance.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alcance.local.Issuer;
import org.alcance.local.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./run-local}'s launcher watching its processes: a service killed outright is reported with its exit code
 * and the end of its log, and started again; one that keeps dying stops the whole stack with a clear message. It
 * runs with {@code --no-sample}, which loads the annex's own figures only.
 */
@Order(5)
class RunLocalIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private final StringBuffer output = new StringBuffer();

    /** This test starts a stack of its own, on the same ports. */
    @BeforeAll
    static void stopTheSharedStack() {
        SharedStack.stop();
    }

    @Test
    void shouldReportAndRestartAServiceThatDiedAndStopTheStackWhenItKeepsDying() throws Exception {
        Path data = Files.createTempDirectory("alcance-run-local-");
        Process launcher = new ProcessBuilder(java(), "-jar", launcherJar().toString(), "--data=" + data,
                "--no-sample").directory(ROOT.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> read(launcher), "run-local-output");
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(240)).until(() -> output.indexOf("Alcance is running") >= 0);
            assertThatOnlyTheAnnexWasLoaded(data);

            kill("reporting-service", launcher);
            await().atMost(Duration.ofSeconds(10)).until(() -> output.indexOf("reporting-service exited with code 137")
                    >= 0);
            await().atMost(Duration.ofSeconds(120)).until(() -> output.indexOf("reporting-service is ready again") >= 0);
            assertThat(output.toString()).contains("The last lines of " + data.resolve("logs")
                    .resolve("reporting-service.log"), "  | ", "Restarting reporting-service (1 of 3 restarts this minute)");
            assertThat(ready("http://127.0.0.1:8083")).isTrue();

            // dying again and again within a minute: the third restart is the last
            for (int restart = 2; restart <= 3; restart++) {
                kill("reporting-service", launcher);
                String restarting = "Restarting reporting-service (" + restart + " of 3";
                await().atMost(Duration.ofSeconds(30)).until(() -> output.indexOf(restarting) >= 0);
            }
            kill("reporting-service", launcher);
            assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher stops").isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            assertThat(output.toString()).contains(
                    "reporting-service exited again after 3 restarts within a minute; stopping Alcance.");
            assertThat(descendants(launcher)).isEmpty();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            reader.join(10_000);
        }
    }

    /** {@code --no-sample}: headquarters sees the annex's campaigns and courses, none of them illustrative. */
    private void assertThatOnlyTheAnnexWasLoaded(Path data) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode annex;
        try (var in = RunLocalIT.class.getResourceAsStream("/demo/field-activities-2002.json")) {
            annex = json.readTree(in);
        }
        assertThat(output.toString()).contains("Loaded the 2002 field activities").doesNotContain("sample season");
        assertThat(data.resolve(LocalStack.SAMPLE_LOADED)).doesNotExist();
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(data.resolve(Issuer.SECRETS))) {
            secrets.load(in);
        }
        HttpClient http = HttpClient.newHttpClient();
        String credentials = Base64.getEncoder().encodeToString(("hq:" + secrets.getProperty("hq"))
                .getBytes(StandardCharsets.UTF_8));
        String token = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:9000/oauth2/token"))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asString();
        JsonNode overview = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> json.readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:8083/api/figures/overview")).header("Authorization", "Bearer " + token)
                        .build(), HttpResponse.BodyHandlers.ofString()).body()),
                        figures -> figures.path("courses").path("total").asLong() == annex.path("courses").size());
        assertThat(overview.path("campaigns").path("total").asLong()).isEqualTo(annex.path("campaigns").size());
        assertThat(overview.path("illustrative").path("campaigns").asLong()).isZero();
        assertThat(overview.path("illustrative").path("courses").asLong()).isZero();
    }

    /** SIGKILL to the service's JVM, once it runs (after a restart, its process is a new one). */
    private void kill(String service, Process launcher) {
        ProcessHandle process = await().atMost(Duration.ofSeconds(30)).until(() -> descendants(launcher).stream()
                .filter(p -> p.info().commandLine().orElse("").contains(service + "-")).findFirst().orElse(null),
                found -> found != null);
        process.destroyForcibly();
        process.onExit().join();
    }

    private static List<ProcessHandle> descendants(Process launcher) {
        return launcher.descendants().filter(ProcessHandle::isAlive).toList();
    }

    private void read(Process launcher) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                System.out.println("run-local | " + line);
            }
        } catch (IOException closed) {
            // the launcher ended
        }
    }

    private static boolean ready(String service) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(service + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
        return answer.statusCode() == 200;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path launcherJar() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("local-stack").resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("local-stack-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("local-stack is not packaged"));
        }
    }
}
