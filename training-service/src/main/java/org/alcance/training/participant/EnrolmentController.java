package org.alcance.training.participant;

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

    @GetMapping
    Mono<List<EnrolmentView>> roster(@AuthenticationPrincipal Jwt token, @PathVariable String courseId) {
        return enrolments.roster(Caller.of(token), courseId).collectList();
    }

    @GetMapping("/{participantId}")
    Mono<EnrolmentView> get(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String participantId) {
        return enrolments.get(Caller.of(token), courseId, participantId);
    }

    @PostMapping("/{participantId}/withdraw")
    Mono<ResponseEntity<?>> withdraw(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String participantId, @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody(required = false) ParticipantRequests.Withdraw request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/courses/" + courseId + "/participants/" + participantId + "/withdraw",
                key, request, () -> enrolments.withdraw(caller, courseId, participantId, request).map(ResponseEntity::ok));
    }

    /** A roster as CSV (text/csv): one person a row, each with the office's own clientReference. */
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
