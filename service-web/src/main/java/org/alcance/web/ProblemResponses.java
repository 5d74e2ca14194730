package org.alcance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error as RFC 9457 {@code application/problem+json}, whether it comes from a
 * handler, from decoding the body or from routing. A client's mistake is a 4xx naming the field
 * where it can; only a fault of ours is a 5xx, logged with a reference the answer repeats.
 */
@Order(-2) // before Boot's own error handler
public class ProblemResponses implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = toProblem(error);
        return write(response, problem, exchange.getRequest().getPath().value());
    }

    /** Writes a problem to a response; the security entry points use it too. */
    public Mono<Void> write(ServerHttpResponse response, Problem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.status().getReasonPhrase());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", instance);
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(body))));
    }

    /** Answers a request without a valid bearer token: 401 as problem+json. */
    public ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, e) -> refuseUnread(exchange, new Problem(HttpStatus.UNAUTHORIZED, "A valid bearer token is required"));
    }

    /** Answers a request whose token lacks the role: 403 as problem+json. */
    public ServerAccessDeniedHandler denied() {
        return (exchange, e) -> refuseUnread(exchange, new Problem(HttpStatus.FORBIDDEN, "Your role does not allow this"));
    }

    /** Answers a request the firewall refuses, such as one with an encoded slash in its path: 400 as problem+json. */
    public ServerExchangeRejectedHandler rejected() {
        return (exchange, e) -> refuseUnread(exchange, new Problem(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    /**
     * A refusal by security, before anything read the request's body: the connection is closed after it, as
     * its next request on a kept-alive connection sometimes waited forever behind the unread body.
     */
    private Mono<Void> refuseUnread(ServerWebExchange exchange, Problem problem) {
        exchange.getResponse().getHeaders().setConnection("close");
        return write(exchange.getResponse(), problem, exchange.getRequest().getPath().value());
    }

    private static Problem toProblem(Throwable error) {
        if (error instanceof Problem problem) {
            return problem;
        }
        DataBufferLimitException tooLarge = cause(error, DataBufferLimitException.class);
        if (tooLarge != null) {
            return new Problem(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large: " + tooLarge.getMessage());
        }
        if (error instanceof ServerWebInputException input) {
            JacksonException jackson = cause(error, JacksonException.class);
            if (jackson != null) {
                return JsonErrors.problem(jackson);
            }
            return new Problem(HttpStatus.BAD_REQUEST, String.valueOf(input.getReason()));
        }
        if (error instanceof ResponseStatusException status) {
            return new Problem(resolve(status.getStatusCode()), String.valueOf(status.getReason()));
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, error);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; reference " + reference);
    }

    private static HttpStatus resolve(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
