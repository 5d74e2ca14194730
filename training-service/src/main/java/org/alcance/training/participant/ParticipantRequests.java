package org.alcance.training.participant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The bodies field offices send about participants; {@link ParticipantRules} checks every field at once. */
final class ParticipantRequests {

    static final String ENROL_EXAMPLE = """
            {"clientReference": "am-bmtc-2002-07", "personReference": "am-officer-0193", "name": "Anahit Petrosyan",
             "organisation": "Border Guard Troops", "organisationType": "BORDER_GUARD", "position": "Captain",
             "sex": "FEMALE", "ageGroup": "AGE_35_49", "nationality": "Armenian", "country": "AM"}""";

    static final String ENROL_MINIMAL = """
            {"name": "Anahit Petrosyan", "organisationType": "BORDER_GUARD", "country": "AM"}""";

    static final String ROSTER_EXAMPLE = """
            clientReference,personReference,name,organisationType,sex,ageGroup,country
            am-bmtc-2002-07,am-officer-0193,Anahit Petrosyan,BORDER_GUARD,FEMALE,AGE_35_49,AM
            am-bmtc-2002-08,,Levon Grigoryan,POLICE,MALE,AGE_25_34,AM
            """;

    static final String ATTENDANCE_EXAMPLE = """
            {"records": [{"participantId": "3f1c2a7e-5b1d-4c3e-9a57-0c6b2f1d8e42", "status": "PRESENT"},
                         {"participantId": "9b2d4e6f-1a3c-4e5f-8a7b-2c4d6e8f0a1b", "status": "LATE"}]}""";

    static final String ATTENDANCE_SHEET_EXAMPLE = """
            clientReference,status
            am-bmtc-2002-07,PRESENT
            am-bmtc-2002-08,EXCUSED
            """;

    static final String ASSESSMENT_EXAMPLE = """
            {"records": [{"participantId": "3f1c2a7e-5b1d-4c3e-9a57-0c6b2f1d8e42", "kind": "POST", "score": 85}]}""";

    private ParticipantRequests() {
    }

    /**
     * A person to enrol. {@code clientReference} is the office's own id for them in this course:
     * enrolling it again changes nothing. {@code personReference} is the office's own id for the person
     * in any of its courses; with the email, it makes their enrolments count as one person's.
     * {@code country} is the ISO 3166 alpha-2 code reports use; {@code nationality} is kept as entered.
     */
    @Schema(name = "NewEnrolment")
    record Enrol(String clientReference, String personReference, @Schema(requiredMode = REQUIRED) String name,
            String email, String phone, String organisation,
            @Schema(requiredMode = REQUIRED, allowableValues = {"MINISTRY", "POLICE", "JUDICIARY", "BORDER_GUARD", "NGO",
                    "UN_AGENCY", "ACADEMIA", "OTHER"}) String organisationType, String position,
            @Schema(description = "FEMALE, MALE, OTHER or UNDISCLOSED (the default)") String sex,
            @Schema(description = "UNDER_18, AGE_18_24, AGE_25_34, AGE_35_49, AGE_50_64, AGE_65_PLUS or UNKNOWN (the"
                    + " default)") String ageGroup,
            String nationality, @Schema(requiredMode = REQUIRED, example = "AM") String country) {
    }

    @Schema(name = "Withdrawal")
    record Withdraw(String reason) {
    }

    @Schema(name = "AttendanceMark")
    record Mark(@Schema(requiredMode = REQUIRED) String participantId,
            @Schema(requiredMode = REQUIRED, allowableValues = {"PRESENT", "LATE", "EXCUSED", "ABSENT"}) String status) {
    }

    /** What happened at one session, for each participant listed. */
    @Schema(name = "AttendanceSheet")
    record Attendance(@Schema(requiredMode = REQUIRED) List<Mark> records) {
    }

    /** {@code kind} is PRE or POST; {@code score} from 0 to 100. */
    @Schema(name = "AssessmentScore")
    record Score(@Schema(requiredMode = REQUIRED) String participantId,
            @Schema(requiredMode = REQUIRED, allowableValues = {"PRE", "POST"}) String kind,
            @Schema(requiredMode = REQUIRED) Integer score) {
    }

    record Assessments(@Schema(requiredMode = REQUIRED) List<Score> records) {
    }
}
