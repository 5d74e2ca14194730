package org.alcance.training.participant;

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
class ParticipantController {

    private final ParticipantService participants;

    ParticipantController(ParticipantService participants) {
        this.participants = participants;
    }

    /** Everything held about the participant, for their own office only. */
    @GetMapping("/api/participants/{participantId}")
    Mono<ParticipantService.Export> export(@AuthenticationPrincipal Jwt token, @PathVariable String participantId) {
        return participants.export(Caller.of(token), participantId);
    }

    /** Erases the participant's personal data; their pseudonymous record stays in the figures. */
    @DeleteMapping("/api/participants/{participantId}")
    Mono<ResponseEntity<Void>> erase(@AuthenticationPrincipal Jwt token, @PathVariable String participantId) {
        return participants.erase(Caller.of(token), participantId).thenReturn(ResponseEntity.noContent().build());
    }

    /** Open without a token: shows only the name, the course, the office and the date. */
    @GetMapping("/api/certificates/{code}")
    Mono<ParticipantService.Certificate> verify(@PathVariable String code) {
        return participants.certificate(code);
    }
}
