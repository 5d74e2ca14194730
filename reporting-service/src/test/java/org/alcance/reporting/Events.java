package org.alcance.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alcance.events.AgeGroup;
import org.alcance.events.AudienceReach;
import org.alcance.events.AudienceTarget;
import org.alcance.events.Sex;
import org.alcance.events.campaign.CampaignCompleted;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.CampaignLaunched;
import org.alcance.events.campaign.CampaignRevised;
import org.alcance.events.campaign.Place;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.campaign.ProgressRetracted;
import org.alcance.events.period.PeriodFrequency;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.events.period.ReportingScheduleSet;
import org.alcance.events.training.AssessmentKind;
import org.alcance.events.training.AssessmentRecorded;
import org.alcance.events.training.AttendanceRecorded;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.CompletionRule;
import org.alcance.events.training.CourseFormat;
import org.alcance.events.training.CourseScheduled;
import org.alcance.events.training.CourseStarted;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.events.training.ParticipantCompleted;
import org.alcance.events.training.ParticipantEnrolled;
import org.alcance.events.training.ParticipantProfile;
import org.alcance.events.training.ParticipantTarget;
import org.alcance.events.training.ParticipantPromoted;
import org.alcance.events.training.ParticipantWithdrawn;
import org.alcance.events.training.SessionHeld;

/** Payloads for tests, written like the 2002 field activities the demo data comes from. */
public final class Events {

    private Events() {
    }

    public static CampaignCreated created(String campaign, String office) {
        return created(campaign, office, "migrant-rights", "trafficking");
    }

    public static CampaignCreated created(String campaign, String office, String... themes) {
        return new CampaignCreated(campaign, office, "Migrant Friend: You Have Rights", "Posters and radio spots",
                List.of(themes), List.of("poster", "radio", "workshop"), List.of("Casa del Migrante"),
                List.of(new AudienceTarget("children", 300_000), new AudienceTarget("teachers", 3_450)),
                LocalDate.of(2002, 5, 1), LocalDate.of(2002, 12, 31), false);
    }

    /** The same creation, of a campaign made as sample data. */
    public static CampaignCreated illustrative(CampaignCreated c) {
        return new CampaignCreated(c.campaignId(), c.office(), c.title(), c.description(), c.themes(), c.channels(),
                c.partners(), c.audiences(), c.startDate(), c.endDate(), true);
    }

    public static CampaignRevised revised(String campaign, String office, long childrenTarget) {
        return new CampaignRevised(campaign, office, "Migrant Friend: You Have Rights (revised)",
                "Posters and radio spots", List.of("migrant-rights"), List.of("poster", "radio", "workshop"), List.of(),
                List.of(new AudienceTarget("children", childrenTarget), new AudienceTarget("teachers", 3_450)),
                LocalDate.of(2002, 5, 1), LocalDate.of(2002, 12, 31), "More schools");
    }

    public static CampaignLaunched launched(String campaign, String office) {
        return new CampaignLaunched(campaign, office, Instant.parse("2002-05-02T08:00:00Z"));
    }

    public static CampaignCompleted completed(String campaign, String office) {
        return new CampaignCompleted(campaign, office, Instant.parse("2002-12-31T18:00:00Z"));
    }

    /** Quarterly periods from 2002, each due 15 days after its end. */
    public static ReportingScheduleSet quarterly() {
        return new ReportingScheduleSet(PeriodFrequency.QUARTERLY, LocalDate.of(2002, 1, 1), 15,
                Instant.parse("2002-01-07T09:00:00Z"), "admin");
    }

    public static PeriodStatusChanged period(String office, String quarter, PeriodStatus status, String on, String note) {
        PeriodFrequency.CalendarPeriod period = PeriodFrequency.QUARTERLY.parse(quarter);
        return new PeriodStatusChanged(office, quarter, period.from(), period.to(), status,
                Instant.parse(on + "T12:00:00Z"), status == PeriodStatus.SUBMITTED ? office.toLowerCase() : "hq", note);
    }

    /** Reach of children (no breakdown) and, when {@code teachers} > 0, of teachers split by sex. */
    public static ProgressReported reported(String campaign, String office, String update, String date,
            String channel, long children, long teachers) {
        return new ProgressReported(campaign, office, update, LocalDate.parse(date),
                new Place("Tecún Umán", "San Marcos"), channel, Map.of("posters", children / 10),
                reach(children, teachers), null);
    }

    /** Children reached at a place with an ISO 3166-2 subdivision code (null for a place without one). */
    public static ProgressReported reportedAt(String campaign, String office, String update, String date,
            String subdivision, long children) {
        return new ProgressReported(campaign, office, update, LocalDate.parse(date), place(subdivision), "poster",
                Map.of(), reach(children, 0), null);
    }

