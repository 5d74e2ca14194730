package org.alcance.campaign;

import static org.alcance.campaign.CampaignApi.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alcance.events.CloudEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.alcance.events.vocabulary.VocabularyEntrySet;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TopicRecords;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The organisation's catalogue through the API: an admin sets entries, campaigns and updates then name them by
 * code or label and are stored as codes, and what was written before the catalogue keeps working. Its own
 * database, since a catalogue binds every campaign written after it.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.mongodb.database=alcance-campaign-vocabulary")
class VocabularyIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldStoreCodesForWhatCampaignsAndUpdatesNameAndKeepWhatCameBefore() {
        CampaignApi api = new CampaignApi(http);
        // written before the catalogue: free text, kept as it was
        String before = api.createActive("GT");

        set("audiences", "children", "Children", "Niñas y niños", "Enfants").expectStatus().isOk();
        set("audiences", "teachers", "Teachers", "Docentes", "Enseignants").expectStatus().isOk();
        set("themes", "migrant-rights", "Migrant rights", "Derechos de las personas migrantes",
                "Droits des migrants").expectStatus().isOk();
        set("channels", "poster", "Poster", "Afiche", "Affiche").expectStatus().isOk();
        set("channels", "workshop", "Workshop", "Taller", "Atelier").expectStatus().isOk();
        set("materials", "posters", "Posters", "Afiches", "Affiches").expectStatus().isOk();

        Map<String, Object> named = new HashMap<>(CampaignApi.campaign("Amigo Migrante"));
        named.put("themes", List.of("Derechos de las personas migrantes"));
        named.put("channels", List.of("AFICHE", "workshop"));
        named.put("audiences", List.of(Map.of("audience", "Niñas y niños", "target", 250_000),
                Map.of("audience", "Enseignants", "target", 3_450)));
        String coded = api.create("GT", named);
        http.get().uri("/api/campaigns/{id}", coded).headers(h -> h.setBearerAuth(ISSUER.office("GT"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.themes[0]").isEqualTo("migrant-rights")
                .jsonPath("$.channels").isEqualTo(List.of("poster", "workshop"))
                .jsonPath("$.audiences[0].audience").isEqualTo("children")
                .jsonPath("$.audiences[1].audience").isEqualTo("teachers");

        Map<String, Object> unknown = new HashMap<>(named);
        unknown.put("audiences", List.of(Map.of("audience", "children", "target", 1),
                Map.of("audience", "Pensioners", "target", 2)));
        unknown.put("themes", List.of("migrant-rights", "health"));
        http.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(unknown).exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'themes[1]')].detail").value(detail -> assertThat(detail.toString())
                        .contains("is not in the organisation's themes: migrant-rights"))
                .jsonPath("$.errors[?(@.field == 'audiences[1].audience')].detail").value(detail ->
                        assertThat(detail.toString()).contains("children, teachers", "vocabularies"));

