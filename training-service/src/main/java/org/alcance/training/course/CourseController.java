package org.alcance.training.course;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
@RequestMapping("/api/courses")
@Tag(name = "Courses", description = "A field office's training courses and their sessions: SCHEDULED, then IN_PROGRESS,"
        + " then COMPLETED (when completion is decided) or CANCELLED.")
class CourseController {

    private final CourseService courses;
    private final IdempotentResponses idempotent;

    CourseController(CourseService courses, IdempotentResponses idempotent) {
        this.courses = courses;
        this.idempotent = idempotent;
    }

    @Operation(operationId = "scheduleCourse", summary = "Schedule a course",
            description = "The course starts as SCHEDULED, in the office of the token. Sent again with the same"
                    + " clientReference, or the same Idempotency-Key, it returns the first course (200).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = CourseRequests.Create.class), examples = {
                            @ExampleObject(name = "legislation", summary = "Armenia's course on migration legislation",
                                    value = CourseRequests.EXAMPLE),
                            @ExampleObject(name = "minimal", summary = "Only what is required",
                                    value = CourseRequests.MINIMAL)})))
    @ApiResponse(responseCode = "201", description = "Scheduled; Location names it and ETag is its version",
            content = @Content(schema = @Schema(implementation = CourseView.class)))
    @ApiResponse(responseCode = "200", description = "Scheduled before with this clientReference or Idempotency-Key:"
            + " the first one", content = @Content(schema = @Schema(implementation = CourseView.class)))
    @ApiResponse(responseCode = "422", ref = ApiDescription.UNPROCESSABLE)
    @PostMapping
    Mono<ResponseEntity<?>> create(@AuthenticationPrincipal Jwt token, @RequestBody CourseRequests.Create request,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key) {
        Caller caller = Caller.of(token);
        String id = IdempotentResponses.entityId(caller.office() + "|course-reference", request.clientReference(),
                caller.office() + "|course", key);
        return idempotent.respond(caller, "POST /api/courses", key, request, () -> courses.create(caller, request, id)
                .map(created -> created.response(URI.create("/api/courses/" + id))
                        .eTag(ETags.of(created.entity().version())).body(CourseView.of(created.entity()))));
    }

    @Operation(operationId = "listCourses", summary = "List courses, newest first",
            description = "A field office sees its own; headquarters all, or one office's with office. Pass nextCursor"
                    + " back as cursor for the next page.")
    @GetMapping
    Mono<CourseView.CoursePage> list(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String office,
            @RequestParam(required = false) CourseStatus status, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        CourseService.Filter filter = new CourseService.Filter(office, status, from, to);
        return courses.list(Caller.of(token), filter, PageCursor.decode(cursor), PageCursor.limit(limit)).collectList()
                .map(page -> new CourseView.CoursePage(page.stream().map(CourseView::of).toList(),
                        PageCursor.next(page, limit, Course::createdAt, Course::id)));
    }

    @Operation(operationId = "getCourse", summary = "Read a course",
            description = "With its sessions, enrolment counts and completion rule; ETag is its version, for If-Match.")
    @ApiResponse(responseCode = "200", description = "The course")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/{id}")
    Mono<ResponseEntity<CourseView>> get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return courses.readable(Caller.of(token), id).map(CourseController::withEtag);
    }

    @Operation(operationId = "reviseCourse", summary = "Revise a course",
            description = "Only the fields sent change. A larger capacity promotes people from the waitlist. Send"
                    + " If-Match with the ETag read: a change based on an older version is refused (412).")
    @ApiResponse(responseCode = "200", description = "The course as revised")
    @ApiDescription.ChangeRefusals
    @ApiResponse(responseCode = "412", ref = ApiDescription.PRECONDITION_FAILED)
    @PatchMapping("/{id}")
    Mono<ResponseEntity<CourseView>> revise(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody CourseRequests.Revise patch) {
        return courses.revise(Caller.of(token), id, ETags.version(ifMatch), patch).map(CourseController::withEtag);
    }

    /** The lifecycle actions; {@code cancel} takes a body with the reason. */
    @Operation(operationId = "moveCourse", summary = "Start, complete or cancel a course",
            description = "start: SCHEDULED to IN_PROGRESS; complete: IN_PROGRESS to COMPLETED, deciding who completed"
                    + " by the course's rule; cancel (with a reason): to CANCELLED. Any other move is refused (409).")
    @ApiResponse(responseCode = "200", description = "The course after the move",
            content = @Content(schema = @Schema(implementation = CourseView.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping("/{id}/{action:start|complete|cancel}")
    Mono<ResponseEntity<?>> act(@AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable String action,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody(required = false) CourseRequests.Cancel body) {
        Caller caller = Caller.of(token);
        return idempotent.respond(caller, "POST /api/courses/" + id + "/" + action, key, body, () -> (switch (action) {
            case "start" -> courses.start(caller, id);
            case "complete" -> courses.complete(caller, id);
            default -> courses.cancel(caller, id, body);
        }).map(CourseController::withEtag));
    }

    @Operation(operationId = "addSession", summary = "Add a session to a course",
            description = "On a date within the course's. Sent again with the same clientReference (or Idempotency-Key),"
                    + " it returns the session already added (200), so completion never counts a session twice.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = CourseRequests.AddSession.class), examples = {
                            @ExampleObject(name = "first-day", value = CourseRequests.SESSION_EXAMPLE),
                            @ExampleObject(name = "minimal", summary = "Only what is required",
                                    value = CourseRequests.SESSION_MINIMAL)})))
    @ApiResponse(responseCode = "201", description = "Added; Location names the session",
            content = @Content(schema = @Schema(implementation = CourseView.SessionView.class)))
    @ApiResponse(responseCode = "200", description = "Added before with this clientReference or Idempotency-Key",
            content = @Content(schema = @Schema(implementation = CourseView.SessionView.class)))
    @ApiDescription.ChangeRefusals
    @PostMapping("/{id}/sessions")
    Mono<ResponseEntity<?>> addSession(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @RequestHeader(name = IdempotentResponses.HEADER, required = false) String key,
            @RequestBody CourseRequests.AddSession request) {
        Caller caller = Caller.of(token);
        String sessionId = IdempotentResponses.entityId(id + "|session-reference", request.clientReference(),
                id + "|session", key);
        return idempotent.respond(caller, "POST /api/courses/" + id + "/sessions", key, request,
                () -> courses.addSession(caller, id, sessionId, request).map(created -> created
                        .response(URI.create("/api/courses/" + id + "/sessions/" + sessionId))
                        .body(session(created.entity(), sessionId))));
    }

    @Operation(operationId = "listSessions", summary = "List a course's sessions",
            description = "Each session's date, title and duration, and whether its attendance was taken.")
    @ApiResponse(responseCode = "200", description = "The sessions, by date")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/{id}/sessions")
    Mono<List<CourseView.SessionView>> sessions(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return courses.readable(Caller.of(token), id).map(course -> CourseView.of(course).sessions());
    }

    private static CourseView.SessionView session(Course course, String sessionId) {
        return CourseView.of(course).sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst().orElseThrow();
    }

    private static ResponseEntity<CourseView> withEtag(Course course) {
        return ResponseEntity.ok().eTag(ETags.of(course.version())).body(CourseView.of(course));
    }
}
