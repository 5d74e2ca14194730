package org.alcance.training.course;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.alcance.events.DomainEvent;
import org.alcance.events.training.CourseCancelled;
import org.alcance.events.training.CourseCompleted;
import org.alcance.events.training.CourseRevised;
import org.alcance.events.training.CourseScheduled;
import org.alcance.events.training.CourseStarted;
import org.alcance.events.training.ParticipantPromoted;
import org.alcance.outbox.Outbox;
import org.alcance.training.period.PeriodLocks;
import org.alcance.web.Caller;
import org.alcance.web.Created;
import org.alcance.web.ETags;
import org.alcance.web.PageCursor;
import org.alcance.web.Problem;
import org.alcance.web.Violations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class CourseService {

    /** UTC+14 is the earliest time zone: no office's today is later than today there. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final CourseStore store;
    private final ReactiveMongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final PeriodLocks locks;

    CourseService(CourseStore store, ReactiveMongoTemplate mongo, Outbox outbox, Clock clock, PeriodLocks locks) {
        this.store = store;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.locks = locks;
    }

    /** Filters of the course list; a field office always sees its own office only. */
    record Filter(String office, CourseStatus status, LocalDate from, LocalDate to) {
    }

    /** Creates a course; one created before under the same id (client reference or key) is answered as it is. */
    Mono<Created<Course>> create(Caller caller, CourseRequests.Create request, String id) {
        return Created.madeOrFound(Mono.defer(() -> {
            String office = caller.officeToCreateFor(request.office(), "courses");
            Course.Details details = CourseRules.details(request.title(), request.topics(), request.format(),
                    request.venue(), request.partners(), request.presenters(), request.targetAudiences(),
                    request.startDate(), request.endDate(), request.capacity(), request.completionRule(), request.targets(),
                    new Violations().optionalText(request.clientReference(), "clientReference", 100));
            Instant now = clock.instant();
            DomainEvent scheduled = new CourseScheduled(id, office, details.title(), details.topics(), details.format(),
                    details.venue(), details.partners(), details.presenters(), details.targetAudiences(),
                    details.startDate(), details.endDate(), details.capacity(), details.completionRule(), details.targets(),
                    request.illustrative());
            Course course = new Course(id, office, details, request.illustrative(), CourseStatus.SCHEDULED, 1, 1, now,
                    caller.subject(), now, List.of(), List.of(), List.of(), outbox.entries(List.of(scheduled), 0));
            return store.insert(course);
        }), store.find(id).filter(course -> course.office().equals(caller.office())));
    }

    /** The course if the caller may read it; another office's course does not exist for them. */
    public Mono<Course> readable(Caller caller, String id) {
        return store.find(id).filter(course -> caller.canRead(course.office()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Course " + id)));
    }

    public static void requireWriter(Caller caller, Course course) {
        caller.requireWriter(course.office(), "course", course.id());
    }

    /** Refuses a change to the people of a course that is over or not the caller's to change. */
    public static void requireOpen(Caller caller, Course course) {
        requireWriter(caller, course);
        if (!course.status().isOpen()) {
            throw Problem.conflict("A " + course.status() + " course no longer changes");
        }
    }

    /** Today where it is latest on earth: a session of that date may have been held somewhere already. */
    public LocalDate latestToday() {
        return LocalDate.now(clock.withZone(EARLIEST_ZONE));
    }

    Flux<Course> list(Caller caller, Filter filter, PageCursor after, int limit) {
        Criteria criteria = new Criteria().andOperator(java.util.stream.Stream.of(
                        caller.readsAllOffices() ? null : Criteria.where("office").is(caller.office()),
                        filter.office() == null ? null : Criteria.where("office").is(filter.office()),
                        filter.status() == null ? null : Criteria.where("status").is(filter.status()),
                        filter.from() == null ? null : Criteria.where("details.endDate").gte(filter.from()),
                        filter.to() == null ? null : Criteria.where("details.startDate").lte(filter.to()),
                        after == null ? null : after.after("createdAt"),
                        new Criteria())
                .filter(java.util.Objects::nonNull).toList());
        Query query = Query.query(criteria).with(PageCursor.newestFirst("createdAt")).limit(limit);
        query.fields().exclude("outbox");
        return mongo.find(query, Course.class);
    }

    Mono<Course> revise(Caller caller, String id, Long expectedVersion, CourseRequests.Revise patch) {
        return store.append(id, current -> {
            requireOpen(caller, current);
            ETags.requireMatch(expectedVersion, current.version(), "course");
            Course.Details was = current.details();
            Violations violations = new Violations().optionalText(patch.reason(), "reason", 1_000);
            Course.Details details = CourseRules.details(
                    patch.title() != null ? patch.title() : was.title(),
                    patch.topics() != null ? patch.topics() : was.topics(),
                    patch.format() != null ? patch.format() : was.format().name(),
                    patch.venue() != null ? patch.venue() : was.venue(),
                    patch.partners() != null ? patch.partners() : was.partners(),
                    patch.presenters() != null ? patch.presenters() : was.presenters(),
                    patch.targetAudiences() != null ? patch.targetAudiences() : was.targetAudiences(),
                    patch.startDate() != null ? patch.startDate() : was.startDate(),
                    patch.endDate() != null ? patch.endDate() : was.endDate(),
                    patch.capacity() != null ? patch.capacity() : was.capacity(),
                    patch.completionRule() != null ? patch.completionRule() : new CourseRequests.Rule(
                            was.completionRule().minAttendanceShare(), was.completionRule().minPostScore()),
                    patch.targets() != null ? patch.targets()
                            : was.targets().stream().map(CourseRequests.Target::of).toList(),
                    violations);
            if (details.capacity() < current.enrolled()) {
                throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "The course has " + current.enrolled()
                        + " enrolled participants", List.of(new Problem.FieldError("capacity",
                        "must not be below the " + current.enrolled() + " participants enrolled")));
            }
            List<DomainEvent> events = new ArrayList<>();
            events.add(new CourseRevised(id, current.office(), details.title(), details.topics(), details.format(),
                    details.venue(), details.partners(), details.presenters(), details.targetAudiences(),
                    details.startDate(), details.endDate(), details.capacity(), details.completionRule(),
                    details.targets(), patch.reason()));
            List<Course.Enrolment> enrolments = new ArrayList<>(current.enrolments());
            for (String promoted : current.promotable(enrolments, details.capacity())) {
                enrolments = promote(current, enrolments, promoted, events);
            }
            return new CourseStore.Append(Update.update("details", details).set("enrolments", enrolments)
                    .inc("version", 1), outbox.entries(events, current.sequence()));
        });
    }

    /** Moves a waitlisted participant into a seat, saying so with an event. */
    public static List<Course.Enrolment> promote(Course course, List<Course.Enrolment> enrolments, String participantId,
            List<DomainEvent> events) {
        List<Course.Enrolment> next = new ArrayList<>(enrolments);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).participantId().equals(participantId)) {
                next.set(i, next.get(i).withState(Course.EnrolmentState.ENROLLED));
            }
        }
        events.add(new ParticipantPromoted(course.id(), course.office(), participantId));
        return next;
    }

    /** What a lifecycle action changes besides the status, and its events. */
    private record Step(Update changes, List<DomainEvent> events) {
    }

    Mono<Course> start(Caller caller, String id) {
        return transition(caller, id, CourseStatus.IN_PROGRESS,
                current -> new Step(new Update(), List.of(new CourseStarted(id, current.office(), clock.instant()))));
    }

    /** Completes the course and, in the same write, every participant who met its rule. */
    Mono<Course> complete(Caller caller, String id) {
        return locks.of(caller.office()).flatMap(locked -> transition(caller, id, CourseStatus.COMPLETED, current -> {
            // the participants it trains count in the period of its last day
            locked.requireOpen(current.details().endDate(), "endDate");
            Completions.Decided decided = Completions.decide(current, LocalDate.now(clock));
            List<DomainEvent> events = new ArrayList<>(decided.events());
            events.add(new CourseCompleted(id, current.office(), clock.instant()));
            return new Step(Update.update("enrolments", decided.enrolments()), events);
        }));
    }

    Mono<Course> cancel(Caller caller, String id, CourseRequests.Cancel request) {
        return Mono.defer(() -> {
            new Violations().text(request == null ? null : request.reason(), "reason", 1_000).throwIfAny();
            return transition(caller, id, CourseStatus.CANCELLED, current -> new Step(new Update(),
                    List.of(new CourseCancelled(id, current.office(), clock.instant(), request.reason()))));
        });
    }

    private Mono<Course> transition(Caller caller, String id, CourseStatus next, Function<Course, Step> step) {
        return store.append(id, current -> {
            requireWriter(caller, current);
            if (!current.status().canBecome(next)) {
                throw Problem.conflict("A " + current.status() + " course cannot become " + next);
            }
            Step decided = step.apply(current);
            return new CourseStore.Append(decided.changes().set("status", next).inc("version", 1),
                    outbox.entries(decided.events(), current.sequence()));
        });
    }

    /**
     * Adds a session. Sessions are only ever pushed, never rewritten, so this write needs no event
     * to guard it against a concurrent one; the session is announced as held when its attendance is taken.
     */
    Mono<Created<Course>> addSession(Caller caller, String courseId, String sessionId,
            CourseRequests.AddSession request) {
        AtomicBoolean added = new AtomicBoolean();
        return locks.of(caller.office()).flatMap(locked -> store.append(courseId, current -> {
            requireOpen(caller, current);
            added.set(current.session(sessionId).isEmpty());
            if (!added.get()) {
                return new CourseStore.Append(new Update(), List.of());
            }
            new Violations().optionalText(request.clientReference(), "clientReference", 100).throwIfAny();
            Course.Session session = CourseRules.session(sessionId, current, request);
            locked.requireOpen(session.date(), "date");
            return new CourseStore.Append(new Update().push("sessions", session).inc("version", 1), List.of());
        })).map(course -> new Created<>(course, added.get()));
    }
}
