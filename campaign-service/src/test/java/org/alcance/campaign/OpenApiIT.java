package org.alcance.campaign;

import org.alcance.test.ApiDescriptionContract;
import org.junit.jupiter.api.Test;

class OpenApiIT extends ApiDescriptionContract {

    OpenApiIT() {
        super("campaign-service", "/api/campaigns", "post /api/campaigns", "post /api/campaigns/{campaignId}/updates",
                "post /api/campaigns/{campaignId}/updates/bulk");
    }

    @Test
    void shouldDescribeBulkUploadsAsCsvOrJsonAnsweredRowByRow() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/campaigns/{campaignId}/updates/bulk'].post.requestBody.content['text/csv']").exists()
                .jsonPath("$.paths['/api/campaigns/{campaignId}/updates/bulk'].post.requestBody.content['application/json']").exists()
                .jsonPath("$.paths['/api/campaigns/{campaignId}/updates/bulk'].post.responses['200'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Result");
    }
}
