package org.alcance.reporting;

import org.alcance.web.ApiSecurity;
import org.alcance.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Bearer tokens everywhere (see {@link ApiSecurity}); rebuilding the figures is for admins only. The
 * dashboard's page, scripts and styles hold no figures and are open, so that a browser can load them and then
 * sign in; everything it shows comes from the API with the signed-in token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
        return ApiSecurity.bearerTokens(http, problems)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/dashboard/**", "/webjars/**").permitAll()
                        .pathMatchers("/api/admin/**").hasRole("admin")
                        .pathMatchers("/actuator/**").hasRole("admin")
                        .anyExchange().authenticated())
                .build();
    }
}
