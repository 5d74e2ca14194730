package org.alcance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/prometheus (config, alert rules and their unit tests) and the Grafana dashboard's PromQL, by promtool. */
class PrometheusTest {

    private static final Path PROMETHEUS = Repo.path("deploy/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("rules/alcance-alerts.yml");
    private static final Path DASHBOARD = Repo.path("deploy/grafana/dashboards/alcance.json");

    /** Alerts the issue asks for: consumer lag, outbox backlog, DLT growth, error rate, stale figures. */
    private static final Set<String> REQUIRED_ALERTS = Set.of("AlcanceConsumerLagHigh", "AlcanceOutboxBacklog",
            "AlcanceDeadLetters", "AlcanceHttpErrorRate", "AlcanceFiguresStale", "AlcanceServiceDown");

    @Test
    void configIsValidAndLoadsTheRules() {
        String output = Promtool.check(PROMETHEUS, "check", "config", "prometheus.yml");
        assertThat(output).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void rulesAreValid() {
        Promtool.check(PROMETHEUS, "check", "rules", "rules/alcance-alerts.yml");
    }

    @Test
    void everyAlertIsUnitTested() {
        Promtool.check(PROMETHEUS, "test", "rules", "tests/alcance-alerts.test.yml");
        Set<String> alerts = alertNames(Repo.yaml(RULES));
        assertThat(alerts).containsAll(REQUIRED_ALERTS);
        String tests = Repo.read(PROMETHEUS.resolve("tests/alcance-alerts.test.yml"));
        for (String alert : alerts) {
            assertThat(tests).as("a promtool unit test of " + alert).contains("alertname: " + alert + "\n");
            assertThat(tests).as("a promtool unit test where " + alert + " fires")
                    .containsPattern("alertname: " + alert + "\\s+exp_alerts:\\s+- exp_labels");
        }
    }

    @Test
    void composeScrapesEveryServiceOnItsPortAndPath() {
        JsonNode config = Repo.yaml(PROMETHEUS.resolve("prometheus.yml"));
        for (String service : Repo.SERVICES) {
            JsonNode job = null;
            for (JsonNode candidate : config.get("scrape_configs")) {
                if (service.equals(candidate.path("job_name").asText())) {
                    job = candidate;
                }
            }
            assertThat(job).as("scrape job " + service + " (named like the Kubernetes Service)").isNotNull();
            assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
            assertThat(job.at("/static_configs/0/targets/0").asText()).isEqualTo(service + ":" + Repo.serverPort(service));
        }
    }

    @Test
    void kubernetesPrometheusRuleHoldsTheSameRules() {
        JsonNode file = Repo.yaml(RULES);
        JsonNode rule = Repo.yaml(Repo.path("k8s/base/monitoring/prometheusrule.yaml"));
        assertThat(rule.at("/spec/groups")).isEqualTo(file.get("groups"));
    }

    @Test
    void everyAlcanceMetricInRulesAndDashboardIsOneTheServicesRegister() {
        Set<String> registered = new TreeSet<>();
        for (String meter : Repo.alcanceMeterNames()) {
            registered.add(meter.replace('.', '_'));
        }
        Pattern metric = Pattern.compile("\\balcance_[a-z_]+\\b");
        List<String> expressions = new ArrayList<>(ruleExpressions(Repo.yaml(RULES)));
        expressions.addAll(dashboardExpressions());
        Set<String> unknown = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = metric.matcher(expression);
            while (m.find()) {
                String name = m.group().replaceFirst("_total$", "");
                if (!registered.contains(name)) {
                    unknown.add(m.group());
                }
            }
        }
        assertThat(unknown).as("metrics no service registers (registered: " + registered + ")").isEmpty();
    }

    @Test
    void dashboardIsWellFormed() throws IOException {
        JsonNode dashboard = Repo.JSON.readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isEqualTo("Alcance");
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        String datasourceUid = Repo.yaml(Repo.path("deploy/grafana/provisioning/datasources/prometheus.yml"))
                .at("/datasources/0/uid").asText();
        Set<Integer> ids = new LinkedHashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            String title = panel.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id of " + title).isTrue();
            assertThat(panel.path("type").asText()).isIn("timeseries", "stat", "gauge", "table", "bargauge");
            JsonNode grid = panel.path("gridPos");
            for (String field : List.of("h", "w", "x", "y")) {
                assertThat(grid.path(field).isInt()).as(title + " gridPos." + field).isTrue();
            }
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title + " fits 24 columns").isLessThanOrEqualTo(24);
            assertThat(panel.at("/datasource/uid").asText()).as(title + " datasource").isEqualTo(datasourceUid);
            assertThat(panel.path("targets").size()).as(title + " targets").isPositive();
            Set<String> refIds = new LinkedHashSet<>();
            for (JsonNode target : panel.get("targets")) {
                assertThat(refIds.add(target.path("refId").asText())).as(title + " unique refId").isTrue();
                assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
            }
        }
        String all = String.join("\n", dashboardExpressions());
        // ingest rate, outbox backlog, consumer lag, dead letters, freshness, HTTP errors, JVM memory
        for (String needed : List.of("alcance_reporting_events_applied_total", "alcance_outbox_backlog",
                "kafka_consumer_fetch_manager_records_lag_max", "alcance_reporting_events_deadlettered_total",
                "timestamp(", "http_server_requests_seconds_count{status=~\"5..\"}", "jvm_memory_used_bytes")) {
            assertThat(all).as("the dashboard shows " + needed).contains(needed);
        }
    }

    @Test
    void everyDashboardExpressionIsValidPromql() throws IOException {
        StringBuilder rules = new StringBuilder("groups:\n  - name: grafana-dashboard\n    rules:\n");
        int i = 0;
        for (String expression : dashboardExpressions()) {
            String concrete = expression.replace("$__rate_interval", "5m").replace("$__interval", "1m")
                    .replace("$__range", "1h");
            assertThat(concrete).as("a Grafana variable promtool cannot read").doesNotContain("$");
            rules.append("      - record: dashboard:panel_expression_").append(++i).append('\n')
                    .append("        expr: ").append(Repo.JSON.writeValueAsString(concrete)).append('\n');
        }
        Path dir = Files.createDirectories(Repo.path("deploy-check/target/promql"));
        Files.writeString(dir.resolve("dashboard-expressions.yml"), rules);
        String output = Promtool.check(dir, "check", "rules", "dashboard-expressions.yml");
        assertThat(output).contains("SUCCESS: " + i + " rules found");
    }

    private static Set<String> alertNames(JsonNode rulesFile) {
        Set<String> names = new TreeSet<>();
        for (JsonNode group : rulesFile.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                if (rule.has("alert")) {
                    names.add(rule.get("alert").asText());
                }
            }
        }
        return names;
    }

    private static List<String> ruleExpressions(JsonNode rulesFile) {
        List<String> expressions = new ArrayList<>();
        rulesFile.get("groups").forEach(g -> g.get("rules").forEach(r -> expressions.add(r.get("expr").asText())));
        return expressions;
    }

    private static List<String> dashboardExpressions() {
        try {
            List<String> expressions = new ArrayList<>();
            for (JsonNode panel : Repo.JSON.readTree(DASHBOARD.toFile()).get("panels")) {
                panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
            }
            return expressions;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
