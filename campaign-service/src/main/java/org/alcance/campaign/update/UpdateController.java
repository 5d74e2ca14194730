package org.alcance.campaign.update;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
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
@Tag(name = "Progress updates", description = "What a field office reports about an ACTIVE campaign: where, by which"
        + " channel, the materials distributed and the people reached per audience; corrected or retracted, never"
        + " deleted.")
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
    @Operation(operationId = "reportProgress", summary = "Report progress on a campaign",
            description = "The campaign must be ACTIVE and the date within its period and not inside an approved"
                    + " reporting period. Sent again with the same clientReference (or Idempotency-Key), it returns"
                    + " the update already stored (200) and counts once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = UpdateRequests.Report.class), examples = {
                            @ExampleObject(name = "posters", summary = "Posters at the border, with a split by sex",
                                    value = UpdateRequests.EXAMPLE),
                            @ExampleObject(name = "minimal", summary = "Only what is required",
                                    value = UpdateRequests.MINIMAL)})))
    @ApiResponse(responseCode = "201", description = "Reported; Location names the update",
            content = @Content(schema = @Schema(implementation = ProgressUpdate.class)))
    @ApiResponse(responseCode = "200", description = "Reported before with this clientReference or Idempotency-Key:"
            + " the update stored then", content = @Content(schema = @Schema(implementation = ProgressUpdate.class)))
    @ApiDescription.ChangeRefusals
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

    @Operation(operationId = "listUpdates", summary = "List a campaign's updates, newest first",
            description = "Retracted ones included, each with its history; pass nextCursor back as cursor.")
    @ApiResponse(responseCode = "200", description = "A page of updates")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping
    Mono<UpdatePage> list(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return updates.list(Caller.of(token), campaignId, PageCursor.decode(cursor), PageCursor.limit(limit))
                .collectList().map(page -> {
                    ProgressUpdate last = page.size() == limit ? page.get(page.size() - 1) : null;
                    return new UpdatePage(page, last == null ? null : new PageCursor(last.reportedAt(), last.id()).encode());
                });
    }

    @Operation(operationId = "getUpdate", summary = "Read an update", description = "Its figures now and every"
            + " earlier revision, with the reason of each correction or of its retraction.")
    @ApiResponse(responseCode = "200", description = "The update")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/{updateId}")
    Mono<ProgressUpdate> get(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @PathVariable String updateId) {
        return updates.get(Caller.of(token), campaignId, updateId);
    }

    @Operation(operationId = "correctUpdate", summary = "Correct an update's figures",
            description = "The fields sent replace the update's, the fields left out keep their value; reason is"
                    + " required and kept with the revision. Headquarters' figures count the corrected figures only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = UpdateRequests.Correct.class), examples = @ExampleObject(
                            name = "recount", summary = "A recount of the people reached",
                            value = UpdateRequests.CORRECTION))))
    @ApiResponse(responseCode = "200", description = "The update as corrected",
            content = @Content(schema = @Schema(implementation = ProgressUpdate.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping("/{updateId}/correction")
    Mono<ResponseEntity<?>> correct(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @PathVariable String updateId, @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody UpdateRequests.Correct request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/campaigns/" + campaignId + "/updates/" + updateId + "/correction",
                key, request, () -> updates.correct(caller, campaignId, updateId, request).map(ResponseEntity::ok));
    }

    @Operation(operationId = "retractUpdate", summary = "Retract an update",
            description = "It no longer counts in any figure; it stays readable with its history. Sent again, nothing"
                    + " changes.", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = UpdateRequests.Retract.class),
                    examples = @ExampleObject(name = "twice", value = "{\"reason\": \"Reported twice by mistake\"}"))))
    @ApiResponse(responseCode = "200", description = "The update, retracted",
            content = @Content(schema = @Schema(implementation = ProgressUpdate.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping("/{updateId}/retraction")
    Mono<ResponseEntity<?>> retract(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @PathVariable String updateId, @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody UpdateRequests.Retract request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/campaigns/" + campaignId + "/updates/" + updateId + "/retraction",
                key, request, () -> updates.retract(caller, campaignId, updateId, request).map(ResponseEntity::ok));
    }
}
