package org.alcance.campaign.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.alcance.web.ApiDescription;
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
@Tag(name = "Campaigns", description = "A field office's awareness campaigns: DRAFT, then ACTIVE while progress is"
        + " reported, then COMPLETED or CANCELLED; each audience with its target, baseline and milestones.")
class CampaignController {

    private final CampaignService campaigns;
    private final IdempotentResponses idempotent;

    CampaignController(CampaignService campaigns, IdempotentResponses idempotent) {
        this.campaigns = campaigns;
        this.idempotent = idempotent;
    }

    @Operation(operationId = "createCampaign", summary = "Create a campaign",
            description = "The campaign starts as DRAFT, in the office of the token (headquarters names it in office)."
                    + " A create sent again with the same clientReference, or the same Idempotency-Key, returns the"
                    + " first campaign (200) instead of adding a second.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = CampaignRequests.Create.class), examples = {
                            @ExampleObject(name = "posters", summary = "Guatemala's poster campaign",
                                    value = CampaignRequests.EXAMPLE),
                            @ExampleObject(name = "minimal", summary = "Only what is required",
                                    value = CampaignRequests.MINIMAL)})))
    @ApiResponse(responseCode = "201", description = "Created; Location names it and ETag is its version",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @ApiResponse(responseCode = "200", description = "Created before with this clientReference or Idempotency-Key: the"
            + " first one", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @ApiResponse(responseCode = "422", ref = ApiDescription.UNPROCESSABLE)
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

    @Operation(operationId = "listCampaigns", summary = "List campaigns, newest first",
            description = "A field office sees its own; headquarters all, or one office's with office. theme, from and"
                    + " to filter; pass nextCursor back as cursor for the next page.")
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

    @Operation(operationId = "getCampaign", summary = "Read a campaign",
            description = "With its audiences, targets and every revision; ETag is its version, for If-Match.")
    @ApiResponse(responseCode = "200", description = "The campaign")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/{id}")
    Mono<ResponseEntity<CampaignView>> get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return campaigns.readable(Caller.of(token), id).map(CampaignController::withEtag);
    }

    @Operation(operationId = "reviseCampaign", summary = "Revise a campaign's details or targets",
            description = "Only the fields sent change, and the revision is kept with its reason. Send If-Match with"
                    + " the ETag read: a change based on an older version is refused (412).")
    @ApiResponse(responseCode = "200", description = "The campaign as revised")
    @ApiDescription.ChangeRefusals
    @ApiResponse(responseCode = "412", ref = ApiDescription.PRECONDITION_FAILED)
    @PatchMapping("/{id}")
    Mono<ResponseEntity<CampaignView>> revise(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody CampaignRequests.Revise patch) {
        return campaigns.revise(Caller.of(token), id, ETags.version(ifMatch), patch).map(CampaignController::withEtag);
    }

    /** The lifecycle actions; {@code cancel} takes a body with the reason. */
    @Operation(operationId = "moveCampaign", summary = "Launch, complete or cancel a campaign",
            description = "launch: DRAFT to ACTIVE; complete: ACTIVE to COMPLETED; cancel (with a reason): DRAFT or"
                    + " ACTIVE to CANCELLED. Any other move is refused (409); the same move sent again is safe.")
    @ApiResponse(responseCode = "200", description = "The campaign after the move",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @ApiDescription.ChangeRefusals
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
