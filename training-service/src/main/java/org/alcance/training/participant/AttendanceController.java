package org.alcance.training.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
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
@Tag(name = "Participants")
class AttendanceController {

    private final AttendanceService attendance;
    private final BulkImportService bulk;
    private final IdempotentResponses idempotent;

    AttendanceController(AttendanceService attendance, BulkImportService bulk, IdempotentResponses idempotent) {
        this.attendance = attendance;
        this.bulk = bulk;
        this.idempotent = idempotent;
    }

    /** How many of the scores sent were new or different. */
    record ScoresChanged(int changed) {
    }

    /** Records who was PRESENT, LATE, EXCUSED or ABSENT; all records or none are taken. */
    @Operation(operationId = "recordAttendance", summary = "Record a session's attendance",
            description = "For enrolled participants, on an IN_PROGRESS course, on or after the session's date: PRESENT,"
                    + " LATE, EXCUSED or ABSENT. All records are taken or none; sent again, nothing changes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = ParticipantRequests.Attendance.class), examples = @ExampleObject(
                            name = "present", value = ParticipantRequests.ATTENDANCE_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The session's attendance",
            content = @Content(schema = @Schema(implementation = AttendanceService.SessionAttendance.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping("/sessions/{sessionId}/attendance")
    Mono<ResponseEntity<?>> record(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String sessionId, @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody ParticipantRequests.Attendance request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/courses/" + courseId + "/sessions/" + sessionId + "/attendance", key,
                request, () -> attendance.record(caller, courseId, sessionId, request, false)
                        .map(recorded -> ResponseEntity.ok(recorded.attendance())));
    }

    @Operation(operationId = "getAttendance", summary = "Read a session's attendance",
            description = "Each participant recorded for the session, with their status.")
    @ApiResponse(responseCode = "200", description = "Who was there")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/sessions/{sessionId}/attendance")
    Mono<AttendanceService.SessionAttendance> get(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @PathVariable String sessionId) {
        return attendance.attendance(Caller.of(token), courseId, sessionId);
    }

    /** An attendance sheet as CSV (text/csv): columns participantId or clientReference, and status. */
    @Operation(operationId = "uploadAttendance", summary = "Record attendance from a CSV sheet",
            description = "Columns participantId or clientReference, and status. Rows sent again come back unchanged;"
                    + " dryRun=true stores nothing.", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string"), examples = @ExampleObject(name = "sheet", value = ParticipantRequests.ATTENDANCE_SHEET_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "What became of every row",
            content = @Content(schema = @Schema(implementation = BulkImportService.Report.class)))
    @ApiDescription.UploadRefusals
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
    @Operation(operationId = "recordAssessments", summary = "Record pre and post assessment scores",
            description = "Scores from 0 to 100 of enrolled participants; a score sent again changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = ParticipantRequests.Assessments.class), examples = @ExampleObject(
                            name = "post", value = ParticipantRequests.ASSESSMENT_EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "How many scores changed",
            content = @Content(schema = @Schema(implementation = ScoresChanged.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping("/assessments")
    Mono<ResponseEntity<?>> assess(@AuthenticationPrincipal Jwt token, @PathVariable String courseId,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody ParticipantRequests.Assessments request) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/courses/" + courseId + "/assessments", key, request,
                () -> attendance.assess(caller, courseId, request)
                        .map(recorded -> ResponseEntity.ok(new ScoresChanged(recorded.changed().size()))));
    }
}
