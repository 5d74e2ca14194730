package org.alcance.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The protocol endpoints (OAuth 2.1 and OpenID Connect 1.0, RP-initiated logout included) and the login
 * page, as Spring Authorization Server's defaults serve them, with this stack's accounts and the claims the
 * services read.
 */
@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

    /** The id under which reporting-service signs people in to the dashboard. */
    static final String DASHBOARD = "dashboard";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a browser asking to authorize without a session is sent to sign in first
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginPage(HttpSecurity http) {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    Accounts accounts(IssuerProperties properties) {
        return new Accounts(properties.offices());
    }

    @Bean
    Secrets secrets(IssuerProperties properties) {
        return Secrets.in(properties.data());
    }

    /*
     * Secrets are compared as stored ({noop}): they are random, made here, and kept in plain text in the data
     * directory anyway, so hashing them in memory would only slow the start.
     */
    @Bean
    RegisteredClientRepository clients(Accounts accounts, Secrets secrets, IssuerProperties properties) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (Accounts.Account account : accounts.all()) {
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(account.id())
                    .clientSecret("{noop}" + secrets.clientSecret(account.id()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                    .build());
        }
        clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(DASHBOARD)
                .clientSecret("{noop}" + secrets.clientSecret(DASHBOARD))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> properties.dashboard().redirectUris().stream().map(URI::toString).forEach(uris::add))
                .postLogoutRedirectUris(uris -> properties.dashboard().signedOutUris().stream().map(URI::toString)
                        .forEach(uris::add))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build());
        secrets.save();
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService users(Accounts accounts, Secrets secrets) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        accounts.all().forEach(account -> users.createUser(User.withUsername(account.id())
                .password("{noop}" + secrets.password(account.id())).roles(account.role()).build()));
        secrets.save();
        return users;
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IssuerProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(Secrets.signingKey(properties.data())));
    }

    /**
     * The claims the services read: {@code office} and {@code roles} of the account, whether a script got the
     * token with its client's secret or a person signed in (then the ID token carries them too, for the
     * dashboard); access tokens are for the Alcance API.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> alcanceClaims(Accounts accounts, IssuerProperties properties) {
        return context -> {
            boolean script = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
            Accounts.Account account = accounts.find(script ? context.getRegisteredClient().getClientId()
                    : context.getPrincipal().getName());
            if (account == null) {
                return;
            }
            context.getClaims().claim("roles", List.of(account.role()));
            if (account.office() != null) {
                context.getClaims().claim("office", account.office());
            }
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(properties.audience()));
            }
        };
    }
}
