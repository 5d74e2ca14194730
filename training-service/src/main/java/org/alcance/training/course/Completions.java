package org.alcance.training.course;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.CompletionRule;
import org.alcance.events.training.ParticipantCompleted;

/**
 * Who completes a course when it completes, by its rule: enrolled, present (or late) at least at the
 * rule's share of the sessions held (those whose attendance was taken), and, if the rule says so,
 * with at least its post-assessment score. Each of them gets a certificate code.
 */
final class Completions {

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 26; // 26 × log2(32) = 130 bits
    private static final SecureRandom RANDOM = new SecureRandom();

    private Completions() {
    }

    record Decided(List<Course.Enrolment> enrolments, List<ParticipantCompleted> events) {
    }

    static Decided decide(Course course, LocalDate completedOn) {
        CompletionRule rule = course.details().completionRule();
        List<Course.Enrolment> enrolments = new ArrayList<>();
        List<ParticipantCompleted> events = new ArrayList<>();
        for (Course.Enrolment enrolment : course.enrolments()) {
            double share = attendanceShare(course, enrolment);
            boolean scored = rule.minPostScore() == null
                    || (enrolment.postScore() != null && enrolment.postScore() >= rule.minPostScore());
            if (enrolment.state() == Course.EnrolmentState.ENROLLED && enrolment.completion() == null
                    && share >= rule.minAttendanceShare() && scored) {
                String code = certificateCode(course.office(), completedOn);
                enrolments.add(enrolment.withCompletion(new Course.Completion(share, code, completedOn)));
                events.add(new ParticipantCompleted(course.id(), course.office(), enrolment.participantId(), share,
                        enrolment.postScore()));
            } else {
                enrolments.add(enrolment);
            }
        }
        return new Decided(enrolments, events);
    }

    /** Sessions attended (present or late) out of the sessions held; none held means none attended. */
    static double attendanceShare(Course course, Course.Enrolment enrolment) {
        if (course.heldSessions().isEmpty()) {
            return 0;
        }
        long attended = course.heldSessions().stream().map(enrolment.attendance()::get)
                .filter(status -> status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE).count();
        return (double) attended / course.heldSessions().size();
    }

    /**
     * Not to be guessed, since anyone holding it may verify the certificate: office, year and 130 random bits, as
     * 26 characters of an alphabet of 32 without the look-alikes 0, O, 1 and I, in groups of five and one.
     */
    static String certificateCode(String office, LocalDate on) {
        StringBuilder code = new StringBuilder(office).append('-').append(on.getYear());
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(i % 5 == 0 ? "-" : "").append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