    public static ProgressCorrected correctedAt(String campaign, String office, String update, int revision,
            String date, String subdivision, long children) {
        return new ProgressCorrected(campaign, office, update, revision, LocalDate.parse(date), place(subdivision),
                "poster", Map.of(), reach(children, 0), "Held elsewhere");
    }

    private static Place place(String subdivision) {
        return subdivision == null ? new Place("Tecún Umán", "San Marcos")
                : new Place("Activity in " + subdivision, null, subdivision, 14.68, -92.14);
    }

    public static ProgressCorrected corrected(String campaign, String office, String update, int revision,
            String date, String channel, long children, long teachers) {
        return new ProgressCorrected(campaign, office, update, revision, LocalDate.parse(date),
                new Place("Tecún Umán", "San Marcos"), channel, Map.of("posters", children / 10),
                reach(children, teachers), "Recount");
    }

    public static ProgressRetracted retracted(String campaign, String office, String update) {
        return new ProgressRetracted(campaign, office, update, "Reported twice", Instant.parse("2002-07-01T10:00:00Z"));
    }

    private static List<AudienceReach> reach(long children, long teachers) {
        AudienceReach kids = new AudienceReach("children", children);
        if (teachers == 0) {
            return List.of(kids);
        }
        long women = teachers / 2;
        return List.of(kids, new AudienceReach("teachers", teachers,
                Map.of(Sex.FEMALE, women, Sex.MALE, teachers - women),
                Map.of(AgeGroup.AGE_25_34, teachers)));
    }

    public static CourseScheduled scheduled(String course, String office) {
        return scheduled(course, office, "migration-law", "trafficking");
    }

    public static CourseScheduled scheduled(String course, String office, String... topics) {
        return new CourseScheduled(course, office, "Migration legislation for border officials",
                List.of(topics), CourseFormat.COURSE, "Quetzaltenango",
                List.of("Ministry of Foreign Affairs"), List.of("Legal adviser"), List.of("border officials"),
                LocalDate.of(2002, 6, 10), LocalDate.of(2002, 6, 14), 30, new CompletionRule(0.8, null),
                List.of(new ParticipantTarget(OrganisationType.JUDICIARY, null, 10), new ParticipantTarget(null, Sex.FEMALE, 12)), false);
    }

    /** The same scheduling, of a course made as sample data. */
    public static CourseScheduled illustrative(CourseScheduled c) {
        return new CourseScheduled(c.courseId(), c.office(), c.title(), c.topics(), c.format(), c.venue(), c.partners(),
                c.presenters(), c.targetAudiences(), c.startDate(), c.endDate(), c.capacity(), c.completionRule(),
                c.targets(), true);
    }

    public static CourseStarted started(String course, String office) {
        return new CourseStarted(course, office, Instant.parse("2002-06-10T08:00:00Z"));
    }

    public static SessionHeld session(String course, String office, String session) {
        return new SessionHeld(course, office, session, LocalDate.of(2002, 6, 10), "Session " + session, 240);
    }

    /** An enrolment as published before enrolments named the person: the participant is a person of their own. */
    public static ParticipantEnrolled enrolled(String course, String office, String participant, Sex sex,
            OrganisationType organisation, EnrolmentStatus status) {
        return enrolled(course, office, participant, null, sex, organisation, status);
    }

    /** {@code person} is the personId training-service gives the person in each of their courses of the office. */
    public static ParticipantEnrolled enrolled(String course, String office, String participant, String person,
            Sex sex, OrganisationType organisation, EnrolmentStatus status) {
        return new ParticipantEnrolled(course, office, participant, person,
                new ParticipantProfile(sex, AgeGroup.AGE_35_49, organisation, "GT"), status);
    }

    public static ParticipantPromoted promoted(String course, String office, String participant) {
        return new ParticipantPromoted(course, office, participant);
    }

    public static ParticipantWithdrawn withdrawn(String course, String office, String participant) {
        return new ParticipantWithdrawn(course, office, participant, null);
    }

    public static AttendanceRecorded attended(String course, String office, String session, String participant,
            AttendanceStatus status) {
        return new AttendanceRecorded(course, office, session, participant, status);
    }

    public static AssessmentRecorded assessed(String course, String office, String participant, AssessmentKind kind,
            int score) {
        return new AssessmentRecorded(course, office, participant, kind, score);
    }

    public static ParticipantCompleted completedCourse(String course, String office, String participant) {
        return new ParticipantCompleted(course, office, participant, 1.0, null);
    }
}
