package org.alcance.campaign.period;

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
class PeriodController {

    private final PeriodService periods;
    private final IdempotentResponses idempotent;

    PeriodController(PeriodService periods, IdempotentResponses idempotent) {
        this.periods = periods;
        this.idempotent = idempotent;
    }

    @GetMapping("/api/reporting-schedule")
    Mono<ScheduleView> schedule() {
        return periods.schedule().map(ScheduleView::of);
    }

    @PutMapping("/api/reporting-schedule")
    Mono<ScheduleView> setSchedule(@AuthenticationPrincipal Jwt token, @RequestBody PeriodRequests.Schedule request) {
        return periods.setSchedule(Caller.of(token), request).map(ScheduleView::of);
    }

    @GetMapping("/api/reporting-periods")
    Mono<PeriodPage> list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String office,
            @RequestParam(required = false) PeriodStatus status) {
        return periods.list(Caller.of(token), office, status).map(PeriodView::of).collectList().map(PeriodPage::new);
    }

    @GetMapping("/api/reporting-periods/{office}/{period}")
    Mono<PeriodView> get(@AuthenticationPrincipal Jwt token, @PathVariable String office, @PathVariable String period) {
        return periods.get(Caller.of(token), office, period).map(PeriodView::of);
    }

    /** {@code return} takes a body with the comment, {@code reopen} one with the reason; the others may carry a comment. */
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
