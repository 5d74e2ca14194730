package org.alcance.training.participant;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.alcance.events.training.ParticipantProfile;
import org.alcance.training.course.Course;
import org.alcance.training.course.CourseStatus;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** A participant's own data: its export, its erasure, and certificate verification. */
@Service
class ParticipantService {

    private final Participants participants;
    private final PersonKeys people;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ParticipantService(Participants participants, PersonKeys people, ReactiveMongoTemplate mongo, Clock clock) {
        this.participants = participants;
        this.people = people;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Everything held about a participant, for the office to hand over on request. */
    record Export(String participantId, String personId, String clientReference, String personReference,
            Participant.Person person, ParticipantProfile profile, Instant enrolledAt, Instant erasedAt,
            CourseSummary course, EnrolmentView enrolment) {
    }

    record CourseSummary(String id, String office, String title, LocalDate startDate, LocalDate endDate,
            CourseStatus status) {
    }

    /** What a certificate's code shows to anyone: no more than the name, the course, the office and the date. */
    record Certificate(String name, String course, String office, LocalDate date) {
    }

    Mono<Export> export(Caller caller, String participantId) {
        return owned(caller, participantId).flatMap(course -> participants.latest(course, participantId)
                .map(p -> {
                    Course.Details d = course.details();
                    return new Export(p.id(), p.personId(), p.clientReference(), p.personReference(), p.person(),
                            p.profile(), p.enrolledAt(), p.erasedAt(),
                            new CourseSummary(course.id(), course.office(), d.title(), d.startDate(), d.endDate(),
                                    course.status()),
                            EnrolmentView.of(course, course.enrolment(participantId).orElseThrow(), p, true));
                }));
    }

    /**
     * Removes the person's data and keeps the pseudonymous record, so figures stay whole. Stores a
     * pending enrolment first, so that the relay cannot bring the data back: it never replaces a
     * newer revision. The email's key goes before the email, so that a retry after a failure in between
     * still knows which key to remove; the office's own references stay, as the record does.
     */
    Mono<Void> erase(Caller caller, String participantId) {
        return owned(caller, participantId)
                .flatMap(course -> Mono.defer(() -> participants.settle(course, participantId)
                        .switchIfEmpty(Mono.error(() -> Problem.notFound("Participant " + participantId)))
                        .flatMap(current -> current.erasedAt() != null ? Mono.just(current)
                                : people.forgetEmail(current)
                                        .then(participants.replace(current, current.erased(clock.instant())))
                                        .switchIfEmpty(Mono.error(new IllegalStateException("changed meanwhile")))))
                        .retryWhen(Retry.max(10).filter(IllegalStateException.class::isInstance)))
                .then();
    }

    Mono<Certificate> certificate(String code) {
        return mongo.findOne(Query.query(Criteria.where("enrolments.completion.certificateCode").is(code)), Course.class)
                .flatMap(course -> {
                    Course.Enrolment enrolment = course.enrolments().stream()
                            .filter(e -> e.completion() != null && code.equals(e.completion().certificateCode()))
                            .findFirst().orElseThrow();
                    return participants.latest(course, enrolment.participantId())
                            .filter(p -> p.person() != null)
                            .map(p -> new Certificate(p.person().name(), course.details().title(), course.office(),
                                    enrolment.completion().completedOn()));
                })
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Certificate " + code)));
    }

    /** The participant's course, if the caller's office holds the participant's data. */
    private Mono<Course> owned(Caller caller, String participantId) {
        return participants.courseOf(participantId)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Participant " + participantId)))
                .doOnNext(course -> caller.requireWriter(course.office(), "participant", participantId));
    }
}
