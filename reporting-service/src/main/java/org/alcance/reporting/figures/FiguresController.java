package org.alcance.reporting.figures;

import java.time.Duration;
import org.alcance.reporting.figures.Views.CampaignDetail;
import org.alcance.reporting.figures.Views.CourseDetail;
import org.alcance.reporting.figures.Views.Filters;
import org.alcance.reporting.figures.Views.OfficeFigures;
import org.alcance.reporting.figures.Views.Overview;
import org.alcance.reporting.ingest.FigureChanges;
import org.alcance.web.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Headquarters' figures. A field office reads its own office's only (another office's campaign or course is
 * 404); {@code hq} and {@code admin} read every office's. Every answer says how fresh it is ({@code asOf}: the
 * newest event it includes). An {@code asOf} parameter (a day) asks for the figures as they stood at its end.
 * The catalogue's labels come in the language of {@code Accept-Language} (English, Spanish or French).
 */
@RestController
@RequestMapping("/api/figures")
class FiguresController {

    private final FigureService figures;
    private final FigureChanges changes;
    private final Duration heartbeat;

    FiguresController(FigureService figures, FigureChanges changes,
            @Value("${alcance.reporting.stream-heartbeat:15s}") Duration heartbeat) {
        this.figures = figures;
        this.changes = changes;
        this.heartbeat = heartbeat;
    }

    @GetMapping("/overview")
    Mono<Overview> overview(@AuthenticationPrincipal ClaimAccessor token, @RequestParam(required = false) String office,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String asOf,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return Mono.defer(() -> figures.overview(Caller.of(token), office, theme, Period.parse(from, to),
                new Filters(office, theme, from, to, asOf), Labels.language(language)));
    }

    @GetMapping("/offices/{office}")
    Mono<OfficeFigures> office(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String office,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String asOf,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return Mono.defer(() -> figures.office(Caller.of(token), office, theme, Period.parse(from, to),
                new Filters(office, theme, from, to, asOf), Labels.language(language)));
    }

    /**
     * Each reporting period's completeness: which offices were expected to report, which submitted, were approved,
     * are late; a field office sees its own.
     */
    @GetMapping("/periods")
    Mono<Views.Completeness> periods(@AuthenticationPrincipal ClaimAccessor token,
            @RequestParam(required = false) String office, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        return Mono.defer(() -> figures.completeness(Caller.of(token), office, Period.parse(from, to),
                Period.day(asOf)));
    }

    @GetMapping("/campaigns/{id}")
    Mono<CampaignDetail> campaign(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String id,
            @RequestParam(required = false) String asOf, @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return Mono.defer(() -> figures.campaign(Caller.of(token), id, Period.day(asOf), Labels.language(language)));
    }

    @GetMapping("/courses/{id}")
    Mono<CourseDetail> course(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String id,
            @RequestParam(required = false) String asOf, @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return Mono.defer(() -> figures.course(Caller.of(token), id, Period.day(asOf), Labels.language(language)));
    }

    /**
     * One {@code figures} event whenever an aggregate the caller may read changes (its id, kind, office, the
     * event type applied, the document's version and {@code asOf}); a comment every so often keeps proxies from
     * closing it.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<FigureChanges.Change>> stream(@AuthenticationPrincipal ClaimAccessor token) {
        Caller caller = Caller.of(token);
        Flux<ServerSentEvent<FigureChanges.Change>> updates = changes.changes()
                .filter(change -> caller.canRead(change.office()))
                .map(change -> ServerSentEvent.builder(change).event("figures")
                        .id(change.aggregate() + ":" + change.id() + ":" + change.version()).build());
        // the first comment at once: a client sees the stream open before any figure changes
        Flux<ServerSentEvent<FigureChanges.Change>> beats = Flux.interval(Duration.ZERO, heartbeat)
                .map(n -> ServerSentEvent.<FigureChanges.Change>builder().comment("keep-alive").build());
        return Flux.merge(updates, beats);
    }
}
