package org.alcance.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The local issuer run from its jar, as run-local and the tests run it (build local-issuer first). */
class IssuerTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void shouldIssueSignedTokensWithTheAccountsOfficeAndRolesAndKeepSecretsAndKeyAcrossARestart() throws Exception {
        String token;
        String secret;
        try (Issuer issuer = Issuer.start(ROOT, data, Ports.free(), List.of("GT", "AL"), data).awaitReady()) {
            token = issuer.office("GT");
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.verify(new RSASSAVerifier(publishedKey(issuer)))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.uri());
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("gt");
            assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("alcance");
            assertThat(jwt.getJWTClaimsSet().getStringClaim("office")).isEqualTo("GT");
            assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("office");
            SignedJWT hq = SignedJWT.parse(issuer.hq());
            assertThat(hq.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("hq");
            assertThat(hq.getJWTClaimsSet().getClaim("office")).isNull();
            secret = issuer.secret("gt");
            assertThat(secret).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(issuer.secret("al"));
            assertThat(issuer.secret("user.gt")).isNotEqualTo(secret);

            assertThat(token(issuer, "gt", "guess").statusCode()).isEqualTo(401);
            assertThat(token(issuer, "xx", secret).statusCode()).isEqualTo(401);
            assertThat(SignedJWT.parse(issuer.token().office("GT").sign()).verify(new RSASSAVerifier(publishedKey(issuer))))
                    .as("tokens the tests sign themselves carry the issuer's own signature").isTrue();
            assertThat(SignedJWT.parse(issuer.token().forgedSignature().sign()).verify(new RSASSAVerifier(publishedKey(issuer))))
                    .isFalse();
        }
        for (String file : List.of(Issuer.SECRETS, "issuer-key.json")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file)))).isEqualTo("rw-------");
        }

        try (Issuer again = Issuer.start(ROOT, data, Ports.free(), List.of("GT", "AL"), data).awaitReady()) {
            assertThat(again.secret("gt")).isEqualTo(secret);
            assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(publishedKey(again))))
                    .as("a token from before the restart still verifies").isTrue();
        }
    }

    private RSAKey publishedKey(Issuer issuer) throws Exception {
        String discovery = get(issuer.uri() + "/.well-known/openid-configuration");
        String jwks = JsonMapper.builder().build().readTree(discovery).path("jwks_uri").asString();
        return (RSAKey) JWKSet.parse(get(jwks)).getKeys().get(0);
    }

    private HttpResponse<String> token(Issuer issuer, String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(issuer.uri() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
