package org.alcance.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' public HTTP interface as a client sees it: raw bytes in, status, type and body out. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /**
     * A request; {@code token} and {@code contentType} may be null; {@code headers} are name, value pairs. A
     * spreadsheet's body (XLSX, a zip of XML parts) is answered as the text of its parts, to be searched as any.
     */
    Response send(String method, String url, String token, String contentType, byte[] body, String... headers) {
        HttpResponse<byte[]> response = exchange(request(method, url, token, contentType, body, headers),
                HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse(null);
        return new Response(response.statusCode(), type, text(response.body(), type));
    }

    private static String text(byte[] body, String type) {
        if (type == null || !type.startsWith(XLSX)) {
            return new String(body, StandardCharsets.UTF_8);
        }
        // read by its central directory: a streamed zip's local headers may not give the sizes
        StringBuilder text = new StringBuilder();
        try {
            Path file = Files.createTempFile("answer", ".xlsx");
            try {
                Files.write(file, body);
                try (ZipFile parts = new ZipFile(file.toFile())) {
                    for (ZipEntry part : java.util.Collections.list(parts.entries())) {
                        if (part.getName().endsWith(".xml")) {
                            text.append(new String(parts.getInputStream(part).readAllBytes(), StandardCharsets.UTF_8))
                                    .append('\n');
                        }
                    }
                }
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a spreadsheet", e);
        }
        return text.toString();
    }

    /**
     * Opens an event stream, runs {@code meanwhile}, and answers what the stream sent until {@code window} after
     * that; then closes it.
     */
    Response listen(String url, String token, Duration window, Runnable meanwhile) {
        HttpResponse<InputStream> response = exchange(request("GET", url, token, null, null),
                HttpResponse.BodyHandlers.ofInputStream());
        StringBuffer received = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    received.append(line).append('\n');
                }
            } catch (IOException closed) {
                // the window ended
            }
        }, "listen " + url);
        reader.start();
        try {
            meanwhile.run();
            Thread.sleep(window.toMillis());
            response.body().close();
            reader.join(Duration.ofSeconds(5).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                received.toString());
    }

    /** A GET whose answer may be an endless event stream: its body is then left unread and the stream closed. */
    Response open(String url, String token) {
        HttpResponse<InputStream> response = exchange(request("GET", url, token, null, null),
                HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse(null);
        try (InputStream body = response.body()) {
            return new Response(response.statusCode(), type, type != null && type.startsWith("text/event-stream") ? ""
                    : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        }
    }

    private static HttpRequest request(String method, String url, String token, String contentType, byte[] body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> answer) {
        try {
            return client.send(request, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    /** POSTs {@code body} (null: none) as JSON and insists on {@code expected}; returns the answer's JSON. */
    JsonNode post(String url, String token, Object body, int expected) {
        Response response = send("POST", url, token, body == null ? null : "application/json",
                body == null ? null : JSON.writeValueAsBytes(body));
        if (response.status() != expected) {
            throw new AssertionError("POST " + url + " answered " + response.status() + " not " + expected + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : response.json();
    }

    /** {@code template} with each {@code {name}} replaced by {@code values.get(name)}, as it is: already encoded. */
    static String expand(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template).replaceAll(found -> Matcher.quoteReplacement(values.get(found.group(1))));
    }

    /** {@code text} on one line, cut to 200 characters, for a failure message. */
    static String excerpt(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "… (" + text.length() + " chars)";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
