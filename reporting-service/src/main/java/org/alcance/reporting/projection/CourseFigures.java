package org.alcance.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alcance.events.training.AssessmentKind;
import org.alcance.events.training.AssessmentRecorded;
import org.alcance.events.training.AttendanceRecorded;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.CourseCancelled;
import org.alcance.events.training.CourseCompleted;
import org.alcance.events.training.CourseFormat;
import org.alcance.events.training.CourseRevised;
import org.alcance.events.training.CourseScheduled;
import org.alcance.events.training.CourseStarted;
import org.alcance.events.training.ParticipantCompleted;
import org.alcance.events.training.ParticipantEnrolled;
import org.alcance.events.training.ParticipantProfile;
import org.alcance.events.training.ParticipantTarget;
import org.alcance.events.training.ParticipantPromoted;
import org.alcance.events.training.ParticipantWithdrawn;
import org.alcance.events.training.SessionHeld;
import org.alcance.events.training.TrainingEvent;

/**
 * The read model of one course, rebuilt exactly from its events. {@code participants} (pseudonymous ids with
 * the profile reports disaggregate by) and {@code sessions} are the source; every count, mean and cell is
 * derived from them again on every change.
 *
 * <p>Counts: {@code enrolled}, {@code waitlisted} and {@code withdrawn} are participants by their current
 * enrolment status; {@code attendedSessions} counts participant-sessions marked PRESENT or LATE;
 * {@code participantsAttended} counts participants present (or late) at least once; {@code completed} counts
 * participants who completed; {@code completionRate} is completed / (enrolled + withdrawn) — everyone who
 * held a place — or null when nobody did. {@code people} names the persons behind those counts, for figures
 * across courses to count each person once (docs/architecture.md, "People counted once"). {@code illustrative}:
 * the course was scheduled as sample data (false until that was applied, and for documents stored before the flag).
 */
