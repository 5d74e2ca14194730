package org.alcance.test;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Reads a service's metrics as Prometheus scrapes them. */
public final class Prometheus {

    private Prometheus() {
    }

    /** The sum of every series of {@code metric} in the service's {@code /actuator/prometheus} answer. */
    public static double sum(WebTestClient http, String metric) {
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
