package org.alcance.reporting.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alcance.reporting.Events;
import org.alcance.reporting.ingest.FigureWriter.Write;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@IntegrationTest
class FigureWriterIT {

    private static final Instant OURS = Instant.parse("2002-06-01T08:00:00Z");
    private static final Instant THEIRS = Instant.parse("2002-06-01T09:00:00Z");

    @Autowired
    FigureWriter writer;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldWriteEveryDocumentOfABulkExceptThoseAnotherWriterChangedSinceTheyWereRead() {
        String collection = "campaign_figures_race_" + UUID.randomUUID();
        String kept = "campaign-kept";
        String overtaken = "campaign-overtaken";
        String fresh = "campaign-fresh";
        String appeared = "campaign-appeared";
        mongo.insert(created(kept, OURS), collection).block();
        mongo.insert(created(overtaken, OURS), collection).block();
        List<String> ids = List.of(kept, overtaken, fresh, appeared);
        Map<String, CampaignFigures> read = writer.read(collection, CampaignFigures.class, ids);
        assertThat(read).containsOnlyKeys(kept, overtaken);

        // meanwhile another consumer applies the next event of one campaign and the first event of another
        CampaignFigures theirs = launched(read.get(overtaken), THEIRS);
        mongo.save(theirs, collection).block();
        CampaignFigures theirsToo = created(appeared, THEIRS);
        mongo.insert(theirsToo, collection).block();

        List<Write<CampaignFigures>> writes = List.of(
                new Write<>(launched(read.get(kept), OURS), read.get(kept)),
                new Write<>(launched(read.get(overtaken), OURS), read.get(overtaken)),
                new Write<>(created(fresh, OURS), null),
                new Write<>(created(appeared, OURS), null));
        assertThat(writer.write(collection, CampaignFigures.class, writes))
                .containsExactlyInAnyOrder(overtaken, appeared);

        assertThat(writer.read(collection, CampaignFigures.class, ids)).isEqualTo(Map.of(
                kept, writes.get(0).figures(), overtaken, theirs, fresh, writes.get(2).figures(), appeared, theirsToo));
    }

    private static CampaignFigures created(String id, Instant time) {
        return CampaignFigures.empty(id).apply(Events.created(id, "GT"), 1, time).figures();
    }

    private static CampaignFigures launched(CampaignFigures figures, Instant time) {
        return figures.apply(Events.launched(figures.id(), "GT"), figures.sequence() + 1, time).figures();
    }
}
