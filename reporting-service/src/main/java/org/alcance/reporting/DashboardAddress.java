package org.alcance.reporting;

import java.net.URI;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends a browser that opened the dashboard's page under another name to the address its sign-in is
 * registered for. The identity provider returns people only to a registered address, and the session that
 * remembers the sign-in is kept per host, so a page opened as {@code localhost} could not complete a sign-in
 * registered for {@code 127.0.0.1} (the local issuer, like OAuth 2.1, accepts no {@code localhost} redirect).
 */
final class DashboardAddress implements WebFilter {

    private final URI address;

    DashboardAddress(URI address) {
        this.address = address;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        boolean page = HttpMethod.GET.equals(request.getMethod()) && SecurityConfiguration.PAGE.contains(path);
        if (!page || address.getAuthority().equalsIgnoreCase(request.getHeaders().getFirst("Host"))) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.FOUND);
        exchange.getResponse().getHeaders().setLocation(address.resolve(request.getURI().getRawPath()
                + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery())));
        return exchange.getResponse().setComplete();
    }
}
