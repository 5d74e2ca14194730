package org.alcance.training.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
import org.alcance.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Participants")
class ParticipantController {

    private final ParticipantService participants;

    ParticipantController(ParticipantService participants) {
        this.participants = participants;
    }

    /** Everything held about the participant, for their own office only. */
    @Operation(operationId = "exportParticipant", summary = "Everything held about a participant",
            description = "For the participant's own office: their personal data and the courses they took part in.")
    @ApiResponse(responseCode = "200", description = "The participant's data")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/api/participants/{participantId}")
    Mono<ParticipantService.Export> export(@AuthenticationPrincipal Jwt token, @PathVariable String participantId) {
        return participants.export(Caller.of(token), participantId);
    }

    /** Erases the participant's personal data; their pseudonymous record stays in the figures. */
    @Operation(operationId = "eraseParticipant", summary = "Erase a participant's personal data",
            description = "Name, email (and its match key), phone and the like are removed; the pseudonymous record"
                    + " stays in the figures.")
    @ApiResponse(responseCode = "204", description = "Erased")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @DeleteMapping("/api/participants/{participantId}")
    Mono<ResponseEntity<Void>> erase(@AuthenticationPrincipal Jwt token, @PathVariable String participantId) {
        return participants.erase(Caller.of(token), participantId).thenReturn(ResponseEntity.noContent().build());
    }

    /** Open without a token: shows only the name, the course, the office and the date. */
    @Operation(operationId = "verifyCertificate", summary = "Verify a certificate",
            description = "Open without a token: anyone holding a certificate code sees the name, course, office and"
                    + " date it certifies, and nothing else.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "What the certificate certifies")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/api/certificates/{code}")
    Mono<ParticipantService.Certificate> verify(@PathVariable String code) {
        return participants.certificate(code);
    }
}
