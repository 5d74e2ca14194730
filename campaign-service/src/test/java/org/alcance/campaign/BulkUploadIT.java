package org.alcance.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.alcance.events.CloudEvent;
import org.alcance.events.Topics;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.Issuer;
import org.alcance.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class BulkUploadIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String HEADER = "clientReference,reportedOn,place,adminArea,channel,notes,materials.posters,"
            + "reach.children,reach.teachers,reach.teachers.sex.FEMALE,reach.teachers.sex.MALE\n";

    private final Issuer issuer = TestInfrastructure.get().issuer();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private WebTestClient http;

    private String campaignId;
    private String ref;

    @BeforeEach
    void createAndLaunchACampaign() {
        campaignId = createCampaign("GT");
        http.post().uri("/api/campaigns/{id}/launch", campaignId).headers(h -> h.setBearerAuth(issuer.office("GT")))
                .exchange().expectStatus().isOk();
        ref = "bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void shouldStoreTheGoodRowsOfACsvAndReportTheBadOnesWithTheirColumns() {
        String csv = HEADER
                + ref + "1,2002-06-15,Tecún Umán,San Marcos,poster,,5000,1200,,,\n"
                + ref + "2,2002-06-16,Malacatán,San Marcos,workshop,Teachers' workshop,,,40,25,15\n"
                + ref + "3,2002-06-17,Ayutla,,poster,,abc,300,,,\n"
                + ref + "4,2002-06-18,Ocós,,radio,,,300,10,4,4\n"
                + ref + "5,2002-06-19,Pajapita,,poster,,,700,,,\n";

        upload(CSV, csv).expectStatus().isOk().expectBody()
                .jsonPath("$.dryRun").isEqualTo(false)
                .jsonPath("$.received").isEqualTo(5)
                .jsonPath("$.created").isEqualTo(3)
                .jsonPath("$.unchanged").isEqualTo(0)
                .jsonPath("$.rejected").isEqualTo(2)
                .jsonPath("$.rows[0].row").isEqualTo(1)
                .jsonPath("$.rows[0].clientReference").isEqualTo(ref + "1")
                .jsonPath("$.rows[0].status").isEqualTo("created")
                .jsonPath("$.rows[0].updateId").isNotEmpty()
                .jsonPath("$.rows[1].status").isEqualTo("created")
                .jsonPath("$.rows[2].status").isEqualTo("rejected")
                .jsonPath("$.rows[2].updateId").doesNotExist()
                .jsonPath("$.rows[2].errors[0].field").isEqualTo("materials.posters")
                .jsonPath("$.rows[3].status").isEqualTo("rejected")
                .jsonPath("$.rows[3].errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("channel", "reach.teachers.sex"))
                .jsonPath("$.rows[4].status").isEqualTo("created");

        assertThat(storedReferences()).containsExactlyInAnyOrder(ref + "1", ref + "2", ref + "5");
    }

    @Test
    void shouldReadSubdivisionsAndCoordinatesAndNameTheColumnOfABadOne() {
        String csv = "clientReference,reportedOn,place,subdivision,latitude,longitude,channel,reach.children\n"
                + ref + "1,2002-06-15,Tecún Umán,GT-SM,14.68,-92.14,poster,1200\n"
                + ref + "2,2002-06-16,Malacatán,GT-XX,,,poster,300\n"
                + ref + "3,2002-06-17,Ayutla,GT-SM,north,-92.1,poster,300\n";

        JsonNode answer = body(upload(CSV, csv).expectStatus().isOk());

        assertThat(answer.path("created").asInt()).isEqualTo(1);
        assertThat(answer.path("rows").get(1).path("errors").get(0).path("field").asString()).isEqualTo("subdivision");
        assertThat(answer.path("rows").get(2).path("errors").get(0).path("field").asString()).isEqualTo("latitude");
        http.get().uri("/api/campaigns/{c}/updates/{u}", campaignId, answer.path("rows").get(0).path("updateId").asString())
                .headers(h -> h.setBearerAuth(issuer.office("GT"))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.figures.place.subdivision").isEqualTo("GT-SM")
                .jsonPath("$.figures.place.latitude").isEqualTo(14.68);
    }

    @Test
    void shouldChangeNothingWhenTheSameRowsAreSentAgain() {
        String csv = HEADER
                + ref + "1,2002-06-15,Tecún Umán,,poster,,,1200,,,\n"
                + ref + "2,2002-06-16,Malacatán,,workshop,,,,40,,\n";
        JsonNode first = body(upload(CSV, csv).expectStatus().isOk());
        assertThat(first.get("created").asInt()).isEqualTo(2);

        JsonNode again = body(upload(CSV, csv).expectStatus().isOk());

        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.get("rows").get(0).get("status").asString()).isEqualTo("unchanged");
        assertThat(again.get("rows").get(0).get("updateId")).isEqualTo(first.get("rows").get(0).get("updateId"));
        assertThat(again.get("rows").get(1).get("updateId")).isEqualTo(first.get("rows").get(1).get("updateId"));
        assertThat(storedReferences()).hasSize(2);
    }

    @Test
    void shouldValidateEveryRowAndStoreNothingOnADryRun() {
        String csv = HEADER
                + ref + "1,2002-06-15,Tecún Umán,,poster,,,1200,,,\n"
                + ref + "2,2002-06-16,,,poster,,,1200,,,\n";

        JsonNode dryRun = body(http.post().uri("/api/campaigns/{id}/updates/bulk?dryRun=true", campaignId)
                .headers(h -> h.setBearerAuth(issuer.office("GT"))).contentType(CSV).bodyValue(csv)
                .exchange().expectStatus().isOk());

        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.get("valid").asInt()).isEqualTo(1);
        assertThat(dryRun.get("created").asInt()).isZero();
        assertThat(dryRun.get("rejected").asInt()).isEqualTo(1);
        assertThat(dryRun.get("rows").get(0).get("status").asString()).isEqualTo("valid");
        assertThat(dryRun.get("rows").get(1).get("errors").get(0).get("field").asString()).isEqualTo("place");
        assertThat(storedReferences()).isEmpty();

        JsonNode real = body(upload(CSV, csv).expectStatus().isOk());
        assertThat(real.get("created").asInt()).isEqualTo(1);
        assertThat(real.get("rows").get(0).get("updateId")).isEqualTo(dryRun.get("rows").get(0).get("updateId"));
    }

    @Test
    void shouldAcceptTheRowsAsJsonAndNameTheFieldsOfBadOnes() {
        Map<String, Object> good = Map.of("clientReference", ref + "1", "reportedOn", "2002-06-15",
                "place", Map.of("name", "Tecún Umán", "adminArea", "San Marcos"), "channel", "poster",
                "reach", List.of(Map.of("audience", "children", "people", 1200)));
        Map<String, Object> negative = Map.of("clientReference", ref + "2", "reportedOn", "2002-06-15",
                "place", Map.of("name", "Ocós"), "channel", "poster",
                "reach", List.of(Map.of("audience", "children", "people", -3)));
        Map<String, Object> notANumber = Map.of("clientReference", ref + "3", "reportedOn", "2002-06-15",
                "place", Map.of("name", "Ocós"), "channel", "poster",
                "reach", List.of(Map.of("audience", "children", "people", "many")));
        Map<String, Object> noReference = Map.of("reportedOn", "2002-06-15", "place", Map.of("name", "Ocós"),
                "channel", "poster", "reach", List.of(Map.of("audience", "children", "people", 5)));

        upload(MediaType.APPLICATION_JSON, Map.of("rows", List.of(good, negative, notANumber, noReference)))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.received").isEqualTo(4)
                .jsonPath("$.created").isEqualTo(1)
                .jsonPath("$.rejected").isEqualTo(3)
                .jsonPath("$.rows[0].status").isEqualTo("created")
                .jsonPath("$.rows[1].errors[0].field").isEqualTo("reach[0].people")
                .jsonPath("$.rows[2].clientReference").isEqualTo(ref + "3")
                .jsonPath("$.rows[2].errors[0].field").isEqualTo("reach[0].people")
                .jsonPath("$.rows[3].errors[0].field").isEqualTo("clientReference");

        assertThat(storedReferences()).containsExactly(ref + "1");
    }

    @Test
    void shouldReportARepeatedClientReferenceAsADuplicateOfItsFirstRow() {
        String csv = HEADER
                + ref + "1,2002-06-15,Tecún Umán,,poster,,,1200,,,\n"
                + ref + "1,2002-06-15,Tecún Umán,,poster,,,9999,,,\n";

        upload(CSV, csv).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(1)
                .jsonPath("$.duplicate").isEqualTo(1)
                .jsonPath("$.rows[1].status").isEqualTo("duplicate")
                .jsonPath("$.rows[1].errors[0].detail").isEqualTo("repeats row 1 of this upload");
    }

    @Test
    void shouldReadQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() {
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n")
                + ref + "1,2002-06-15,\"Tecún Umán, border crossing\",San Marcos,poster,"
                + "\"The \"\"Migrant Friend\"\" posters,\r\nput up at the bridge\",\"5000\",1200,,,\r\n";

        upload(CSV, csv).expectStatus().isOk().expectBody().jsonPath("$.created").isEqualTo(1);

        JsonNode update = updates().get(0);
        assertThat(update.get("figures").get("place").get("name").asString()).isEqualTo("Tecún Umán, border crossing");
        assertThat(update.get("figures").get("notes").asString())
                .isEqualTo("The \"Migrant Friend\" posters,\r\nput up at the bridge");
        assertThat(update.get("figures").get("materials").get("posters").asLong()).isEqualTo(5000);
    }

    @Test
    void shouldRefuseAWholeFileWhoseHeaderNamesUnknownColumns() {
        String csv = "clientReference,reportedOn,place,channel,reach.children,colour,reach.parents\n"
                + ref + "1,2002-06-15,Ocós,poster,1,red,2\n";

        upload(CSV, csv).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("colour", "reach.parents"))
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactly("colour", "reach.parents"));
        assertThat(storedReferences()).isEmpty();
    }

    @Test
    void shouldRefuseAnythingButCsvOrJsonWith415() {
        upload(MediaType.TEXT_PLAIN, HEADER + ref + "1,2002-06-15,Ocós,,poster,,,1,,,\n")
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(415);
        upload(MediaType.parseMediaType("text/csv;charset=windows-1252"), HEADER)
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("UTF-8"));
    }

    @Test
    void shouldRefuseMoreThan5000RowsAndStoreNone() {
        StringBuilder csv = new StringBuilder("clientReference,reportedOn,place,channel,reach.children\n");
        for (int i = 1; i <= 5_001; i++) {
            csv.append(ref).append(i).append(",2002-06-15,Ocós,poster,1\n");
        }

        upload(CSV, csv.toString()).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("5000", "5001"));
        assertThat(storedReferences()).isEmpty();
    }

    @Test
    void shouldRefuseABodyOver10Megabytes() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'x');

        upload(CSV, big).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseTheWholeUploadForACampaignThatIsNotActiveOrNotTheCallers() {
        String draft = createCampaign("GT");
        String csv = HEADER + ref + "1,2002-06-15,Ocós,,poster,,,1,,,\n";
        http.post().uri("/api/campaigns/{id}/updates/bulk", draft).headers(h -> h.setBearerAuth(issuer.office("GT")))
                .contentType(CSV).bodyValue(csv).exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/campaigns/{id}/updates/bulk", campaignId).headers(h -> h.setBearerAuth(issuer.office("HN")))
                .contentType(CSV).bodyValue(csv).exchange().expectStatus().isNotFound();
        http.post().uri("/api/campaigns/{id}/updates/bulk", campaignId).headers(h -> h.setBearerAuth(issuer.hq()))
                .contentType(CSV).bodyValue(csv).exchange().expectStatus().isForbidden();
        assertThat(storedReferences()).isEmpty();
    }

    @Test
    void shouldStoreEachRowOnceWhenTheSameFileIsUploadedTwiceAtOnce() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 200; i++) {
            csv.append(ref).append(i).append(",2002-06-15,Ocós,,poster,,,").append(i).append(",,,\n");
        }
        List<CompletableFuture<JsonNode>> uploads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            uploads.add(CompletableFuture.supplyAsync(() -> body(upload(CSV, csv.toString()).expectStatus().isOk())));
        }
        List<JsonNode> answers = uploads.stream().map(CompletableFuture::join).toList();

        assertThat(answers.stream().mapToInt(answer -> answer.get("created").asInt()).sum()).isEqualTo(200);
        assertThat(answers.stream().mapToInt(answer -> answer.get("unchanged").asInt()).sum()).isEqualTo(200);
        assertThat(answers.get(0).get("rows").get(7).get("updateId").asString())
                .isEqualTo(answers.get(1).get("rows").get(7).get("updateId").asString());
        assertThat(storedReferences()).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void shouldReturnTheFirstAnswerForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        String csv = HEADER + ref + "1,2002-06-15,Ocós,,poster,,,1,,,\n";
        JsonNode first = body(http.post().uri("/api/campaigns/{id}/updates/bulk", campaignId)
                .headers(h -> h.setBearerAuth(issuer.office("GT"))).header("Idempotency-Key", key)
                .contentType(CSV).bodyValue(csv).exchange().expectStatus().isOk());

        http.post().uri("/api/campaigns/{id}/updates/bulk", campaignId)
                .headers(h -> h.setBearerAuth(issuer.office("GT"))).header("Idempotency-Key", key)
                .contentType(CSV).bodyValue(csv).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Idempotency-Key-Replayed", "true")
                .expectBody().jsonPath("$.created").isEqualTo(1)
                .jsonPath("$.rows[0].updateId").isEqualTo(first.get("rows").get(0).get("updateId").asString());
    }

    @Test
    void shouldRefuseARepeatedIdempotencyKeyWithAnotherFileAndStoreNoneOfItsRows() {
        String key = UUID.randomUUID().toString();
        http.post().uri("/api/campaigns/{id}/updates/bulk", campaignId)
                .headers(h -> h.setBearerAuth(issuer.office("GT"))).header("Idempotency-Key", key)
                .contentType(CSV).bodyValue(HEADER + ref + "1,2002-06-15,Ocós,,poster,,,1,,,\n").exchange()
                .expectStatus().isOk();

        http.post().uri("/api/campaigns/{id}/updates/bulk", campaignId)
                .headers(h -> h.setBearerAuth(issuer.office("GT"))).header("Idempotency-Key", key)
                .contentType(CSV).bodyValue(HEADER + ref + "2,2002-06-16,Ocós,,poster,,,5,,,\n").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(storedReferences()).containsExactly(ref + "1");
    }

    @Test
    void shouldPublishEachRowOnceAsAnUpdateOfItsOwn() {
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> references = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            references.add(ref + i);
            csv.append(ref).append(i).append(",2002-06-15,Ocós,,poster,,,").append(i).append(",,,\n");
        }
        upload(CSV, csv.toString()).expectStatus().isOk().expectBody().jsonPath("$.created").isEqualTo(12);

        Predicate<ConsumerRecord<String, byte[]>> reported = r -> campaignId.equals(r.key())
                && ProgressReported.TYPE.equals(header(r, CloudEvent.HEADER_TYPE));
        List<ConsumerRecord<String, byte[]>> events = TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS,
                records -> records.stream().filter(reported).count() >= 12, Duration.ofSeconds(60)).stream()
                .filter(reported).toList();

        assertThat(events.stream().map(r -> json.readTree(r.value()).get("clientReference").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(references);
        assertThat(events.stream().map(r -> header(r, CloudEvent.HEADER_SUBJECT)).toList())
                .containsExactlyInAnyOrderElementsOf(events.stream().map(r -> json.readTree(r.value()).get("updateId")
                        .asString()).toList()).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(r -> assertThat(header(r, CloudEvent.HEADER_SEQUENCE)).isEqualTo("1"));
    }

    private String createCampaign(String office) {
        Map<String, Object> campaign = Map.of(
                "title", "Bulk upload " + UUID.randomUUID(),
                "channels", List.of("poster", "workshop"),
                "audiences", List.of(Map.of("audience", "children", "target", 250_000),
                        Map.of("audience", "teachers", "target", 3_450)),
                "startDate", "2002-01-01",
                "endDate", "2026-12-31");
        return body(http.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(issuer.office(office)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(campaign)
                .exchange().expectStatus().isCreated()).get("id").asString();
    }

    private WebTestClient.ResponseSpec upload(MediaType type, Object body) {
        return http.post().uri("/api/campaigns/{id}/updates/bulk", campaignId)
                .headers(h -> h.setBearerAuth(issuer.office("GT")))
                .contentType(type).bodyValue(body).exchange();
    }

    private List<JsonNode> updates() {
        JsonNode page = body(http.get().uri("/api/campaigns/{id}/updates?limit=200", campaignId)
                .headers(h -> h.setBearerAuth(issuer.office("GT"))).exchange().expectStatus().isOk());
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private List<String> storedReferences() {
        return updates().stream().map(update -> update.get("clientReference").asString()).toList();
    }

    private JsonNode body(WebTestClient.ResponseSpec response) {
        byte[] bytes = response.expectBody().returnResult().getResponseBody();
        return json.readTree(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
