package org.alcance.training.participant;

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
import org.alcance.web.Uploads;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
@RequestMapping("/api/courses/{courseId}/participants")
@Tag(name = "Participants", description = "Enrolment with a waitlist, withdrawal, attendance, assessments, and each"
        + " participant's own data. Personal data stays in this service: events carry a pseudonymous id only.")
class EnrolmentController {

    private final EnrolmentService enrolments;
    private final BulkImportService bulk;
    private final IdempotentResponses idempotent;

    EnrolmentController(EnrolmentService enrolments, BulkImportService bulk, IdempotentResponses idempotent) {
        this.enrolments = enrolments;
        this.bulk = bulk;
        this.idempotent = idempotent;
    }

    /** 201 for a new enrolment (ENROLLED, or WAITLISTED when full); 200 with the existing one for a known clientReference. */
    @Operation(operationId = "enrol", summary = "Enrol a person in a course",
            description = "ENROLLED, or WAITLISTED when the course is full. personReference (or else the email) makes"
                    + " one person of the enrolments of an office. Sent again with the same clientReference (or"
                    + " Idempotency-Key), it returns the enrolment already made (200).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = ParticipantRequests.Enrol.class), examples = {
                            @ExampleObject(name = "officer", summary = "A border officer with a personReference",
                                    value = ParticipantRequests.ENROL_EXAMPLE),
                            @ExampleObject(name = "minimal", summary = "Only what is required",
                                    value = ParticipantRequests.ENROL_MINIMAL)})))
    @ApiResponse(responseCode = "201", description = "Enrolled or waitlisted; Location names the participant",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @ApiResponse(responseCode = "200", description = "Enrolled before with this clientReference or Idempotency-Key",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping
    Mono<ResponseEntity<?>> enrol(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody ParticipantRequests.Enrol request) {
        Caller caller = Caller.of(token);
        String participantId = EnrolmentService.participantId(courseId, request.clientReference(), key);
        return idempotent.respond(caller, "POST /api/courses/" + courseId + "/participants", key, request,
                () -> enrolments.enrol(caller, courseId, request, participantId, false).map(created -> created
                        .response(URI.create("/api/courses/" + courseId + "/participants/" + participantId))
                        .body(created.entity())));
    }

    @Operation(operationId = "roster", summary = "List a course's participants",
            description = "Names are shown to the course's own office only.")
    @ApiResponse(responseCode = "200", description = "The roster")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping
    Mono<List<EnrolmentView>> roster(@AuthenticationPrincipal Jwt token, @PathVariable String courseId) {
        return enrolments.roster(Caller.of(token), courseId).collectList();
    }

    @Operation(operationId = "getEnrolment", summary = "Read a participant's enrolment",
            description = "ENROLLED, WAITLISTED or WITHDRAWN, with the personId; the name to the course's own"
                    + " office only.")
    @ApiResponse(responseCode = "200", description = "The enrolment")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/{participantId}")
    Mono<EnrolmentView> get(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String participantId) {
        return enrolments.get(Caller.of(token), courseId, participantId);
    }

    @Operation(operationId = "withdraw", summary = "Withdraw a participant",
            description = "A freed seat goes to the first person on the waitlist.")
    @ApiResponse(responseCode = "200", description = "The enrolment, withdrawn",
            content = @Content(schema = @Schema(implementation = EnrolmentView.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping("/{participantId}/withdraw")
    Mono<ResponseEntity<?>> withdraw(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String participantId, @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody(required = false) ParticipantRequests.Withdraw request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/courses/" + courseId + "/participants/" + participantId + "/withdraw",
                key, request, () -> enrolments.withdraw(caller, courseId, participantId, request).map(ResponseEntity::ok));
    }

    /** A roster as CSV (text/csv): one person a row, each with the office's own clientReference. */
    @Operation(operationId = "uploadRoster", summary = "Enrol many people at once, from a CSV roster",
            description = "The columns of an enrolment, clientReference and name required. Rows sent again come back"
                    + " unchanged; bad rows are reported with their errors and do not stop the good ones; dryRun=true"
                    + " stores nothing.", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string"), examples = @ExampleObject(name = "sheet", value = ParticipantRequests.ROSTER_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "What became of every row",
            content = @Content(schema = @Schema(implementation = BulkImportService.Report.class)))
    @ApiDescription.UploadRefusals
    @PostMapping("/bulk")
    Mono<ResponseEntity<?>> importRoster(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key, ServerHttpRequest request) {
        Caller caller = Caller.of(token);
        return Mono.defer(() -> {
            Uploads.format(Uploads.contentType(request), false);
            String endpoint = "POST /api/courses/" + courseId + "/participants/bulk" + (dryRun ? "?dryRun=true" : "");
            return idempotent.respondToUpload(caller, endpoint, key, request,
                    body -> bulk.roster(caller, courseId, body, dryRun));
        });
    }
}
