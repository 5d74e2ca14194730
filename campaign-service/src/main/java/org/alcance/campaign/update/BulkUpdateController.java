package org.alcance.campaign.update;

import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.alcance.web.Caller;
import org.alcance.web.IdempotentResponses;
import org.alcance.web.Uploads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A field office's spreadsheet of progress updates in one request, as CSV or JSON. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/updates")
@Tag(name = "Progress updates")
class BulkUpdateController {

    private static final String CSV_EXAMPLE = """
            clientReference,reportedOn,place,adminArea,channel,notes,materials.posters,reach.migrants,reach.migrants.sex.FEMALE,reach.migrants.sex.MALE
            gt-0615-1,2002-06-15,Tecún Umán,San Marcos,poster,"Posters at the bridge, both sides",5000,1200,,
            gt-0616-1,2002-06-16,Malacatán,San Marcos,workshop,,,40,25,15
            """;

    private final BulkUpdateService bulk;
    private final IdempotentResponses idempotent;

    BulkUpdateController(BulkUpdateService bulk, IdempotentResponses idempotent) {
        this.bulk = bulk;
        this.idempotent = idempotent;
    }

    @Operation(operationId = "uploadUpdates", summary = "Report many progress updates at once, from a CSV file or a JSON array",
            description = "Every row needs a clientReference; rows sent again change nothing. Bad rows are reported"
                    + " with their errors and do not stop the good ones. dryRun=true checks every row and stores nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "sheet", summary = "Two rows of the README's sheet", value = CSV_EXAMPLE)),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BulkUpdateService.JsonUpload.class))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "What became of every row",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = BulkUpdateService.Result.class)))})
    @ApiDescription.UploadRefusals
    @PostMapping("/bulk")
    Mono<ResponseEntity<?>> upload(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            ServerHttpRequest request) {
        Caller caller = Caller.of(token);
        return Mono.defer(() -> {
            Uploads.Format format = Uploads.format(Uploads.contentType(request), true);
            String endpoint = "POST /api/campaigns/" + campaignId + "/updates/bulk" + (dryRun ? "?dryRun=true" : "");
            return idempotent.respondToUpload(caller, endpoint, key, request,
                    body -> bulk.upload(caller, campaignId, format, body, dryRun));
        });
    }
}
