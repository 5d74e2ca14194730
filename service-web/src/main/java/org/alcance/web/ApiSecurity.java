package org.alcance.web;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * What every service's security shares: stateless bearer-token authentication (issuer, audience
 * and roles come from each service's {@code spring.security.oauth2.resourceserver} settings),
 * refusals as problem+json, and open probes and Prometheus scrape. Each service then states which
 * of its own paths need what, ending with {@code anyExchange()}.
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    public static ServerHttpSecurity bearerTokens(ServerHttpSecurity http, ProblemResponses problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint(problems.unauthenticated()).accessDeniedHandler(problems.denied()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.unauthenticated()).accessDeniedHandler(problems.denied()));
    }
}
