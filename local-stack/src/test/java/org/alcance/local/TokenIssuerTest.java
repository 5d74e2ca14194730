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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    private final TokenIssuer issuer = TokenIssuer.start(0,
            Map.of("gt", new TokenIssuer.Client("gt-secret", "GT", List.of("office"))));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void shouldIssueASignedTokenWithTheClientsOfficeAndRoles() throws Exception {
        HttpResponse<String> response = token("gt", "gt-secret", "client_credentials");
        assertThat(response.statusCode()).isEqualTo(200);

        String accessToken = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        SignedJWT jwt = SignedJWT.parse(accessToken);
        RSAKey key = (RSAKey) JWKSet.parse(get("/jwks")).getKeys().get(0);
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.uri());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("alcance");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("office")).isEqualTo("GT");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("office");
        assertThat(get("/.well-known/openid-configuration")).contains("\"token_endpoint\":\"" + issuer.uri() + "/oauth2/token\"");
    }

    @Test
    void shouldRefuseAWrongSecretAndAnotherGrant() throws Exception {
        assertThat(token("gt", "guess", "client_credentials").statusCode()).isEqualTo(401);
        assertThat(token("xx", "xx-secret", "client_credentials").statusCode()).isEqualTo(401);
        assertThat(token("gt", "gt-secret", "password").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> token(String client, String secret, String grant) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(issuer.uri() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + grant)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.uri() + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
