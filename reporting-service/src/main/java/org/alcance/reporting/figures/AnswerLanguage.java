package org.alcance.reporting.figures;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Says in which language the figures' and exports' labels are ({@code Content-Language}), and that the answer
 * depends on {@code Accept-Language} ({@code Vary}), so that no cache between hands one language's to another.
 */
@Component
class AnswerLanguage implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/api/figures/") || path.startsWith("/api/exports/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
            headers.set(HttpHeaders.CONTENT_LANGUAGE, Labels.language(
                    exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE)));
        }
        return chain.filter(exchange);
    }
}
