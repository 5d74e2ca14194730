package org.alcance.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.alcance.events.campaign.CampaignCancelled;
import org.alcance.events.campaign.CampaignCompleted;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.CampaignLaunched;
import org.alcance.events.campaign.CampaignRevised;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.campaign.ProgressRetracted;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.events.period.ReportingScheduleSet;
import org.alcance.events.training.AssessmentRecorded;
import org.alcance.events.training.AttendanceRecorded;
import org.alcance.events.training.CourseCancelled;
import org.alcance.events.training.CourseCompleted;
import org.alcance.events.training.CourseRevised;
import org.alcance.events.training.CourseScheduled;
import org.alcance.events.training.CourseStarted;
import org.alcance.events.training.ParticipantCompleted;
import org.alcance.events.training.ParticipantEnrolled;
import org.alcance.events.training.ParticipantPromoted;
import org.alcance.events.training.ParticipantWithdrawn;
import org.alcance.events.training.SessionHeld;
import org.alcance.events.vocabulary.VocabularyEntrySet;

/**
 * The catalogue of CloudEvents type strings. An explicit map, so renaming or moving a Java class never changes
 * what is on the wire. A breaking change (of the payload, or of what the envelope's subject and sequence mean)
 * gets a new type (…v2) next to the old one, which stays readable: a class is written under its current type
 * and read under both.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends DomainEvent>> CLASS_BY_TYPE;
    private static final Map<Class<? extends DomainEvent>, String> TYPE_BY_CLASS;
    private static final Set<String> EARLIER;

    static {
        Map<String, Class<? extends DomainEvent>> m = new LinkedHashMap<>();
        register(m, CampaignCreated.TYPE, CampaignCreated.class);
        register(m, CampaignRevised.TYPE, CampaignRevised.class);
        register(m, CampaignLaunched.TYPE, CampaignLaunched.class);
        register(m, CampaignCompleted.TYPE, CampaignCompleted.class);
        register(m, CampaignCancelled.TYPE, CampaignCancelled.class);
        register(m, ProgressReported.TYPE, ProgressReported.class);
        register(m, ProgressCorrected.TYPE, ProgressCorrected.class);
        register(m, ProgressRetracted.TYPE, ProgressRetracted.class);
        register(m, ReportingScheduleSet.TYPE, ReportingScheduleSet.class);
        register(m, PeriodStatusChanged.TYPE, PeriodStatusChanged.class);
        register(m, VocabularyEntrySet.TYPE, VocabularyEntrySet.class);
        register(m, CourseScheduled.TYPE, CourseScheduled.class);
        register(m, CourseRevised.TYPE, CourseRevised.class);
        register(m, CourseStarted.TYPE, CourseStarted.class);
        register(m, CourseCancelled.TYPE, CourseCancelled.class);
        register(m, CourseCompleted.TYPE, CourseCompleted.class);
        register(m, SessionHeld.TYPE, SessionHeld.class);
        register(m, ParticipantEnrolled.TYPE, ParticipantEnrolled.class);
        register(m, ParticipantPromoted.TYPE, ParticipantPromoted.class);
        register(m, ParticipantWithdrawn.TYPE, ParticipantWithdrawn.class);
        register(m, AttendanceRecorded.TYPE, AttendanceRecorded.class);
        register(m, AssessmentRecorded.TYPE, AssessmentRecorded.class);
        register(m, ParticipantCompleted.TYPE, ParticipantCompleted.class);
        // read only: progress events published before they took the update as their subject, and completions
        // published with the certificate's code (their subject, the course, is unchanged)
        Set<String> earlier = new LinkedHashSet<>(List.of(ProgressReported.TYPE_V1, ProgressCorrected.TYPE_V1,
                ProgressRetracted.TYPE_V1, ParticipantCompleted.TYPE_V1));
        register(m, ProgressReported.TYPE_V1, ProgressReported.class);
        register(m, ProgressCorrected.TYPE_V1, ProgressCorrected.class);
        register(m, ProgressRetracted.TYPE_V1, ProgressRetracted.class);
        register(m, ParticipantCompleted.TYPE_V1, ParticipantCompleted.class);

        Map<Class<? extends DomainEvent>, String> reverse = new LinkedHashMap<>();
        m.forEach((type, cls) -> {
            if (!earlier.contains(type) && reverse.put(cls, type) != null) {
                throw new IllegalStateException(cls.getName() + " is catalogued twice");
            }
        });
        CLASS_BY_TYPE = Collections.unmodifiableMap(m);
        TYPE_BY_CLASS = Collections.unmodifiableMap(reverse);
        EARLIER = Collections.unmodifiableSet(earlier);
    }

    private EventTypes() {
    }

    // Fails class initialisation on a copy-pasted type string instead of silently shadowing a class.
    private static void register(Map<String, Class<? extends DomainEvent>> m, String type,
                                 Class<? extends DomainEvent> cls) {
        if (m.putIfAbsent(type, cls) != null) {
            throw new IllegalStateException("Event type " + type + " is used by " + m.get(type).getName()
                    + " and " + cls.getName());
        }
    }

    public static String typeOf(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        return typeOf(event.getClass());
    }

    public static String typeOf(Class<? extends DomainEvent> eventClass) {
        String type = TYPE_BY_CLASS.get(eventClass);
        if (type == null) {
            throw new UnknownEventTypeException("No event type catalogued for class " + eventClass);
        }
        return type;
    }

    /** @throws UnknownEventTypeException if the type is not catalogued (e.g. a newer version than this build) */
    public static Class<? extends DomainEvent> classOf(String type) {
        Class<? extends DomainEvent> cls = type == null ? null : CLASS_BY_TYPE.get(type);
        if (cls == null) {
            throw new UnknownEventTypeException("Unknown event type '" + type + "'");
        }
        return cls;
    }

    /**
     * The subject an event read under {@code type} must carry: the payload's own, or for an earlier version
     * whose events were numbered in their aggregate's sequence, the aggregate's id.
     */
    public static String subjectOf(String type, DomainEvent event) {
        return EARLIER.contains(type) ? event.aggregateId() : event.subject();
    }

    public static boolean isKnown(String type) {
        return type != null && CLASS_BY_TYPE.containsKey(type);
    }

    /** The earlier versions among {@link #all()}: read, no longer written. */
    public static Set<String> earlier() {
        return EARLIER;
    }

    /** All catalogued type strings, in a stable order. */
    public static Set<String> all() {
        return CLASS_BY_TYPE.keySet();
    }
}
