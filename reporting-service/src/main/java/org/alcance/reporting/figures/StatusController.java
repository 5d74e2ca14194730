package org.alcance.reporting.figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.ingest.EventListeners;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the figures are keeping up: what a dashboard shows next to {@code asOf}. */
@RestController
@Tag(name = "Figures")
class StatusController {

    private final Generations generations;
    private final EventListeners ingest;

    StatusController(Generations generations, EventListeners ingest) {
        this.generations = generations;
        this.ingest = ingest;
    }

    /** {@code lag} is null until this replica's consumers reported one; {@code replaying} while a rebuild runs. */
    record Status(long generation, boolean replaying, Long lag) {
    }

    @Operation(operationId = "figuresStatus", summary = "How far the figures are behind",
            description = "The read models' generation, whether a replay is rebuilding them, and how many published"
                    + " events this replica has not counted yet (lag; null until its consumers report one).")
    @ApiResponse(responseCode = "200", description = "The status")
    @GetMapping("/api/figures/status")
    Status status() {
        Generations.Pointer pointer = generations.current();
        return new Status(pointer.active(), pointer.building() != null, ingest.recordsBehind());
    }
}
