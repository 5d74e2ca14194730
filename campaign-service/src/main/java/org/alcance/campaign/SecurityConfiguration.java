package org.alcance.campaign;

import org.alcance.campaign.web.Problem;
import org.alcance.campaign.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * Every request needs a bearer token from the configured issuer, except the probes and the
 * Prometheus scrape. Roles come from the token's {@code roles} claim (see application.yml); which
 * office may touch which campaign is decided by the services. Refusals are problem+json too.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> problems.write(exchange.getResponse(),
                new Problem(HttpStatus.UNAUTHORIZED, "A valid bearer token is required"), exchange.getRequest().getPath().value());
        ServerAccessDeniedHandler denied = (exchange, e) -> problems.write(exchange.getResponse(),
                new Problem(HttpStatus.FORBIDDEN, "Your role does not allow this"), exchange.getRequest().getPath().value());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("admin")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }
}
