package org.alcance.training.course;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.CompletionRule;
import org.alcance.events.training.ParticipantTarget;
import org.alcance.events.training.CourseFormat;
import org.alcance.events.training.ParticipantProfile;
import org.alcance.outbox.Aggregate;
import org.alcance.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A course with its sessions and enrolments, and the events it has not yet published. Enrolments
 * carry only the pseudonymous participant id and profile; personal data lives in the participants'
 * own documents. {@code version} is the ETag; {@code sequence} numbers every event of the course.
 *
 * @param illustrative sample data made to show the figures, set when scheduled and never revised; false for a
 *     course stored before the flag
 * @param heldSessions sessions whose attendance has been taken, in the order they were first taken
 */
@Document("courses")
public record Course(
        @Id String id,
        String office,
        Details details,
        Boolean illustrative,
        CourseStatus status,
        long version,
        long sequence,
        Instant createdAt,
        String createdBy,
        Instant changedAt,
        List<Session> sessions,
        List<String> heldSessions,
        List<Enrolment> enrolments,
        List<OutboxEvent> outbox) implements Aggregate {

    public Course {
        illustrative = Boolean.TRUE.equals(illustrative);
        sessions = sessions == null ? List.of() : sessions;
        heldSessions = heldSessions == null ? List.of() : heldSessions;
        enrolments = enrolments == null ? List.of() : enrolments;
        outbox = outbox == null ? List.of() : outbox;
    }

    /** What a field office describes and may revise. */
    public record Details(String title, List<String> topics, CourseFormat format, String venue, List<String> partners,
            List<String> presenters, List<String> targetAudiences, LocalDate startDate, LocalDate endDate, int capacity,
            CompletionRule completionRule, List<ParticipantTarget> targets) {

        public Details {
            targets = targets == null ? List.of() : targets;
        }
    }

    public record Session(String id, LocalDate date, String title, int durationMinutes) {
    }

    public enum EnrolmentState { ENROLLED, WAITLISTED, WITHDRAWN }

    /**
     * One participant's place in the course, in enrolment order (the waitlist's order too).
     *
     * @param attendance session id to what was recorded for the participant
     * @param completion set when the course completed and the participant met its rule
     */
    public record Enrolment(String participantId, EnrolmentState state, ParticipantProfile profile, Instant enrolledAt,
            Map<String, AttendanceStatus> attendance, Integer preScore, Integer postScore, Completion completion) {

        public Enrolment {
            attendance = attendance == null ? Map.of() : attendance;
        }

        public Enrolment withState(EnrolmentState next) {
            return new Enrolment(participantId, next, profile, enrolledAt, attendance, preScore, postScore, completion);
        }

        public Enrolment withAttendance(String sessionId, AttendanceStatus status) {
            Map<String, AttendanceStatus> next = new java.util.LinkedHashMap<>(attendance);
            next.put(sessionId, status);
            return new Enrolment(participantId, state, profile, enrolledAt, next, preScore, postScore, completion);
        }

        public Enrolment withScores(Integer pre, Integer post) {
            return new Enrolment(participantId, state, profile, enrolledAt, attendance, pre, post, completion);
        }

        Enrolment withCompletion(Completion done) {
            return new Enrolment(participantId, state, profile, enrolledAt, attendance, preScore, postScore, done);
        }
    }

    /** The participant met the course's rule; the certificate's code verifies it. */
    public record Completion(double attendanceShare, String certificateCode, LocalDate completedOn) {
    }

    public Optional<Enrolment> enrolment(String participantId) {
        return enrolments.stream().filter(e -> e.participantId().equals(participantId)).findFirst();
    }

    public Optional<Session> session(String sessionId) {
        return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst();
    }

    public long enrolled() {
        return enrolments.stream().filter(e -> e.state() == EnrolmentState.ENROLLED).count();
    }

    /** The enrolments with {@code changed} in place of the one of the same participant, or added last. */
    public List<Enrolment> enrolmentsWith(Enrolment changed) {
        List<Enrolment> next = new ArrayList<>(enrolments);
        int at = next.stream().map(Enrolment::participantId).toList().indexOf(changed.participantId());
        if (at < 0) {
            next.add(changed);
        } else {
            next.set(at, changed);
        }
        return next;
    }

    /** Who moves up from the waitlist, first come first served, into the seats {@code capacity} leaves free. */
    public List<String> promotable(List<Enrolment> enrolments, int capacity) {
        long taken = enrolments.stream().filter(e -> e.state() == EnrolmentState.ENROLLED).count();
        return enrolments.stream().filter(e -> e.state() == EnrolmentState.WAITLISTED)
                .limit(Math.max(0, capacity - taken)).map(Enrolment::participantId).toList();
    }
}
