package org.alcance.campaign.campaign;

import java.net.URI;
import java.time.LocalDate;
import org.alcance.web.Caller;
import org.alcance.web.ETags;
import org.alcance.web.IdempotentResponses;
import org.alcance.web.PageCursor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final CampaignService campaigns;
    private final IdempotentResponses idempotent;

    CampaignController(CampaignService campaigns, IdempotentResponses idempotent) {
        this.campaigns = campaigns;
        this.idempotent = idempotent;
    }

    @PostMapping
    Mono<ResponseEntity<?>> create(@AuthenticationPrincipal Jwt token, @RequestBody CampaignRequests.Create request,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key) {
        Caller caller = Caller.of(token);
        String id = IdempotentResponses.entityId(caller.office() + "|campaign-reference", request.clientReference(),
                caller.office() + "|campaign", key);
        return idempotent.respond(caller, "POST /api/campaigns", key, request, () -> campaigns.create(caller, request, id)
                .map(created -> created.response(URI.create("/api/campaigns/" + id))
                        .eTag(etag(created.entity())).body(CampaignView.of(created.entity()))));
    }

    @GetMapping
    Mono<CampaignView.CampaignPage> list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String office,
            @RequestParam(required = false) CampaignStatus status, @RequestParam(required = false) String theme,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        CampaignService.Filter filter = new CampaignService.Filter(office, status, theme, from, to);
        return campaigns.list(Caller.of(token), filter, PageCursor.decode(cursor), PageCursor.limit(limit)).collectList()
                .map(page -> new CampaignView.CampaignPage(page.stream().map(CampaignView::of).toList(),
                        PageCursor.next(page, limit, Campaign::createdAt, Campaign::id)));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<CampaignView>> get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return campaigns.readable(Caller.of(token), id).map(CampaignController::withEtag);
    }

    @PatchMapping("/{id}")
    Mono<ResponseEntity<CampaignView>> revise(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody CampaignRequests.Revise patch) {
        return campaigns.revise(Caller.of(token), id, ETags.version(ifMatch), patch).map(CampaignController::withEtag);
    }

    /** The lifecycle actions; {@code cancel} takes a body with the reason. */
    @PostMapping("/{id}/{action:launch|complete|cancel}")
    Mono<ResponseEntity<?>> act(@AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable String action,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody(required = false) CampaignRequests.Cancel body) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/campaigns/" + id + "/" + action, key, body, () -> (switch (action) {
            case "launch" -> campaigns.launch(caller, id);
            case "complete" -> campaigns.complete(caller, id);
            default -> campaigns.cancel(caller, id, body);
        }).map(CampaignController::withEtag));
    }

    private static ResponseEntity<CampaignView> withEtag(Campaign campaign) {
        return ResponseEntity.ok().eTag(etag(campaign)).body(CampaignView.of(campaign));
    }

    private static String etag(Campaign campaign) {
        return ETags.of(campaign.version());
    }
}
