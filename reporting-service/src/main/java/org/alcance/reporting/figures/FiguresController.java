package org.alcance.reporting.figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
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
@Tag(name = "Figures", description = "Whom the campaigns reached and whom the courses trained, for headquarters and"
        + " for each office; every answer says how fresh it is (asOf), and may be asked as of a past day.")
class FiguresController {

    static final String OFFICE = "An office's code (GT): its figures only. A field office always reads its own";
    static final String THEME = "A campaign theme, as stored: the figures of the campaigns with that theme";
    static final String FROM = "The first month (2002-01) or day (2002-01-15) of the figures";
    static final String TO = "The last month (2002-12) or day (2002-12-31) of the figures";
    static final String AS_OF = "A past day (2002-09-30): the figures as they stood at its end";
    static final String LANGUAGE = "The language of the catalogue's labels: en (the default), es or fr";

    private final FigureService figures;
    private final FigureChanges changes;
    private final Duration heartbeat;

    FiguresController(FigureService figures, FigureChanges changes,
            @Value("${alcance.reporting.stream-heartbeat:15s}") Duration heartbeat) {
        this.figures = figures;
        this.changes = changes;
        this.heartbeat = heartbeat;
    }

    @Operation(operationId = "overview", summary = "The figures of every office, or of one",
            description = "Reach by audience, office, month, theme, channel, sex, age group, country and subdivision;"
                    + " materials; targets against achievement; participants enrolled and trained, completion, people"
                    + " counted once; the standing of the reporting periods covered. A field office gets its own.")
    @ApiResponse(responseCode = "200", description = "The figures")
    @GetMapping("/overview")
    Mono<Overview> overview(@AuthenticationPrincipal ClaimAccessor token, @Parameter(description = FiguresController.OFFICE) @RequestParam(required = false) String office,
            @Parameter(description = FiguresController.THEME) @RequestParam(required = false) String theme, @Parameter(description = FiguresController.FROM) @RequestParam(required = false) String from,
            @Parameter(description = FiguresController.TO) @RequestParam(required = false) String to, @Parameter(description = FiguresController.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = FiguresController.LANGUAGE) @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE,
                    required = false) String language) {
        return Mono.defer(() -> figures.overview(Caller.of(token), office, theme, Period.parse(from, to),
                new Filters(office, theme, from, to, asOf), Labels.language(language)));
    }

    @Operation(operationId = "officeFigures", summary = "One office's figures, with its campaigns and courses",
            description = "The overview's figures for one office, and a line for each of its campaigns and courses.")
    @ApiResponse(responseCode = "200", description = "The office's figures")
    @GetMapping("/offices/{office}")
    Mono<OfficeFigures> office(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String office,
            @Parameter(description = FiguresController.THEME) @RequestParam(required = false) String theme, @Parameter(description = FiguresController.FROM) @RequestParam(required = false) String from,
            @Parameter(description = FiguresController.TO) @RequestParam(required = false) String to, @Parameter(description = FiguresController.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = FiguresController.LANGUAGE) @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE,
                    required = false) String language) {
        return Mono.defer(() -> figures.office(Caller.of(token), office, theme, Period.parse(from, to),
                new Filters(office, theme, from, to, asOf), Labels.language(language)));
    }

    /**
     * Each reporting period's completeness: which offices were expected to report, which submitted, were approved,
     * are late; a field office sees its own.
     */
    @Operation(operationId = "periodCompleteness", summary = "Which offices reported each period",
            description = "For each reporting period: the offices expected to report, those that submitted, were"
                    + " approved, or are late.")
    @ApiResponse(responseCode = "200", description = "Each period's completeness")
    @GetMapping("/periods")
    Mono<Views.Completeness> periods(@AuthenticationPrincipal ClaimAccessor token,
            @Parameter(description = FiguresController.OFFICE) @RequestParam(required = false) String office, @Parameter(description = FiguresController.FROM) @RequestParam(required = false) String from,
            @Parameter(description = FiguresController.TO) @RequestParam(required = false) String to, @Parameter(description = FiguresController.AS_OF) @RequestParam(required = false) String asOf) {
        return Mono.defer(() -> figures.completeness(Caller.of(token), office, Period.parse(from, to),
                Period.day(asOf)));
    }

    @Operation(operationId = "campaignFigures", summary = "One campaign's figures",
            description = "Reach by audience against target, with what was achieved by each milestone; by month,"
                    + " channel, sex, age group and place; materials.")
    @ApiResponse(responseCode = "200", description = "The campaign's figures")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/campaigns/{id}")
    Mono<CampaignDetail> campaign(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String id,
            @Parameter(description = FiguresController.AS_OF) @RequestParam(required = false) String asOf, @Parameter(description = FiguresController.LANGUAGE) @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE,
                    required = false) String language) {
        return Mono.defer(() -> figures.campaign(Caller.of(token), id, Period.day(asOf), Labels.language(language)));
    }

    @Operation(operationId = "courseFigures", summary = "One course's figures",
            description = "Participants enrolled, trained and completing, by sex, age group, organisation type and"
                    + " country; attendance; targets against those trained.")
    @ApiResponse(responseCode = "200", description = "The course's figures")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/courses/{id}")
    Mono<CourseDetail> course(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String id,
            @Parameter(description = FiguresController.AS_OF) @RequestParam(required = false) String asOf, @Parameter(description = FiguresController.LANGUAGE) @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE,
                    required = false) String language) {
        return Mono.defer(() -> figures.course(Caller.of(token), id, Period.day(asOf), Labels.language(language)));
    }

    /**
     * One {@code figures} event whenever an aggregate the caller may read changes (its id, kind, office, the
     * event type applied, the document's version and {@code asOf}); a comment every so often keeps proxies from
     * closing it.
     */
    @Operation(operationId = "figureChanges", summary = "Follow changes to the figures, live",
            description = "Server-Sent Events: one figures event per change of a campaign or course the caller may"
                    + " read, and a comment every so often to keep the connection open.")
    @ApiResponse(responseCode = "200", description = "The stream of changes")
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
