package org.alcance.campaign.period;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
import org.alcance.campaign.period.PeriodViews.PeriodPage;
import org.alcance.campaign.period.PeriodViews.PeriodView;
import org.alcance.campaign.period.PeriodViews.ScheduleView;
import org.alcance.events.period.PeriodStatus;
import org.alcance.web.Caller;
import org.alcance.web.IdempotentResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Reporting periods: an admin sets the schedule; an office submits a period once it has ended; headquarters
 * approves it (which locks it) or returns it with a comment; an admin reopens an approved one, with a reason.
 */
@RestController
@Tag(name = "Reporting periods", description = "The schedule of reporting periods, and each office's period:"
        + " submitted by the office once it has ended, approved by headquarters (which locks its figures) or returned,"
        + " reopened by an admin.")
class PeriodController {

    private final PeriodService periods;
    private final IdempotentResponses idempotent;

    PeriodController(PeriodService periods, IdempotentResponses idempotent) {
        this.periods = periods;
        this.idempotent = idempotent;
    }

    @Operation(operationId = "getReportingSchedule", summary = "Read the reporting schedule",
            description = "How the year is cut into reporting periods, and how many days offices have to submit each.")
    @ApiResponse(responseCode = "200", description = "The schedule")
    @GetMapping("/api/reporting-schedule")
    Mono<ScheduleView> schedule() {
        return periods.schedule().map(ScheduleView::of);
    }

    @Operation(operationId = "setReportingSchedule", summary = "Set the reporting schedule (admin)",
            description = "frequency MONTHLY or QUARTERLY; startsOn, the first day of the first period; dueDays, the"
                    + " days after a period's end by which offices submit it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = PeriodRequests.Schedule.class), examples = @ExampleObject(
                            name = "quarterly", value = PeriodRequests.SCHEDULE_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The schedule as set")
    @ApiResponse(responseCode = "422", ref = ApiDescription.UNPROCESSABLE)
    @PutMapping("/api/reporting-schedule")
    Mono<ScheduleView> setSchedule(@AuthenticationPrincipal Jwt token, @RequestBody PeriodRequests.Schedule request) {
        return periods.setSchedule(Caller.of(token), request).map(ScheduleView::of);
    }

    @Operation(operationId = "listReportingPeriods", summary = "List reporting periods",
            description = "A field office sees its own; headquarters every office's, or one's with office.")
    @ApiResponse(responseCode = "200", description = "The periods")
    @GetMapping("/api/reporting-periods")
    Mono<PeriodPage> list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String office,
            @RequestParam(required = false) PeriodStatus status) {
        return periods.list(Caller.of(token), office, status).map(PeriodView::of).collectList().map(PeriodPage::new);
    }

    @Operation(operationId = "getReportingPeriod", summary = "Read an office's reporting period",
            description = "period names it: 2002-Q3 or 2002-09, as the schedule cuts the year.")
    @ApiResponse(responseCode = "200", description = "The period with its history")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/api/reporting-periods/{office}/{period}")
    Mono<PeriodView> get(@AuthenticationPrincipal Jwt token, @PathVariable String office, @PathVariable String period) {
        return periods.get(Caller.of(token), office, period).map(PeriodView::of);
    }

    /** {@code return} takes a body with the comment, {@code reopen} one with the reason; the others may carry a comment. */
    @Operation(operationId = "moveReportingPeriod", summary = "Submit, approve, return or reopen a period",
            description = "submit: the office, once the period has ended; approve or return (with a comment):"
                    + " headquarters; reopen (with a reason): an admin. An approved period refuses changes dated in it.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = PeriodRequests.Action.class), examples = @ExampleObject(
                            name = "return", value = "{\"comment\": \"The poster counts of June are missing\"}"))))
    @ApiResponse(responseCode = "200", description = "The period after the move",
            content = @Content(schema = @Schema(implementation = PeriodView.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping("/api/reporting-periods/{office}/{period}/{action:submit|approve|return|reopen}")
    Mono<ResponseEntity<?>> act(@AuthenticationPrincipal Jwt token, @PathVariable String office,
            @PathVariable String period, @PathVariable String action,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody(required = false) PeriodRequests.Action body) {
        Caller caller = Caller.of(token);
        PeriodStatus wanted = switch (action) {
            case "submit" -> PeriodStatus.SUBMITTED;
            case "approve" -> PeriodStatus.APPROVED;
            case "return" -> PeriodStatus.RETURNED;
            default -> PeriodStatus.REOPENED;
        };
        return idempotent.respond(caller, "POST /api/reporting-periods/" + office + "/" + period + "/" + action, key,
                body, () -> periods.move(caller, office, period, wanted, body)
                        .map(moved -> ResponseEntity.ok(PeriodView.of(moved))));
    }
}
