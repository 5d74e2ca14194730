package org.alcance.campaign.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ISO 3166-2 subdivision codes an update's place may carry: the list the project ships
 * ({@code places/iso_3166-2.json}, from the iso-codes project; see its NOTICE), read once.
 */
final class Subdivisions {

    private static final Set<String> CODES = load();

    private Subdivisions() {
    }

    static boolean isKnown(String code) {
        return CODES.contains(code);
    }

    private static Set<String> load() {
        try (InputStream in = Subdivisions.class.getResourceAsStream("/places/iso_3166-2.json")) {
            Set<String> codes = new HashSet<>();
            for (JsonNode entry : JsonMapper.builder().build().readTree(in).get("3166-2")) {
                codes.add(entry.get("code").asString());
            }
            return Set.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
