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
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local OpenID Connect provider ({@code local-issuer}, Spring Authorization Server) in a process of its
 * own, and a client of it: tokens for the demo accounts come from its token endpoint with each client's
 * secret, as a field office's script gets them. Its secrets and signing key live in its data directory.
 *
 * <p>Tests also need tokens no account gets (expired, from another issuer, for another audience, with a
 * forged signature); {@link #token()} signs those with the issuer's own key, read from that directory, so
 * that each differs from a good token in one respect only.
 */
public final class Issuer implements AutoCloseable {

    public static final String AUDIENCE = "alcance";
    /** Files the issuer writes in its data directory (see local-issuer's Secrets). */
    public static final String SECRETS = "issuer-secrets.properties";
    private static final String KEY = "issuer-key.json";
    /** The client reporting-service signs people in to the dashboard as. */
    public static final String DASHBOARD = "dashboard";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceProcess process;
    private final String uri;
    private final Path data;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private RSAKey key;
    private RSAKey strangerKey;

    /** The issuer's own process, for the launcher to watch. */
    ServiceProcess process() {
        return process;
    }

    private Issuer(ServiceProcess process, String uri, Path data) {
        this.process = process;
        this.uri = uri;
        this.data = data;
    }

    private record Grant(String token, Instant renewAt) {
    }

    /**
     * Starts the issuer from its jar under {@code root} on {@code port}, with a user and a client for each
     * of {@code offices} (and hq and admin), keeping its secrets in {@code data}. The services find it
     * when the first token reaches them, so they may start alongside; {@link #awaitReady()} before tokens.
     */
    public static Issuer start(Path root, Path data, int port, Iterable<String> offices, Path logs) {
        return new Issuer(ServiceProcess.start(root, "local-issuer", port, Map.of(
                "ALCANCE_ISSUER_DATA", data.toString(),
                "ALCANCE_ISSUER_OFFICES", String.join(",", offices)), logs, ServiceProcess.DEFAULT_JVM_OPTIONS),
                "http://localhost:" + port, data);
    }

    public Issuer awaitReady() throws InterruptedException {
        if (!process.awaitReady(READY_TIMEOUT)) {
            throw new IllegalStateException("The local issuer did not become ready; see " + process.log());
        }
        return this;
    }

    public String uri() {
        return uri;
    }

    /** The secret of a client ({@code gt}, {@code hq}, ...), or a user's password ({@code user.gt}). */
    public String secret(String name) {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve(SECRETS))) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String secret = secrets.getProperty(name);
        if (secret == null) {
            throw new IllegalArgumentException("The local issuer has no " + name + "; it knows " + secrets.stringPropertyNames());
        }
        return secret;
    }

    /** A field office's token, from its client ({@code gt} for GT); a token is reused until near its expiry. */
    public String office(String office) {
        return clientToken(office.toLowerCase(Locale.ROOT));
    }

    public String hq() {
        return clientToken("hq");
    }

    public String admin() {
        return clientToken("admin");
    }

    private String clientToken(String client) {
        return grants.compute(client, (id, held) -> held != null && Instant.now().isBefore(held.renewAt()) ? held
                : grant(id)).token();
    }

    /** The client-credentials grant (RFC 6749 §4.4), the client authenticated by HTTP Basic. */
    private Grant grant(String client) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret(client)).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The local issuer refused a token to " + client + ": "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode answer = JSON.readTree(response.body());
            Instant expiry = Instant.now().plusSeconds(answer.path("expires_in").asLong());
            return new Grant(answer.path("access_token").asString(), expiry.minus(RENEW_BEFORE_EXPIRY));
        } catch (IOException e) {
            throw new UncheckedIOException("The local issuer at " + uri + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token signed with the issuer's key, valid unless adjusted: each adjustment makes one to refuse or scope. */
    public Token token() {
        return new Token();
    }

    private synchronized RSAKey key(boolean stranger) {
        try {
            if (key == null) {
                key = (RSAKey) JWKSet.parse(Files.readString(data.resolve(KEY))).getKeys().get(0);
                strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Unreadable signing key in " + data.resolve(KEY), e);
        }
        return stranger ? strangerKey : key;
    }

    @Override
    public void close() {
        process.stop();
    }

    public final class Token {

        private String subject = "user-" + UUID.randomUUID();
        private String office;
        private List<String> roles = List.of();
        private String issuer = uri;
        private String audience = AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private boolean forged;

        private Token() {
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
            this.forged = true;
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
            RSAKey signingKey = key(forged);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
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
