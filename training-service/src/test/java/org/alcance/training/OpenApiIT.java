package org.alcance.training;

import static org.alcance.training.TrainingApi.ISSUER;

import java.net.URI;
import org.alcance.test.ApiDescriptionContract;
import org.junit.jupiter.api.Test;

class OpenApiIT extends ApiDescriptionContract {

    OpenApiIT() {
        super("training-service", "/api/courses", "post /api/courses", "patch /api/courses/{id}",
                "post /api/courses/{id}/sessions", "post /api/courses/{courseId}/participants",
                "post /api/courses/{courseId}/participants/bulk",
                "post /api/courses/{courseId}/sessions/{sessionId}/attendance",
                "post /api/courses/{courseId}/sessions/{sessionId}/attendance/bulk",
                "post /api/courses/{courseId}/assessments", "delete /api/participants/{participantId}",
                "get /api/certificates/{code}");
    }

    /** Its documented minimal body makes the course on which the minimal session and enrolment are made. */
    @Test
    void shouldTakeTheDocumentedMinimalBodiesOfCoursesSessionsAndEnrolmentsAndRequireEachOfTheirFields() {
        String token = ISSUER.office("KZ");
        URI course = assertMinimalBodyIsWhatIsRequired("/api/courses", "/api/courses", token);
        assertMinimalBodyIsWhatIsRequired("/api/courses/{id}/sessions", course + "/sessions", token);
        assertMinimalBodyIsWhatIsRequired("/api/courses/{courseId}/participants", course + "/participants", token);
    }
}
