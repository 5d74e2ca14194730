package org.alcance.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo data set (2002 field activities) through the public APIs, as the field offices
 * would: every call carries an idempotency key or a client reference, so loading twice changes nothing.
 */
final class DemoLoader {

    static final String RESOURCE = "/demo/field-activities-2002.json";
    /** Fields of the data set that document it and are not part of an API body. */
    private static final Set<String> ANNOTATIONS = Set.of("ref", "source", "status", "datesFromText", "updates",
            "participants");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final TokenIssuer issuer;
    private final String campaignService;

    DemoLoader(TokenIssuer issuer, String campaignService) {
        this.issuer = issuer;
        this.campaignService = campaignService;
    }

    static JsonNode data() {
        try (InputStream in = DemoLoader.class.getResourceAsStream(RESOURCE)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Demo data " + RESOURCE + " is unreadable", e);
        }
    }

    /** The offices the data set speaks of, each of which gets a client of the local issuer. */
    static Set<String> offices(JsonNode data) {
        Set<String> offices = new TreeSet<>();
        for (String kind : new String[] {"campaigns", "courses"}) {
            data.path(kind).forEach(activity -> offices.add(activity.path("office").asString()));
        }
        return offices;
    }

    /** Returns how many campaigns and updates were sent. */
    String load(JsonNode data) throws IOException, InterruptedException {
        int campaigns = 0;
        int updates = 0;
        for (JsonNode campaign : data.path("campaigns")) {
            String token = issuer.office(campaign.path("office").asString());
            String ref = campaign.path("ref").asString();
            JsonNode created = post(token, "/api/campaigns", "demo-" + ref, body(campaign), 201, 200);
            String id = created.path("id").asString();
            if ("DRAFT".equals(created.path("status").asString())) {
                post(token, "/api/campaigns/" + id + "/launch", "demo-" + ref + "-launch", null, 200);
            }
            for (JsonNode update : campaign.path("updates")) {
                ObjectNode body = body(update);
                body.put("clientReference", update.path("ref").asString());
                post(token, "/api/campaigns/" + id + "/updates", null, body, 201, 200);
                updates++;
            }
            if ("COMPLETED".equals(campaign.path("status").asString())) {
                post(token, "/api/campaigns/" + id + "/complete", "demo-" + ref + "-complete", null, 200, 409);
            }
            campaigns++;
        }
        return campaigns + " campaigns with " + updates + " progress updates";
    }

    private ObjectNode body(JsonNode activity) {
        ObjectNode body = (ObjectNode) activity.deepCopy();
        ANNOTATIONS.forEach(body::remove);
        body.path("audiences").forEach(audience -> ((ObjectNode) audience).remove("source"));
        body.path("reach").forEach(reach -> ((ObjectNode) reach).remove("source"));
        return body;
    }

    private JsonNode post(String token, String path, String key, JsonNode body, int... accepted)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(campaignService + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
            }
        }
        throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
}
