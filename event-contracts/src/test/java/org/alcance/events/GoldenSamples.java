package org.alcance.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Access to the golden payloads, src/test/resources/golden/&lt;type&gt;.json. Public so that service tests can use
 * it through this module's test-jar.
 */
public final class GoldenSamples {

    private GoldenSamples() {
    }

    public static String resource(String type) {
        return "/golden/" + type + ".json";
    }

    public static boolean exists(String type) {
        return GoldenSamples.class.getResource(resource(type)) != null;
    }

    public static byte[] bytes(String type) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream(resource(type))) {
            if (in == null) {
                throw new IllegalStateException("No golden sample " + resource(type));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
