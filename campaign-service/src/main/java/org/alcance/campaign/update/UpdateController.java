package org.alcance.campaign.update;

import java.net.URI;
import java.util.List;
import org.alcance.web.Caller;
import org.alcance.web.IdempotentResponses;
import org.alcance.web.PageCursor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/campaigns/{campaignId}/updates")
class UpdateController {

    private final UpdateService updates;
    private final IdempotentResponses idempotent;

    UpdateController(UpdateService updates, IdempotentResponses idempotent) {
        this.updates = updates;
        this.idempotent = idempotent;
    }

    /** A page of a campaign's updates, newest first, retracted ones included with their history. */
    record UpdatePage(List<ProgressUpdate> items, String nextCursor) {
    }

    /** 201 for a new update; 200 with the existing one when its client reference was reported before. */
    @PostMapping
    Mono<ResponseEntity<?>> report(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody UpdateRequests.Report request) {
        Caller caller = Caller.of(token);
        String updateId = UpdateService.updateId(campaignId, request.clientReference(), key);
        return idempotent.respond(caller, "POST /api/campaigns/" + campaignId + "/updates", key, request,
                () -> updates.report(caller, campaignId, request, updateId, false).map(created -> created
                        .response(URI.create("/api/campaigns/" + campaignId + "/updates/" + updateId))
                        .body(created.entity())));
    }

    @GetMapping
    Mono<UpdatePage> list(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return updates.list(Caller.of(token), campaignId, PageCursor.decode(cursor), PageCursor.limit(limit))
                .collectList().map(page -> {
                    ProgressUpdate last = page.size() == limit ? page.get(page.size() - 1) : null;
                    return new UpdatePage(page, last == null ? null : new PageCursor(last.reportedAt(), last.id()).encode());
                });
    }

    @GetMapping("/{updateId}")
    Mono<ProgressUpdate> get(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @PathVariable String updateId) {
        return updates.get(Caller.of(token), campaignId, updateId);
    }

    @PostMapping("/{updateId}/correction")
    Mono<ResponseEntity<?>> correct(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @PathVariable String updateId, @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody UpdateRequests.Correct request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/campaigns/" + campaignId + "/updates/" + updateId + "/correction",
                key, request, () -> updates.correct(caller, campaignId, updateId, request).map(ResponseEntity::ok));
    }

    @PostMapping("/{updateId}/retraction")
    Mono<ResponseEntity<?>> retract(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @PathVariable String updateId, @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody UpdateRequests.Retract request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/campaigns/" + campaignId + "/updates/" + updateId + "/retraction",
                key, request, () -> updates.retract(caller, campaignId, updateId, request).map(ResponseEntity::ok));
    }
}
