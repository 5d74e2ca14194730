package org.alcance.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.alcance.client.campaign.ApiClient;
import org.alcance.client.campaign.ApiException;
import org.alcance.client.campaign.ApiResponse;
import org.alcance.client.campaign.api.CampaignsApi;
import org.alcance.client.campaign.api.ProgressUpdatesApi;
import org.alcance.client.campaign.model.CampaignView;
import org.alcance.client.campaign.model.Correction;
import org.alcance.client.campaign.model.FieldError;
import org.alcance.client.campaign.model.NewCampaign;
import org.alcance.client.campaign.model.NewProgressUpdate;
import org.alcance.client.campaign.model.PlaceInput;
import org.alcance.client.campaign.model.Problem;
import org.alcance.client.campaign.model.ProgressUpdate;
import org.alcance.client.campaign.model.ReachInput;
import org.alcance.client.campaign.model.Result;
import org.alcance.client.campaign.model.Retraction;
import org.alcance.client.campaign.model.RowResult;
import org.alcance.client.campaign.model.TargetInput;
import org.alcance.client.reporting.api.FiguresApi;
import org.alcance.client.reporting.model.CampaignDetail;
import org.alcance.local.LocalStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A field office's script, written against clients generated from the published API descriptions
 * ({@code docs/api/}, by openapi-generator's Java generator), runs the README's flows on the whole stack as
 * {@code ./run-local} runs it, and reads every refusal through the generated {@code Problem}.
 */
@Order(3)
class GeneratedClientIT {

    @Test
    void shouldRunTheReadmesFlowsThroughAGeneratedClient() throws Exception {
        LocalStack stack = SharedStack.get();
        ApiClient guatemala = new ApiClient().setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + stack.issuer().office("GT")));
        CampaignsApi campaigns = new CampaignsApi(guatemala);
        ProgressUpdatesApi updates = new ProgressUpdatesApi(guatemala);

        // create a campaign (sent again, the first one comes back), launch it, report progress
        NewCampaign posters = new NewCampaign().title("Migrant Friend: You Have Rights, second run")
                .channels(List.of("poster")).themes(List.of("migrant-rights"))
                .audiences(List.of(new TargetInput().audience("migrants").target(100_000L)))
                .startDate(LocalDate.parse("2002-03-01")).endDate(LocalDate.parse("2002-12-31"))
                .clientReference("gt-generated-client-posters");
        ApiResponse<CampaignView> created = campaigns.createCampaignWithHttpInfo(posters, null);
        assertThat(created.getStatusCode()).isEqualTo(201);
        String campaign = created.getData().getId();
        ApiResponse<CampaignView> again = campaigns.createCampaignWithHttpInfo(posters, null);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getData().getId()).isEqualTo(campaign);
        assertThat(campaigns.moveCampaign(campaign, "launch", null, null).getStatus())
                .isEqualTo(CampaignView.StatusEnum.ACTIVE);

        NewProgressUpdate bridge = new NewProgressUpdate().reportedOn(LocalDate.parse("2002-11-13"))
                .place(new PlaceInput().name("Tecún Umán").subdivision("GT-SM")).channel("poster")
                .reach(List.of(new ReachInput().audience("migrants").people(1_200L)));
        ApiResponse<ProgressUpdate> reported = updates.reportProgressWithHttpInfo(campaign, bridge, "gt-client-0613");
        assertThat(reported.getStatusCode()).isEqualTo(201);
        String update = reported.getData().getId();

        // the same update retried with its key is the first answer, and counts once
        ApiResponse<ProgressUpdate> retried = updates.reportProgressWithHttpInfo(campaign, bridge, "gt-client-0613");
        assertThat(retried.getStatusCode()).isEqualTo(reported.getStatusCode());
        assertThat(retried.getData().getId()).isEqualTo(update);

        // corrected, then retracted
        updates.correctUpdate(campaign, update, new Correction().reason("Recounted from the sheets")
                .reach(List.of(new ReachInput().audience("migrants").people(1_150L))), null);
        FiguresApi headquarters = new FiguresApi(new org.alcance.client.reporting.ApiClient().setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + stack.issuer().hq())));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> headquarters.campaignFigures(campaign, null, null).getReached(), reached -> reached == 1_150L);
        assertThat(updates.retractUpdate(campaign, update, new Retraction().reason("Reported twice by mistake"), null)
                .getStatus()).isEqualTo(ProgressUpdate.StatusEnum.RETRACTED);

        // a spreadsheet of three rows, one of them bad: the good ones are stored, the bad one named
        Result sheet = uploadCsv(guatemala, campaign, """
                clientReference,reportedOn,place,subdivision,channel,reach.migrants
                gt-sheet-1,2002-11-14,Malacatán,GT-SM,poster,40
                gt-sheet-2,2002-11-15,Ayutla,GT-SM,poster,60
                gt-sheet-3,2002-11-16,Ocós,GT-SM,poster,forty
                """);
        assertThat(sheet.getCreated()).isEqualTo(2);
        assertThat(sheet.getRejected()).isEqualTo(1);
        RowResult bad = sheet.getRows().get(2);
        assertThat(bad.getStatus()).isEqualTo(RowResult.StatusEnum.REJECTED);
        assertThat(bad.getErrors()).extracting(FieldError::getField).containsExactly("reach.migrants");

        // headquarters' figures: the retracted update no longer counts, the sheet's good rows do
        CampaignDetail figures = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> headquarters.campaignFigures(campaign, null, null), detail -> detail.getReached() == 100L);
        assertThat(figures.getUpdatesCounted()).isEqualTo(2L);
        assertThat(figures.getUpdatesRetracted()).isEqualTo(1L);

        // refusals come as the generated Problem: the fields a 422 names, the state a 409 is about
        Problem invalid = problem(guatemala, catchThrowableOfType(ApiException.class, () -> updates.reportProgress(
                campaign, bridge.reach(List.of(new ReachInput().audience("migrants").people(-5L))), null)));
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getErrors()).extracting(FieldError::getField).contains("reach[0].people");
        Problem conflict = problem(guatemala, catchThrowableOfType(ApiException.class,
                () -> campaigns.moveCampaign(campaign, "launch", null, null)));
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getDetail()).contains("ACTIVE");
    }

    /**
     * A CSV upload through the generated client's own transport (its base address, HTTP client, token and object
     * mapper), read as its {@code Result}: the Java generator sends JSON when an operation takes JSON or CSV.
     */
    private static Result uploadCsv(ApiClient client, String campaign, String csv) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + "/api/campaigns/" + campaign
                + "/updates/bulk")).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv));
        client.getRequestInterceptor().accept(request);
        HttpResponse<String> answer = client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return client.getObjectMapper().readValue(answer.body(), Result.class);
    }

    private static Problem problem(ApiClient client, ApiException refusal) throws IOException {
        assertThat(refusal.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        return client.getObjectMapper().readValue(refusal.getResponseBody(), Problem.class);
    }
}
