package org.alcance.training.participant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alcance.events.DomainEvent;
import org.alcance.events.training.AssessmentKind;
import org.alcance.events.training.AssessmentRecorded;
import org.alcance.events.training.AttendanceRecorded;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.SessionHeld;
import org.alcance.outbox.Outbox;
import org.alcance.training.course.Course;
import org.alcance.training.course.CourseService;
import org.alcance.training.course.CourseStatus;
import org.alcance.training.course.CourseStore;
import org.alcance.training.period.PeriodLocks;
import org.alcance.web.ApprovedPeriods;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
import org.alcance.web.Violations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Attendance per session and assessment scores, for enrolled participants only, each request one
 * write through the course. What is recorded again unchanged publishes nothing. A session is
 * announced as held when its attendance is first taken, which is possible from its date on.
 */
@Service
class AttendanceService {

    private static final int MAX_RECORDS = 1_000;

    private final CourseStore store;
    private final CourseService courses;
    private final Outbox outbox;
    private final PeriodLocks locks;

    AttendanceService(CourseStore store, CourseService courses, Outbox outbox, PeriodLocks locks) {
        this.store = store;
        this.courses = courses;
        this.outbox = outbox;
        this.locks = locks;
    }

    /** A session's attendance after a request, and whose attendance the request changed. */
    record Recorded(SessionAttendance attendance, Set<String> changed) {
    }

    record SessionAttendance(String sessionId, java.time.LocalDate date, List<ParticipantRequests.Mark> records) {

        static SessionAttendance of(Course course, Course.Session session) {
            return new SessionAttendance(session.id(), session.date(), course.enrolments().stream()
                    .filter(e -> e.attendance().containsKey(session.id()))
                    .map(e -> new ParticipantRequests.Mark(e.participantId(), e.attendance().get(session.id()).name()))
                    .toList());
        }
    }

    Mono<Recorded> record(Caller caller, String courseId, String sessionId, ParticipantRequests.Attendance request,
            boolean dryRun) {
        Set<String> changed = new HashSet<>();
        return locks.of(caller.office()).flatMap(locked -> {
            if (dryRun) {
                return courses.readable(caller, courseId).map(course -> {
                    decideAttendance(caller, course, sessionId, request, changed, locked);
                    return new Recorded(SessionAttendance.of(course, course.session(sessionId).orElseThrow()), changed);
                });
            }
            return store.append(courseId, course -> {
                changed.clear();
                return decideAttendance(caller, course, sessionId, request, changed, locked);
            }).map(course -> new Recorded(SessionAttendance.of(course, course.session(sessionId).orElseThrow()),
                    Set.copyOf(changed)));
        });
    }

    Mono<SessionAttendance> attendance(Caller caller, String courseId, String sessionId) {
        return courses.readable(caller, courseId).map(course -> SessionAttendance.of(course, course.session(sessionId)
                .orElseThrow(() -> Problem.notFound("Session " + sessionId))));
    }

    private CourseStore.Append decideAttendance(Caller caller, Course course, String sessionId,
            ParticipantRequests.Attendance request, Set<String> changed, ApprovedPeriods locked) {
        CourseService.requireWriter(caller, course);
        Course.Session session = course.session(sessionId).orElseThrow(() -> Problem.notFound("Session " + sessionId));
        locked.requireOpen(session.date(), "sessionId");
        if (course.status() != CourseStatus.IN_PROGRESS) {
            throw Problem.conflict("Attendance is taken while a course is IN_PROGRESS; this one is " + course.status());
        }
        if (session.date().isAfter(courses.latestToday())) {
            throw Problem.conflict("Session " + sessionId + " is on " + session.date()
                    + "; its attendance can be taken on or after that date");
        }
        List<ParticipantRequests.Mark> marks = request == null ? null : request.records();
        Violations violations = new Violations().required(marks, "records");
        if (marks != null) {
            violations.check(!marks.isEmpty() && marks.size() <= MAX_RECORDS, "records",
                    "must have 1 to " + MAX_RECORDS + " records");
            for (int i = 0; i < marks.size(); i++) {
                ParticipantRequests.Mark mark = marks.get(i);
                violations.required(mark, "records[" + i + "]");
                if (mark != null) {
                    enrolled(course, mark.participantId(), "records[" + i + "].participantId", violations);
                    violations.required(mark.status(), "records[" + i + "].status")
                            .within(mark.status(), ParticipantRules.names(AttendanceStatus.values()),
                                    "records[" + i + "].status");
                }
            }
            violations.unique(marks, mark -> mark == null ? null : mark.participantId(), "records", ".participantId");
        }
        violations.throwIfAny();
        List<DomainEvent> events = new ArrayList<>();
        Update changes = new Update();
        if (!course.heldSessions().contains(sessionId)) {
            events.add(new SessionHeld(course.id(), course.office(), sessionId, session.date(), session.title(),
                    session.durationMinutes()));
            List<String> held = new ArrayList<>(course.heldSessions());
            held.add(sessionId);
            changes.set("heldSessions", held);
        }
        List<Course.Enrolment> enrolments = course.enrolments();
        for (ParticipantRequests.Mark mark : marks) {
            AttendanceStatus status = AttendanceStatus.valueOf(mark.status());
            Course.Enrolment enrolment = enrolments.stream()
                    .filter(e -> e.participantId().equals(mark.participantId())).findFirst().orElseThrow();
            if (enrolment.attendance().get(sessionId) != status) {
                changed.add(mark.participantId());
                enrolments = replace(enrolments, enrolment.withAttendance(sessionId, status));
                events.add(new AttendanceRecorded(course.id(), course.office(), sessionId, mark.participantId(), status));
            }
        }
        if (!changed.isEmpty()) {
            changes.set("enrolments", enrolments);
        }
        return new CourseStore.Append(changes, outbox.entries(events, course.sequence()));
    }

