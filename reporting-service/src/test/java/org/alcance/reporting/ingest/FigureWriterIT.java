package org.alcance.reporting.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.alcance.reporting.Events;
import org.alcance.reporting.ingest.FigureWriter.Write;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.Step;
import org.alcance.test.IntegrationTest;
import org.bson.Document;
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

    @Test
    void shouldLandTwoUpdatesOfOneCampaignWrittenTogetherByTwoWritersFromTheSameRead() {
        String collection = "campaign_figures_race_" + UUID.randomUUID();
        String id = "campaign-" + UUID.randomUUID();
        mongo.insert(created(id, OURS), collection).block();
        CampaignFigures read = writer.read(collection, CampaignFigures.class, List.of(id)).get(id);

        // two consumers (a rebalance) each apply an update of their own: neither moves the campaign's sequence
        CampaignFigures theirs = reported(read, "u1").figures();
        CampaignFigures ours = reported(read, "u2").figures();
        assertThat(ours.sequence()).isEqualTo(theirs.sequence()).isEqualTo(read.sequence());
        assertThat(writer.write(collection, CampaignFigures.class, List.of(new Write<>(theirs, read)))).isEmpty();
        assertThat(writer.write(collection, CampaignFigures.class, List.of(new Write<>(ours, read))))
                .containsExactly(id);
        // what did not land is applied again, one event at a time, onto what the other writer wrote
        writer.write(collection, id, CampaignFigures.class, () -> CampaignFigures.empty(id),
                figures -> reported(figures, "u2"));

        CampaignFigures stored = writer.read(collection, CampaignFigures.class, List.of(id)).get(id);
        assertThat(stored.journal()).containsOnlyKeys("u1", "u2");
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void shouldApplyAnUpdateAgainWhenAnotherWriterLandedOneBetweenItsReadAndItsWrite() {
        String collection = "campaign_figures_race_" + UUID.randomUUID();
        String id = "campaign-" + UUID.randomUUID();
        mongo.insert(created(id, OURS), collection).block();
        AtomicInteger reads = new AtomicInteger();

        writer.write(collection, id, CampaignFigures.class, () -> CampaignFigures.empty(id), figures -> {
            if (reads.getAndIncrement() == 0) { // another consumer writes its update after our read
                writer.write(collection, id, CampaignFigures.class, () -> CampaignFigures.empty(id),
                        current -> reported(current, "u1"));
            }
            return reported(figures, "u2");
        });

        assertThat(reads).hasValue(2);
        assertThat(writer.read(collection, CampaignFigures.class, List.of(id)).get(id).journal())
                .containsOnlyKeys("u1", "u2");
    }

    @Test
    void shouldGuardADocumentStoredBeforeDocumentsHadAVersionAsVersion0() {
        String collection = "campaign_figures_race_" + UUID.randomUUID();
        String id = "campaign-" + UUID.randomUUID();
        Document stored = new Document();
        mongo.getConverter().write(created(id, OURS), stored);
        stored.remove("version");
        mongo.insert(stored, collection).block();
        CampaignFigures read = writer.read(collection, CampaignFigures.class, List.of(id)).get(id);
        assertThat(read.version()).isZero();

        assertThat(writer.write(collection, CampaignFigures.class, List.of(new Write<>(reported(read, "u1").figures(),
                read)))).isEmpty();
        assertThat(writer.write(collection, CampaignFigures.class, List.of(new Write<>(reported(read, "u2").figures(),
                read)))).as("the document has a version now").containsExactly(id);
        assertThat(writer.read(collection, CampaignFigures.class, List.of(id)).get(id).journal())
                .containsOnlyKeys("u1");
    }

    private static CampaignFigures created(String id, Instant time) {
        return CampaignFigures.empty(id).apply(Events.created(id, "GT"), id, 1, time, Map.of()).figures();
    }

    private static CampaignFigures launched(CampaignFigures figures, Instant time) {
        return figures.apply(Events.launched(figures.id(), "GT"), figures.id(), figures.sequence() + 1, time,
                Map.of())
                .figures();
    }

    // A version 2 report: numbered as its update's first revision, it leaves the campaign's sequence alone.
    private static Step<CampaignFigures> reported(CampaignFigures figures, String update) {
        return figures.apply(Events.reported(figures.id(), "GT", update, "2002-06-15", "poster", 100, 0), update, 1,
                THEIRS, Map.of());
    }
}
