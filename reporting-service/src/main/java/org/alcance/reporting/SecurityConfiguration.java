package org.alcance.reporting;

import java.net.URI;
import org.alcance.web.ApiSecurity;
import org.alcance.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * Bearer tokens everywhere (see {@link ApiSecurity}); rebuilding the figures is for admins only. The
 * dashboard's page, scripts and styles hold no figures and are open, so that a browser can load them and then
 * sign in; everything it shows comes from the API with the signed-in token.
 *
 * <p>Every answer forbids framing and referrers, and the content security policy lets the page run only the
 * scripts this service serves (no inline script, no eval) and connect only to this service and the token
 * issuer. Inline styles stay allowed: the charts style the elements they draw.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") URI issuer) {
        String issuerOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
        return ApiSecurity.bearerTokens(http, problems)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self';"
                                + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' "
                                + issuerOrigin + "; object-src 'none'; base-uri 'none'; form-action 'self';"
                                + " frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/webjars/**").permitAll()
                        .pathMatchers("/api/admin/**").hasRole("admin")
                        .pathMatchers("/actuator/**").hasRole("admin")
                        .anyExchange().authenticated())
                .build();
    }
}