    Mono<Recorded> assess(Caller caller, String courseId, ParticipantRequests.Assessments request) {
        Set<String> changed = new HashSet<>();
        return store.append(courseId, course -> {
            changed.clear();
            CourseService.requireOpen(caller, course);
            List<ParticipantRequests.Score> scores = request == null ? null : request.records();
            Violations violations = new Violations().required(scores, "records");
            if (scores != null) {
                violations.check(!scores.isEmpty() && scores.size() <= MAX_RECORDS, "records",
                        "must have 1 to " + MAX_RECORDS + " records");
                for (int i = 0; i < scores.size(); i++) {
                    ParticipantRequests.Score score = scores.get(i);
                    violations.required(score, "records[" + i + "]");
                    if (score != null) {
                        enrolled(course, score.participantId(), "records[" + i + "].participantId", violations);
                        violations.required(score.kind(), "records[" + i + "].kind")
                                .within(score.kind(), ParticipantRules.names(AssessmentKind.values()), "records[" + i + "].kind")
                                .required(score.score(), "records[" + i + "].score")
                                .check(score.score() == null || (score.score() >= 0 && score.score() <= 100),
                                        "records[" + i + "].score", "must be a whole number from 0 to 100");
                    }
                }
                violations.unique(scores, s -> s == null ? null : s.participantId() + "|" + s.kind(), "records",
                        ".kind");
            }
            violations.throwIfAny();
            List<DomainEvent> events = new ArrayList<>();
            List<Course.Enrolment> enrolments = course.enrolments();
            for (ParticipantRequests.Score score : scores) {
                AssessmentKind kind = AssessmentKind.valueOf(score.kind());
                Course.Enrolment e = enrolments.stream()
                        .filter(x -> x.participantId().equals(score.participantId())).findFirst().orElseThrow();
                Integer was = kind == AssessmentKind.PRE ? e.preScore() : e.postScore();
                if (!score.score().equals(was)) {
                    changed.add(score.participantId());
                    enrolments = replace(enrolments, kind == AssessmentKind.PRE ? e.withScores(score.score(), e.postScore())
                            : e.withScores(e.preScore(), score.score()));
                    events.add(new AssessmentRecorded(course.id(), course.office(), score.participantId(), kind,
                            score.score()));
                }
            }
            Update changes = changed.isEmpty() ? new Update() : Update.update("enrolments", enrolments);
            return new CourseStore.Append(changes, outbox.entries(events, course.sequence()));
        }).map(course -> new Recorded(null, Set.copyOf(changed)));
    }

    private static void enrolled(Course course, String participantId, String field, Violations violations) {
        if (participantId == null) {
            violations.required(null, field);
            return;
        }
        violations.check(course.enrolment(participantId).filter(e -> e.state() == Course.EnrolmentState.ENROLLED)
                .isPresent(), field, "is not a participant enrolled in this course");
    }

    private static List<Course.Enrolment> replace(List<Course.Enrolment> enrolments, Course.Enrolment changed) {
        List<Course.Enrolment> next = new ArrayList<>(enrolments);
        next.replaceAll(e -> e.participantId().equals(changed.participantId()) ? changed : e);
        return next;
    }
}
