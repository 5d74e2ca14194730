package org.alcance.reporting.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
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
 * (admins only; security refuses others with 403). {@code POST} answers 202 with the replay's state, or 409 while
 * one runs; {@code GET} shows state and progress.
 */
@RestController
@RequestMapping("/api/admin/replay")
@Tag(name = "Replay", description = "Rebuilding the figures from the event log, for operators (admin role).")
class ReplayController {

    private final ReplayService replays;

    ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @Operation(operationId = "startReplay", summary = "Rebuild every figure from the event log (admin)",
            description = "Folds both topics from offset 0 into a new generation while the current one keeps serving,"
                    + " and switches over once it has caught up.")
    @ApiResponse(responseCode = "202", description = "Started: the replay's state")
    @ApiResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    @PostMapping
    Mono<ResponseEntity<Document>> start(@AuthenticationPrincipal ClaimAccessor token) {
        return Mono.fromCallable(() -> replays.start(Caller.of(token).subject()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(started -> {
                    if (!started.started()) {
                        throw Problem.conflict("A replay is running already; GET /api/admin/replay shows its progress");
                    }
                    return ResponseEntity.status(HttpStatus.ACCEPTED).body(started.state());
                });
    }

    @Operation(operationId = "replayState", summary = "The state and progress of the replay (admin)",
            description = "The generation serving the figures, the one being built, and the replay's progress from 0 to 1.")
    @ApiResponse(responseCode = "200", description = "The state")
    @GetMapping
    Mono<Document> state() {
        return Mono.fromCallable(replays::state).subscribeOn(Schedulers.boundedElastic());
    }
}
