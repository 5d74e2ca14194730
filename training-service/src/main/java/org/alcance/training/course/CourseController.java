package org.alcance.training.course;

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
class CourseController {

    private final CourseService courses;
    private final IdempotentResponses idempotent;

    CourseController(CourseService courses, IdempotentResponses idempotent) {
        this.courses = courses;
        this.idempotent = idempotent;
    }

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

    @GetMapping("/{id}")
    Mono<ResponseEntity<CourseView>> get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return courses.readable(Caller.of(token), id).map(CourseController::withEtag);
    }

    @PatchMapping("/{id}")
    Mono<ResponseEntity<CourseView>> revise(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody CourseRequests.Revise patch) {
        return courses.revise(Caller.of(token), id, ETags.version(ifMatch), patch).map(CourseController::withEtag);
    }

    /** The lifecycle actions; {@code cancel} takes a body with the reason. */
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
