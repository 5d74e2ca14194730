package org.alcance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.alcance.test.ApiDescriptionContract;
import org.junit.jupiter.api.Test;

class OpenApiIT extends ApiDescriptionContract {

    OpenApiIT() {
        super("reporting-service", "/api/figures/overview", "get /api/figures/overview",
                "get /api/figures/offices/{office}", "get /api/figures/campaigns/{id}", "get /api/figures/courses/{id}",
                "get /api/figures/status", "get /api/figures/stream", "get /api/exports", "get /api/exports/{table}.csv",
                "get /api/exports/{table}.xlsx", "post /api/admin/replay");
    }

    @Test
    void shouldDescribeTheFiltersAndTheStreamsMediaType() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/figures/overview'].get.parameters[*].name").value(names ->
                        assertThat(names.toString()).contains("office", "theme", "from", "to"))
                .jsonPath("$.paths['/api/figures/stream'].get.responses['200'].content['text/event-stream']").exists();
    }
}
