package org.alcance.training.participant;

import java.util.Map;
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
@RequestMapping("/api/courses/{courseId}")
class AttendanceController {

    private final AttendanceService attendance;
    private final BulkImportService bulk;
    private final IdempotentResponses idempotent;

    AttendanceController(AttendanceService attendance, BulkImportService bulk, IdempotentResponses idempotent) {
        this.attendance = attendance;
        this.bulk = bulk;
        this.idempotent = idempotent;
    }

    /** Records who was PRESENT, LATE, EXCUSED or ABSENT; all records or none are taken. */
    @PostMapping("/sessions/{sessionId}/attendance")
    Mono<ResponseEntity<?>> record(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String sessionId, @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody ParticipantRequests.Attendance request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/courses/" + courseId + "/sessions/" + sessionId + "/attendance", key,
                request, () -> attendance.record(caller, courseId, sessionId, request, false)
                        .map(recorded -> ResponseEntity.ok(recorded.attendance())));
    }

    @GetMapping("/sessions/{sessionId}/attendance")
    Mono<AttendanceService.SessionAttendance> get(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String sessionId) {
        return attendance.attendance(Caller.of(token), courseId, sessionId);
    }

    /** An attendance sheet as CSV (text/csv): columns participantId or clientReference, and status. */
    @PostMapping("/sessions/{sessionId}/attendance/bulk")
    Mono<ResponseEntity<?>> importSheet(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String sessionId, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key, ServerHttpRequest request) {
        Caller caller = Caller.of(token);
        return Mono.defer(() -> {
            Uploads.format(Uploads.contentType(request), false);
            String endpoint = "POST /api/courses/" + courseId + "/sessions/" + sessionId + "/attendance/bulk"
                    + (dryRun ? "?dryRun=true" : "");
            return idempotent.respondToUpload(caller, endpoint, key, request,
                    body -> bulk.attendanceSheet(caller, courseId, sessionId, body, dryRun));
        });
    }

    /** Pre and post assessment scores, 0 to 100, of enrolled participants. */
    @PostMapping("/assessments")
    Mono<ResponseEntity<?>> assess(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody ParticipantRequests.Assessments request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/courses/" + courseId + "/assessments", key, request,
                () -> attendance.assess(caller, courseId, request)
                        .map(recorded -> ResponseEntity.ok(Map.of("changed", recorded.changed().size()))));
    }
}