        http.post().uri("/api/campaigns/{id}/launch", coded).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .exchange().expectStatus().isOk();
        Map<String, Object> update = new HashMap<>(CampaignApi.update("coded-1", 100, 10));
        update.put("channel", "Afiche");
        update.put("materials", Map.of("AFFICHES", 500));
        update.put("reach", List.of(Map.of("audience", "Children", "people", 100),
                Map.of("audience", "docentes", "people", 10)));
        api.report("GT", coded, update).expectStatus().isCreated().expectBody()
                .jsonPath("$.figures.channel").isEqualTo("poster")
                .jsonPath("$.figures.materials.posters").isEqualTo(500)
                .jsonPath("$.figures.reach[0].audience").isEqualTo("children")
                .jsonPath("$.figures.reach[1].audience").isEqualTo("teachers");
        update.put("clientReference", "coded-2");
        update.put("materials", Map.of("leaflets", 5, "posters", 1, "Afiches", 2));
        api.report("GT", coded, update).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[?(@.field == 'materials.leaflets')].detail").value(detail ->
                        assertThat(detail.toString()).contains("is not in the organisation's materials: posters"))
                .jsonPath("$.errors[?(@.field == 'materials.Afiches' || @.field == 'materials.posters')].detail")
                .value(detail -> assertThat(detail.toString()).contains("names the same material as another"));

        // the campaign from before: its own words still name its audiences and channels, and a revision keeps them
        Map<String, Object> old = new HashMap<>(CampaignApi.update("before-1", 40, 4));
        old.put("materials", Map.of("posters", 40));
        api.report("GT", before, old).expectStatus().isCreated().expectBody()
                .jsonPath("$.figures.reach[0].audience").isEqualTo("children");
        http.patch().uri("/api/campaigns/{id}", before).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Migrant Friend, second edition", "reason", "Renamed"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.themes[0]").isEqualTo("migrant rights");
    }

    @Test
    void shouldLetOnlyAnAdminSetEntriesAndNameEveryBadField() {
        set("organisation-types", "NGO", "NGO", "ONG", "ONG").expectStatus().isOk().expectBody()
                .jsonPath("$.kind").isEqualTo("organisation-types").jsonPath("$.sequence").isEqualTo(1);
        // the same labels again change nothing; new labels are the entry's next event
        set("organisation-types", "NGO", "NGO", "ONG", "ONG").expectStatus().isOk().expectBody()
                .jsonPath("$.sequence").isEqualTo(1);
        set("organisation-types", "NGO", "Non-governmental organisation", "Organización no gubernamental",
                "Organisation non gouvernementale").expectStatus().isOk().expectBody()
                .jsonPath("$.sequence").isEqualTo(2);

        http.put().uri("/api/vocabularies/audiences/journalists").headers(h -> h.setBearerAuth(ISSUER.hq()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(labels("Journalists", "Periodistas", "Journalistes"))
                .exchange().expectStatus().isForbidden();
        set("organisation-types", "CHURCH", "Church", "Iglesia", "Église").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        set("audiences", "local journalists", "Local journalists", "Periodistas locales", "Journalistes locaux")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        http.put().uri("/api/vocabularies/audiences/journalists").headers(h -> h.setBearerAuth(ISSUER.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("labels", Map.of("en", "Journalists", "de", "Journalisten")))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder((Object) "labels.de", "labels.es", "labels.fr"));
        set("audience", "journalists", "Journalists", "Periodistas", "Journalistes").expectStatus().isNotFound();
        set("audiences", "press", "Press", "Prensa", "Presse").expectStatus().isOk();
        set("audiences", "journalists", "Journalists", "PRENSA", "Journalistes").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("labels.es")
                .jsonPath("$.errors[0].detail").isEqualTo("'PRENSA' already names press");

        http.get().uri("/api/vocabularies/organisation-types").headers(h -> h.setBearerAuth(ISSUER.office("AL")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].code").isEqualTo("NGO")
                .jsonPath("$.items[0].labels.fr").isEqualTo("Organisation non gouvernementale");

        List<CloudEvent> events = TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS,
                        read -> read.stream().filter(r -> "ORGANISATION_TYPE/NGO".equals(r.key())).count() >= 2,
                        Duration.ofSeconds(30))
                .stream().filter(r -> "ORGANISATION_TYPE/NGO".equals(r.key()))
                .map(r -> CloudEvent.fromHeaders(name -> {
                    Header header = r.headers().lastHeader(name);
                    return header == null ? null : header.value();
                }, r.value())).toList();
        assertThat(events).extracting(CloudEvent::type).containsOnly(VocabularyEntrySet.TYPE);
        assertThat(events).extracting(CloudEvent::sequence).containsExactly(1L, 2L);
        assertThat(((VocabularyEntrySet) new EventCodec().fromCloudEvent(events.get(1))).labels())
                .containsEntry("es", "Organización no gubernamental");
    }

    private WebTestClient.ResponseSpec set(String kind, String code, String en, String es, String fr) {
        return http.put().uri("/api/vocabularies/{kind}/{code}", kind, code).headers(h -> h.setBearerAuth(ISSUER.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(labels(en, es, fr)).exchange();
    }

    private static Map<String, Object> labels(String en, String es, String fr) {
        return Map.of("labels", Map.of("en", en, "es", es, "fr", fr));
    }
}