public record CourseFigures(
        String id,
        String office,
        Boolean illustrative,
        String title,
        List<String> topics,
        String format,
        String venue,
        List<String> targetAudiences,
        String startDate,
        String endDate,
        int capacity,
        String status,
        long sequence,
        long version,
        Instant asOf,
        long gaps,
        Map<String, Participant> participants,
        Map<String, Session> sessions,
        long sessionsHeld,
        long enrolled,
        long waitlisted,
        long withdrawn,
        long attendedSessions,
        long participantsAttended,
        long completed,
        Double completionRate,
        Double meanPreScore,
        Double meanPostScore,
        List<Cell> cells,
        People people,
        List<Target> targets) implements Figures {

    public static final String SCHEDULED = "SCHEDULED";
    /** As training-service names it: one vocabulary for a course's status in every service's answers. */
    public static final String IN_PROGRESS = "IN_PROGRESS";
    /** What read models stored for IN_PROGRESS before; read as IN_PROGRESS, so no rebuild is needed. */
    private static final String STORED_BEFORE_AS_STARTED = "STARTED";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";
    public static final String ENROLLED = "ENROLLED";
    public static final String WAITLISTED = "WAITLISTED";
    public static final String WITHDRAWN = "WITHDRAWN";
    /** The profile of a participant whose enrolment event was not seen (dead-lettered). */
    public static final String UNKNOWN = "UNKNOWN";
    /** Before the participant's id, the person of a participant whose enrolment named none: one of their own. */
    static final String PARTICIPANT_AS_PERSON = "participant:";

    /** {@code personId} as the enrolment named it; null if it named none or was not seen. */
    public record Participant(String personId, String sex, String ageGroup, String organisationType, String country,
                              String enrolment, Map<String, String> attendance, Integer preScore,
                              Integer postScore, boolean completed) {

        public Participant {
            attendance = attendance == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attendance));
        }

        long sessionsAttended() {
            return attendance.values().stream().filter(CourseFigures::attended).count();
        }

        Participant with(String enrolment) {
            return new Participant(personId, sex, ageGroup, organisationType, country, enrolment, attendance,
                    preScore, postScore, completed);
        }
    }

    /**
     * The course's people, each once however many of its participants they are: enrolled now, present (or late)
     * at least once, completed, as the {@code participants} say. A person is their person id, or for a participant
     * whose enrolment named none (published before enrolments did), the participant. Sorted, so a replay stores
     * the very same lists; kept in memory where the participants are not.
     */
    public record People(List<String> enrolled, List<String> attended, List<String> completed) {

        public People {
            enrolled = enrolled == null ? List.of() : List.copyOf(enrolled);
            attended = attended == null ? List.of() : List.copyOf(attended);
            completed = completed == null ? List.of() : List.copyOf(completed);
        }
    }

    public record Session(String date, String title, int durationMinutes) {
    }

    /**
     * Participants by profile: enrolled now, present at least once, completed. {@code country} is the participants'
     * (ISO 3166-1 alpha-2, or UNKNOWN with the rest of an unseen profile); null in cells stored before cells kept it.
     */
    public record Cell(String sex, String ageGroup, String organisationType, String country, long enrolled,
                       long attended, long completed) {
    }

    public CourseFigures {
        illustrative = Boolean.TRUE.equals(illustrative);
        status = STORED_BEFORE_AS_STARTED.equals(status) ? IN_PROGRESS : status;
        topics = topics == null ? List.of() : List.copyOf(topics);
        targetAudiences = targetAudiences == null ? List.of() : List.copyOf(targetAudiences);
        participants = participants == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(participants));
        sessions = sessions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sessions));
        cells = cells == null ? List.of() : List.copyOf(cells);
        people = people == null ? new People(List.of(), List.of(), List.of()) : people;
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** Participants the course aims to train: of an organisation type, a sex, both, or everyone (both null). */
    public record Target(String organisationType, String sex, long participants) {

        /** Whether a participant of this profile counts towards the target. */
        public boolean covers(String organisationType, String sex) {
            return (this.organisationType == null || this.organisationType.equals(organisationType))
                    && (this.sex == null || this.sex.equals(sex));
        }
    }

    /** Whether the course is shown in figures of an office (any if null) and topic (any if null). */
    public boolean inScope(String office, String topic) {
        return seen() && (office == null || office.equals(this.office)) && (topic == null || topics.contains(topic));
    }

    public static CourseFigures empty(String courseId) {
        return new CourseFigures(courseId, null, false, null, List.of(), null, null, List.of(), null, null, 0, null, 0, 0,
                null, 0, Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, 0, null, null, null, List.of(), null, List.of());
    }

    /** The same figures without the participants they were derived from: what every summary needs. */
    public CourseFigures withoutParticipants() {
        return new CourseFigures(id, office, illustrative, title, topics, format, venue, targetAudiences, startDate, endDate,
                capacity, status, sequence, version, asOf, gaps, Map.of(), sessions, sessionsHeld, enrolled, waitlisted,
                withdrawn, attendedSessions, participantsAttended, completed, completionRate, meanPreScore,
                meanPostScore, cells, people, targets);
    }

    /** Like {@link CampaignFigures#apply}: duplicates change nothing, a gap is applied and reported. */
    public Step<CourseFigures> apply(TrainingEvent event, long sequence, Instant time) {
        if (!Sequencing.isNew("course", id, event.courseId(), office, event.office(), this.sequence, sequence)) {
            return Step.duplicate(this);
        }
        Builder next = new Builder(this);
        next.office = event.office();
        next.sequence = sequence;
        next.version = version + 1;
        next.asOf = Sequencing.asOf(asOf, time);
        next.gaps = Sequencing.gaps(gaps, this.sequence, sequence);
        if (event instanceof CourseScheduled e) {
            next.details(e.title(), e.topics(), e.format(), e.venue(), e.targetAudiences(), e.startDate(),
                    e.endDate(), e.capacity(), e.targets());
            next.illustrative = e.illustrative();
            if (next.status == null) {
                next.status = SCHEDULED;
            }
        } else if (event instanceof CourseRevised e) {
            next.details(e.title(), e.topics(), e.format(), e.venue(), e.targetAudiences(), e.startDate(),
                    e.endDate(), e.capacity(), e.targets());
        } else if (event instanceof CourseStarted) {
            next.status = IN_PROGRESS;
        } else if (event instanceof CourseCompleted) {
            next.status = COMPLETED;
        } else if (event instanceof CourseCancelled) {
            next.status = CANCELLED;
        } else if (event instanceof SessionHeld e) {
            next.sessions.put(e.sessionId(), new Session(e.date().toString(), e.title(), e.durationMinutes()));
        } else if (event instanceof ParticipantEnrolled e) {
            next.enrol(e.participantId(), e.personId(), e.profile(), e.status().name());
        } else if (event instanceof ParticipantPromoted e) {
            next.participants.put(e.participantId(), next.participant(e.participantId()).with(ENROLLED));
        } else if (event instanceof ParticipantWithdrawn e) {
            next.participants.put(e.participantId(), next.participant(e.participantId()).with(WITHDRAWN));
        } else if (event instanceof AttendanceRecorded e) {
            next.attend(e.participantId(), e.sessionId(), e.status());
        } else if (event instanceof AssessmentRecorded e) {
            next.assess(e.participantId(), e.kind(), e.score());
        } else if (event instanceof ParticipantCompleted e) {
            next.complete(e.participantId(), e.postScore());
        }
        return Step.applied(next.build(), this.sequence, sequence);
    }

    static boolean attended(String attendance) {
        return AttendanceStatus.PRESENT.name().equals(attendance) || AttendanceStatus.LATE.name().equals(attendance);
    }

    private static final class Builder {
        private final String id;
        private String office;
        private boolean illustrative;
        private String title;
        private List<String> topics;
        private String format;
        private String venue;
        private List<String> targetAudiences;
        private String startDate;
        private String endDate;
        private int capacity;
        private List<Target> targets;
        private String status;
        private long sequence;
        private long version;
        private Instant asOf;
        private long gaps;
        private final Map<String, Participant> participants;
        private final Map<String, Session> sessions;

        Builder(CourseFigures f) {
            id = f.id;
            office = f.office;
            illustrative = f.illustrative;
            title = f.title;
            topics = f.topics;
            format = f.format;
            venue = f.venue;
            targetAudiences = f.targetAudiences;
            startDate = f.startDate;
            endDate = f.endDate;
            capacity = f.capacity;
            targets = f.targets;
            status = f.status;
            sequence = f.sequence;
            version = f.version;
            asOf = f.asOf;
            gaps = f.gaps;
            participants = new TreeMap<>(f.participants);
            sessions = new TreeMap<>(f.sessions);
        }

        void details(String title, List<String> topics, CourseFormat format, String venue,
                List<String> targetAudiences, LocalDate startDate, LocalDate endDate, int capacity,
                List<ParticipantTarget> targets) {
            this.title = title;
            this.topics = topics;
            this.format = format.name();
            this.venue = venue;
            this.targetAudiences = targetAudiences;
            this.startDate = startDate.toString();
            this.endDate = endDate.toString();
            this.capacity = capacity;
            this.targets = targets.stream().map(t -> new Target(
                    t.organisationType() == null ? null : t.organisationType().name(),
                    t.sex() == null ? null : t.sex().name(), t.participants())).toList();
        }

        // A participant first seen through a later event (the enrolment was dead-lettered) has an unknown profile.
        Participant participant(String participantId) {
            Participant p = participants.get(participantId);
            return p != null ? p
                    : new Participant(null, UNKNOWN, UNKNOWN, UNKNOWN, null, ENROLLED, Map.of(), null, null, false);
        }

        void enrol(String participantId, String personId, ParticipantProfile profile, String enrolment) {
            Participant p = participant(participantId);
            participants.put(participantId, new Participant(personId, profile.sex().name(), profile.ageGroup().name(),
                    profile.organisationType().name(), profile.country(), enrolment, p.attendance(), p.preScore(),
                    p.postScore(), p.completed()));
        }

        void attend(String participantId, String sessionId, AttendanceStatus attendance) {
            Participant p = participant(participantId);
            Map<String, String> sessionsOf = new TreeMap<>(p.attendance());
            sessionsOf.put(sessionId, attendance.name());
            participants.put(participantId, new Participant(p.personId(), p.sex(), p.ageGroup(), p.organisationType(),
                    p.country(), p.enrolment(), sessionsOf, p.preScore(), p.postScore(), p.completed()));
        }

        void assess(String participantId, AssessmentKind kind, int score) {
            Participant p = participant(participantId);
            participants.put(participantId, new Participant(p.personId(), p.sex(), p.ageGroup(), p.organisationType(),
                    p.country(), p.enrolment(), p.attendance(), kind == AssessmentKind.PRE ? Integer.valueOf(score)
                    : p.preScore(), kind == AssessmentKind.POST ? Integer.valueOf(score) : p.postScore(),
                    p.completed()));
        }

        // The completion event's post score fills in a post-test not recorded on its own.
        void complete(String participantId, Integer postScore) {
            Participant p = participant(participantId);
            participants.put(participantId, new Participant(p.personId(), p.sex(), p.ageGroup(), p.organisationType(),
                    p.country(), p.enrolment(), p.attendance(), p.preScore(),
                    p.postScore() != null ? p.postScore() : postScore, true));
        }

        CourseFigures build() {
            long enrolled = 0;
            long waitlisted = 0;
            long withdrawn = 0;
            long attendedSessions = 0;
            long participantsAttended = 0;
            long completed = 0;
            long preSum = 0;
            long preCount = 0;
            long postSum = 0;
            long postCount = 0;
            Map<List<String>, long[]> cube = new LinkedHashMap<>();
            Set<String> peopleEnrolled = new TreeSet<>();
            Set<String> peopleAttended = new TreeSet<>();
            Set<String> peopleCompleted = new TreeSet<>();
            for (Map.Entry<String, Participant> entry : participants.entrySet()) {
                Participant p = entry.getValue();
                String person = p.personId() != null ? p.personId() : PARTICIPANT_AS_PERSON + entry.getKey();
                boolean isEnrolled = ENROLLED.equals(p.enrolment());
                long sessionsAttended = p.sessionsAttended();
                enrolled += isEnrolled ? 1 : 0;
                waitlisted += WAITLISTED.equals(p.enrolment()) ? 1 : 0;
                withdrawn += WITHDRAWN.equals(p.enrolment()) ? 1 : 0;
                attendedSessions += sessionsAttended;
                participantsAttended += sessionsAttended > 0 ? 1 : 0;
                completed += p.completed() ? 1 : 0;
                if (p.preScore() != null) {
                    preSum += p.preScore();
                    preCount++;
                }
                if (p.postScore() != null) {
                    postSum += p.postScore();
                    postCount++;
                }
                long[] cell = cube.computeIfAbsent(List.of(p.sex(), p.ageGroup(), p.organisationType(),
                        p.country() == null ? UNKNOWN : p.country()), key -> new long[3]);
                cell[0] += isEnrolled ? 1 : 0;
                cell[1] += sessionsAttended > 0 ? 1 : 0;
                cell[2] += p.completed() ? 1 : 0;
                if (isEnrolled) {
                    peopleEnrolled.add(person);
                }
                if (sessionsAttended > 0) {
                    peopleAttended.add(person);
                }
                if (p.completed()) {
                    peopleCompleted.add(person);
                }
            }
            List<Cell> cells = new ArrayList<>();
            cube.forEach((key, c) -> cells.add(new Cell(key.get(0), key.get(1), key.get(2), key.get(3), c[0], c[1],
                    c[2])));
            cells.sort(Comparator.comparing(Cell::sex).thenComparing(Cell::ageGroup)
                    .thenComparing(Cell::organisationType).thenComparing(Cell::country));
            long placed = enrolled + withdrawn;
            return new CourseFigures(id, office, illustrative, title, topics, format, venue, targetAudiences, startDate, endDate,
                    capacity, status, sequence, version, asOf, gaps, participants, sessions, sessions.size(), enrolled,
                    waitlisted, withdrawn, attendedSessions, participantsAttended, completed,
                    placed == 0 ? null : ratio(completed, placed), preCount == 0 ? null : ratio(preSum, preCount),
                    postCount == 0 ? null : ratio(postSum, postCount), cells,
                    new People(List.copyOf(peopleEnrolled), List.copyOf(peopleAttended), List.copyOf(peopleCompleted)),
                    targets);
        }

        // Four decimals, so that a replay (and any JVM) gives the very same number.
        private static double ratio(long numerator, long denominator) {
            return java.math.BigDecimal.valueOf(numerator)
                    .divide(java.math.BigDecimal.valueOf(denominator), 4, java.math.RoundingMode.HALF_UP)
                    .doubleValue();
        }
    }
}
