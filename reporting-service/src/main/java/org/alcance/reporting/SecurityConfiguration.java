package org.alcance.reporting;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.alcance.web.ApiSecurity;
import org.alcance.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Two ways in. Scripts send bearer tokens (see {@link ApiSecurity}). People sign in to the dashboard with
 * OpenID Connect: this service is a confidential client ({@link DashboardClient}, authorization code with
 * PKCE) and keeps the signed-in user in a session cookie, so no token or secret reaches the browser. The
 * ID token's {@code roles} and {@code office} claims then authorize exactly as a bearer token's do.
 * Rebuilding the figures is for admins only. The dashboard's page, scripts and styles hold no figures and are
 * open, so that a browser can load them before signing in; so is the API's description.
 *
 * <p>A session cookie is sent by the browser on its own, so writes with it need the CSRF token (cookie
 * {@code XSRF-TOKEN}, sent back as a header or form field); bearer requests, and requests with no session to
 * ride on, need none.
 * Signing out ends the session here and at the provider (RP-initiated logout), then comes back to the page.
 *
 * <p>Every answer forbids framing and referrers, and the content security policy lets the page run only the
 * scripts this service serves (no inline script, no eval), connect only to this service, and send forms only
 * here and to the provider (signing out passes through it). Inline styles stay allowed: the charts style the
 * elements they draw.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The dashboard's page, under both of its paths. */
    static final Set<String> PAGE = Set.of("/", "/index.html");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    DashboardClient dashboardClient(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${alcance.dashboard.client-id}") String clientId,
            @Value("${alcance.dashboard.client-secret}") String clientSecret) {
        return new DashboardClient(issuer, clientId, clientSecret);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems,
            DashboardClient dashboardClient, @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") URI issuer,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        String issuerOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
        OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(dashboardClient);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        return ApiSecurity.bearerTokens(http, problems)
                .oauth2Login(login -> login
                        .clientRegistrationRepository(dashboardClient)
                        .loginPage("/")
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/?signIn=failed")))
                .logout(logout -> logout
                        .logoutHandler(new DelegatingServerLogoutHandler(
                                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signedOut))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(writesWithTheSessionCookie(sessionCookie))
                        .accessDeniedHandler(problems.denied()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self';"
                                + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
                                + " object-src 'none'; base-uri 'none'; form-action 'self' " + issuerOrigin + ";"
                                + " frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/webjars/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .pathMatchers("/api/admin/**").hasRole("admin")
                        .pathMatchers("/actuator/**").hasRole("admin")
                        .anyExchange().authenticated())
                .build();
    }

    /** A write that the session cookie could authenticate: one with no cookie is answered as unauthenticated. */
    private static ServerWebExchangeMatcher writesWithTheSessionCookie(String sessionCookie) {
        return exchange -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            boolean session = exchange.getRequest().getCookies().containsKey(sessionCookie);
            return SAFE.contains(exchange.getRequest().getMethod()) || bearer || !session
                    ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
        };
    }

    /** Only where the dashboard's address is set ({@code ALCANCE_DASHBOARD_ADDRESS}): the local stack sets it. */
    @Bean
    @ConditionalOnProperty("alcance.dashboard.address")
    DashboardAddress dashboardAddress(@Value("${alcance.dashboard.address}") URI address) {
        return new DashboardAddress(address);
    }

    /**
     * The CSRF token is made lazily; asking for it as the page loads puts its cookie in the browser before the
     * page's first write (signing out). Scripts' requests get no cookie they would not keep.
     */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> PAGE.contains(exchange.getRequest().getPath().value())
                ? exchange.<Mono<CsrfToken>>getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty())
                        .then(chain.filter(exchange))
                : chain.filter(exchange);
    }

    /** A signed-in person's roles, from the ID token's {@code roles} claim, as a bearer token's are. */
    @Bean
    GrantedAuthoritiesMapper rolesFromTheIdToken() {
        return authorities -> authorities.stream()
                .filter(OidcUserAuthority.class::isInstance)
                .map(authority -> ((OidcUserAuthority) authority).getIdToken().getClaimAsStringList("roles"))
                .filter(roles -> roles != null)
                .flatMap(List::stream)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .collect(Collectors.toSet());
    }
}
