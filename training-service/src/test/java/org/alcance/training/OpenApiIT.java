package org.alcance.training;

import org.alcance.test.ApiDescriptionContract;

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
}
