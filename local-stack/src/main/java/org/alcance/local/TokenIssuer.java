package org.alcance.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.net.URLDecoder;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * A small OAuth2 / OpenID issuer for running Alcance locally and for its tests: it serves discovery
 * metadata, its JWK set and a client-credentials token endpoint over HTTP, so the services validate
 * its tokens exactly as they validate a production identity provider's (discovery, signature,
 * issuer, audience, expiry). Tokens carry the {@code office} and {@code roles} claims the services
 * read. Its key is generated at start: tokens do not outlive it. Not for production.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String AUDIENCE = "alcance";
    private static final String KEY_ID = "alcance-local";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey strangerKey;
    private final Map<String, Client> clients;

    private TokenIssuer(HttpServer server, RSAKey key, RSAKey strangerKey, Map<String, Client> clients) {
        this.server = server;
        this.key = key;
        this.strangerKey = strangerKey;
        this.clients = Map.copyOf(clients);
    }

    /** A client allowed to get tokens with its secret; {@code office} may be null (headquarters, admins). */
    public record Client(String secret, String office, List<String> roles) {
    }

    /** Starts on {@code port} of the loopback interface (0 picks a free one). */
    public static TokenIssuer start(int port, Map<String, Client> clients) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            TokenIssuer issuer = new TokenIssuer(server, key, stranger, clients);
            server.createContext("/.well-known/openid-configuration", exchange -> issuer.reply(exchange, 200,
                    "{\"issuer\":\"" + issuer.uri() + "\",\"jwks_uri\":\"" + issuer.uri() + "/jwks\","
                            + "\"token_endpoint\":\"" + issuer.uri() + "/oauth2/token\","
                            + "\"grant_types_supported\":[\"client_credentials\"],"
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/jwks", exchange -> issuer.reply(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/oauth2/token", issuer::token);
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A token for a field office user, whose writes and reads are scoped to {@code office}. */
    public String office(String office) {
        return token().office(office).roles("office").sign();
    }

    public String hq() {
        return token().roles("hq").sign();
    }

    public String admin() {
        return token().roles("admin").sign();
    }

    /** A valid token to adjust: every deviation makes it one the services must refuse or scope. */
    public Token token() {
        return new Token();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The client-credentials grant (RFC 6749 §4.4), client authenticated by HTTP Basic or form fields. */
    private void token(HttpExchange exchange) throws IOException {
        // the dashboard, served on another local port, reads the answer in the browser (a form post needs no preflight)
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && origin.matches("http://(localhost|127\\.0\\.0\\.1)(:\\d+)?")) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            form.put("client_id", URLDecoder.decode(pair[0], StandardCharsets.UTF_8));
            form.put("client_secret", pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
        }
        Client client = clients.get(form.getOrDefault("client_id", ""));
        if (client == null || !client.secret().equals(form.get("client_secret"))) {
            reply(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else if (!"client_credentials".equals(form.get("grant_type"))) {
            reply(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        } else {
            String token = token().subject(form.get("client_id")).office(client.office())
                    .roles(client.roles().toArray(String[]::new)).expiresAt(Instant.now().plus(TOKEN_LIFETIME)).sign();
            reply(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + TOKEN_LIFETIME.toSeconds() + "}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public final class Token {

        private String subject = "user-" + UUID.randomUUID();
        private String office;
        private List<String> roles = List.of();
        private String issuer = uri();
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(TOKEN_LIFETIME);
        private RSAKey signingKey = key;

        private Token() {
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Token office(String office) {
            this.office = office;
            return this;
        }

        public Token roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Token audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Token expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signs with a key the issuer does not publish, under the same key id. */
        public Token forgedSignature() {
            this.signingKey = strangerKey;
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(new Date())
                    .expirationTime(Date.from(expiresAt))
                    .claim("roles", roles);
            if (office != null) {
                claims.claim("office", office);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                    .type(JOSEObjectType.JWT).build(), claims.build());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
