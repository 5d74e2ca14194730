package org.alcance.reporting.figures;

import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.ingest.EventListeners;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the figures are keeping up: what a dashboard shows next to {@code asOf}. */
@RestController
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

    @GetMapping("/api/figures/status")
    Status status() {
        Generations.Pointer pointer = generations.current();
        return new Status(pointer.active(), pointer.building() != null, ingest.recordsBehind());
    }
}
