package org.alcance.campaign;

import static org.alcance.campaign.CampaignApi.ISSUER;

import java.net.URI;
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

    /** Its documented minimal body makes the campaign whose channel and audience the minimal update names. */
    @Test
    void shouldTakeTheDocumentedMinimalBodiesOfCampaignsAndUpdatesAndRequireEachOfTheirFields() {
        String token = ISSUER.office("KZ");
        URI campaign = assertMinimalBodyIsWhatIsRequired("/api/campaigns", "/api/campaigns", token);
        http.post().uri(campaign + "/launch").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk();
        assertMinimalBodyIsWhatIsRequired("/api/campaigns/{campaignId}/updates", campaign + "/updates", token);
    }
}
