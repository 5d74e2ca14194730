package org.alcance.campaign.update;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.alcance.web.Caller;
import org.alcance.web.IdempotentResponses;
import org.alcance.web.Problem;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
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

/**
 * A field office's spreadsheet of progress updates in one request, as CSV or JSON. The body is
 * read here, up to {@link #MAX_BYTES}, rather than by a codec, whose limit suits single updates.
 */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/updates")
class BulkUpdateController {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final BulkUpdateService bulk;
    private final IdempotentResponses idempotent;

    BulkUpdateController(BulkUpdateService bulk, IdempotentResponses idempotent) {
        this.bulk = bulk;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Report many progress updates at once, from a CSV file or a JSON array",
            description = "Every row needs a clientReference; rows sent again change nothing. Bad rows are reported"
                    + " with their errors and do not stop the good ones. dryRun=true checks every row and stores nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BulkUpdateService.JsonUpload.class))}),
            responses = {
                    @ApiResponse(responseCode = "200", description = "What became of every row",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(implementation = BulkUpdateService.Result.class))),
                    @ApiResponse(responseCode = "409", description = "The campaign is not ACTIVE"),
                    @ApiResponse(responseCode = "413", description = "Over 10 MB or over 5,000 rows"),
                    @ApiResponse(responseCode = "415", description = "Neither text/csv nor application/json"),
                    @ApiResponse(responseCode = "422", description = "The CSV cannot be read or its header names unknown columns")})
    @PostMapping("/bulk")
    Mono<ResponseEntity<?>> upload(@AuthenticationPrincipal Jwt token, @PathVariable String campaignId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            ServerHttpRequest request) {
        Caller caller = Caller.of(token);
        return Mono.defer(() -> {
            BulkUpdateService.Format format = format(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
            if (request.getHeaders().getContentLength() > MAX_BYTES) {
                return Mono.error(tooLarge());
            }
            String endpoint = "POST /api/campaigns/" + campaignId + "/updates/bulk" + (dryRun ? "?dryRun=true" : "");
            return idempotent.respond(caller, endpoint, key, () -> body(request)
                    .flatMap(body -> bulk.upload(caller, campaignId, format, body, dryRun))
                    .map(ResponseEntity::ok));
        });
    }

    private static BulkUpdateService.Format format(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type != null && type.equalsTypeAndSubtype(TEXT_CSV)) {
            String charset = type.getParameter("charset");
            if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("\"UTF-8\"")
                    && !charset.equalsIgnoreCase("US-ASCII")) {
                throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A CSV upload is UTF-8 text, not " + charset
                        + "; save the spreadsheet as \"CSV UTF-8\"",
                        List.of(new Problem.FieldError("Content-Type", "charset must be UTF-8")));
            }
            return BulkUpdateService.Format.CSV;
        }
        if (type != null && type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
            return BulkUpdateService.Format.JSON;
        }
        throw new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "A bulk upload is text/csv or application/json, not "
                + (contentType == null ? "a body without a Content-Type" : contentType),
                List.of(new Problem.FieldError("Content-Type", "must be text/csv or application/json")));
    }

    private static Mono<byte[]> body(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), MAX_BYTES)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private static Problem tooLarge() {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "An upload is at most 10 MB: split the file into several uploads",
                List.of(new Problem.FieldError("body", "must be at most " + MAX_BYTES + " bytes")));
    }
}
