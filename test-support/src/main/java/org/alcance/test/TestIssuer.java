package org.alcance.test;

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
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A minimal OpenID issuer for tests: it serves discovery metadata and its JWK set over HTTP, so the
 * services validate test tokens exactly as they validate production ones (discovery, signature,
 * issuer, audience, expiry), and it mints tokens signed with a key generated per test JVM.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "alcance";
    private static final String KEY_ID = "alcance-test";

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey strangerKey;

    private TestIssuer(HttpServer server, RSAKey key, RSAKey strangerKey) {
        this.server = server;
        this.key = key;
        this.strangerKey = strangerKey;
    }

    static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestIssuer issuer = new TestIssuer(server, key, stranger);
            server.createContext("/.well-known/openid-configuration", exchange -> issuer.reply(exchange,
                    "{\"issuer\":\"" + issuer.uri() + "\",\"jwks_uri\":\"" + issuer.uri() + "/jwks\","
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/jwks", exchange -> issuer.reply(exchange, new JWKSet(key.toPublicJWK()).toString()));
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

    private void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public final class Token {

        private String subject = "test-user-" + UUID.randomUUID();
        private String office;
        private List<String> roles = List.of();
        private String issuer = uri();
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
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
