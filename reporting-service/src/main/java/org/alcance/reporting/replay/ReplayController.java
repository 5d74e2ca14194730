package org.alcance.reporting.replay;

import org.alcance.web.Caller;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds every read model from offset 0 into a new generation while the current one keeps serving
 * (admins only; security refuses others with 403). {@code POST} answers 202 with the replay's state, or 409
 * with the running one's; {@code GET} shows state and progress.
 */
@RestController
@RequestMapping("/api/admin/replay")
class ReplayController {

    private final ReplayService replays;

    ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @PostMapping
    Mono<ResponseEntity<Document>> start(@AuthenticationPrincipal ClaimAccessor token) {
        return Mono.fromCallable(() -> replays.start(Caller.of(token).subject()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(started -> ResponseEntity.status(started.started() ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
                        .body(started.state()));
    }

    @GetMapping
    Mono<Document> state() {
        return Mono.fromCallable(replays::state).subscribeOn(Schedulers.boundedElastic());
    }
}
