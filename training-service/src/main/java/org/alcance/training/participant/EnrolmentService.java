package org.alcance.training.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.alcance.events.DomainEvent;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.ParticipantEnrolled;
import org.alcance.events.training.ParticipantWithdrawn;
import org.alcance.outbox.Outbox;
import org.alcance.outbox.OutboxEvent;
import org.alcance.training.course.Course;
import org.alcance.training.course.CourseService;
import org.alcance.training.course.CourseStore;
import org.alcance.web.Caller;
import org.alcance.web.Created;
import org.alcance.web.IdempotentResponses;
import org.alcance.web.Problem;
import org.alcance.web.Violations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Enrolment and withdrawal, each one write through the course: a seat while there is one, else the
 * waitlist; a withdrawal frees a seat for the first on the waitlist in the same write. The person's
 * data travels as the enrolment event's local write, never in the event itself, which names the person
 * by their pseudonymous person id only.
 */
@Service
class EnrolmentService {

    private final CourseStore store;
    private final CourseService courses;
    private final Participants participants;
    private final PersonKeys people;
    private final Outbox outbox;
    private final Clock clock;

    EnrolmentService(CourseStore store, CourseService courses, Participants participants, PersonKeys people,
            Outbox outbox, Clock clock) {
        this.store = store;
        this.courses = courses;
        this.participants = participants;
        this.people = people;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An enrolment, and whether this request made it (or, in a dry run, would) or found it made before. */

    /** From the office's own reference for the person when there is one, else from the idempotency key. */
    static String participantId(String courseId, String clientReference, String idempotencyKey) {
        return IdempotentResponses.entityId(courseId + "|participant", clientReference, courseId + "|enrolment",
                idempotencyKey);
    }

    /**
     * Enrols the person once: the person id is settled first, from the reference or the email (checked, on a
     * course the caller may change, so that no request refused claims a key), then the course is written with it.
     * A dry run claims nothing and names no person.
     */
    Mono<Created<EnrolmentView>> enrol(Caller caller, String courseId, ParticipantRequests.Enrol request, String participantId,
            boolean dryRun) {
        return courses.readable(caller, courseId).flatMap(read -> {
            CourseService.requireOpen(caller, read);
            if (read.enrolment(participantId).isPresent()) {
                return existing(read, participantId);
            }
            ParticipantRules.Checked checked = ParticipantRules.check(request);
            if (dryRun) {
                Decision decision = decide(read, request, checked, participantId, null);
                return Mono.just(new Created<>(EnrolmentView.of(read, decision.enrolment(), decision.participant(),
                        false), true));
            }
            return people.personOf(read.office(), request.personReference(), request.email())
                    .flatMap(personId -> store.append(courseId, course -> {
                        CourseService.requireOpen(caller, course);
                        if (course.enrolment(participantId).isPresent()) {
                            throw new AlreadyEnrolled(course);
                        }
                        Decision decision = decide(course, request, checked, participantId, personId);
                        ParticipantEnrolled enrolled = new ParticipantEnrolled(courseId, course.office(), participantId,
                                personId, decision.enrolment().profile(),
                                EnrolmentStatus.valueOf(decision.enrolment().state().name()));
                        OutboxEvent event = outbox.entry(enrolled, course.sequence() + 1,
                                participants.write(decision.participant()));
                        return new CourseStore.Append(Update.update("enrolments",
                                course.enrolmentsWith(decision.enrolment())), List.of(event));
                    }))
                    .flatMap(course -> participants.settle(course, participantId).then(existing(course, participantId))
                            .map(existing -> new Created<>(existing.entity(), true)))
                    .onErrorResume(AlreadyEnrolled.class, already -> existing(already.course, participantId));
        });
    }

    private record Decision(Participant participant, Course.Enrolment enrolment) {
    }

    private Decision decide(Course course, ParticipantRequests.Enrol request, ParticipantRules.Checked checked,
            String participantId, String personId) {
        Instant now = clock.instant();
        Course.EnrolmentState state = course.enrolled() < course.details().capacity() ? Course.EnrolmentState.ENROLLED
                : Course.EnrolmentState.WAITLISTED;
        Participant participant = new Participant(participantId, course.id(), course.office(), 1, checked.person(),
                checked.profile(), request.clientReference(), request.personReference(), personId, now, null);
        return new Decision(participant, new Course.Enrolment(participantId, state, checked.profile(), now, null, null,
                null, null));
    }

    private Mono<Created<EnrolmentView>> existing(Course course, String participantId) {
        Course.Enrolment enrolment = course.enrolment(participantId).orElseThrow();
        return participants.latest(course, participantId)
                .map(participant -> EnrolmentView.of(course, enrolment, participant, false))
                .defaultIfEmpty(EnrolmentView.of(course, enrolment, null, false))
                .map(view -> new Created<>(view, false));
    }

    /** Withdraws an enrolled or waitlisted participant; a freed seat goes to the first on the waitlist. */
    Mono<EnrolmentView> withdraw(Caller caller, String courseId, String participantId,
            ParticipantRequests.Withdraw request) {
        String reason = request == null ? null : request.reason();
        return Mono.defer(() -> {
            new Violations().optionalText(reason, "reason", 1_000).throwIfAny();
            return store.append(courseId, course -> {
                CourseService.requireOpen(caller, course);
                Course.Enrolment enrolment = course.enrolment(participantId)
                        .orElseThrow(() -> Problem.notFound("Participant " + participantId + " of this course"));
                if (enrolment.state() == Course.EnrolmentState.WITHDRAWN) {
                    throw Problem.conflict("Participant " + participantId + " has already withdrawn");
                }
                List<DomainEvent> events = new ArrayList<>();
                events.add(new ParticipantWithdrawn(courseId, course.office(), participantId, reason));
                List<Course.Enrolment> enrolments = new ArrayList<>(
                        course.enrolmentsWith(enrolment.withState(Course.EnrolmentState.WITHDRAWN)));
                for (String promoted : course.promotable(enrolments, course.details().capacity())) {
                    enrolments = CourseService.promote(course, enrolments, promoted, events);
                }
                return new CourseStore.Append(Update.update("enrolments", enrolments),
                        outbox.entries(events, course.sequence()));
            });
        }).flatMap(course -> existing(course, participantId)).map(Created::entity);
    }

    /** The course's people in enrolment order; names only for the course's own office. */
    Flux<EnrolmentView> roster(Caller caller, String courseId) {
        return courses.readable(caller, courseId).flatMapMany(course -> {
            boolean withNames = caller.writesFor(course.office());
            List<String> ids = course.enrolments().stream().map(Course.Enrolment::participantId).toList();
            return participants.latest(course, ids).flatMapIterable(people -> course.enrolments().stream()
                    .map(e -> EnrolmentView.of(course, e, people.get(e.participantId()), withNames)).toList());
        });
    }

    Mono<EnrolmentView> get(Caller caller, String courseId, String participantId) {
        return courses.readable(caller, courseId).flatMap(course -> course.enrolment(participantId).isEmpty()
                ? Mono.error(Problem.notFound("Participant " + participantId + " of this course"))
                : participants.latest(course, participantId).map(p -> EnrolmentView.of(course,
                                course.enrolment(participantId).get(), p, caller.writesFor(course.office())))
                        .defaultIfEmpty(EnrolmentView.of(course, course.enrolment(participantId).get(), null, false)));
    }

    /** The participant is enrolled already: enrolling them again changes nothing. */
    private static final class AlreadyEnrolled extends RuntimeException {

        private final transient Course course;

        AlreadyEnrolled(Course course) {
            super("already enrolled", null, false, false);
            this.course = course;
        }
    }
}
