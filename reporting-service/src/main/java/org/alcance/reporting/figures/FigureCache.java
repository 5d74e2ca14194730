package org.alcance.reporting.figures;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.ingest.AppliedFigures;
import org.alcance.reporting.ingest.FigureChanges;
import org.alcance.reporting.ingest.EventListeners;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.Figures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The read models of the active generation in memory without what their figures were derived from (a
 * campaign's journal of updates, a course's participants), so that an overview is a fold over campaigns and
 * courses whose cost does not grow with the number of events. They are copies of the per-aggregate documents, not
 * counters of their own, so they cannot drift from what MongoDB holds: loaded once per generation, then every
 * document this replica's consumers write, or another replica's change feed names, replaces its copy (the higher
 * version wins: it grows with every change, which the sequence does not for a campaign's progress updates).
 * While some partition is consumed by another replica, a reload every {@code resync} also brings in what the
 * feed may have missed (this replica was starting, or the broker refused a record).
 */
@Component
class FigureCache implements AppliedFigures, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FigureCache.class);
    /** How long a fold serves although documents changed since. */
    static final Duration MAX_FOLD_AGE = Duration.ofMillis(250);

    private final ReactiveMongoTemplate mongo;
    private final Generations generations;
    private final EventListeners ingest;
    private final Disposable resyncs;
    private volatile Snapshot serving;
    private volatile Snapshot loading;

    FigureCache(ReactiveMongoTemplate mongo, Generations generations, EventListeners ingest, FigureChanges changes,
            @Value("${alcance.reporting.figures.resync:30s}") Duration resync) {
        this.mongo = mongo;
        this.generations = generations;
        this.ingest = ingest;
        changes.listen(this);
        this.resyncs = Flux.interval(resync, resync, Schedulers.boundedElastic()).subscribe(tick -> resync());
    }

    /** The active generation's read models; loaded from MongoDB on first use and after a replay switched. */
    Mono<Snapshot> snapshot() {
        Snapshot current = serving;
        long active = generations.active();
        return current != null && current.generation == active ? Mono.just(current) : load(active);
    }

    @Override
    public void campaign(long generation, CampaignFigures figures) {
        for (Snapshot snapshot : new Snapshot[] {serving, loading}) {
            if (snapshot != null && snapshot.generation == generation) {
                snapshot.put(snapshot.campaigns, figures.withoutJournal());
            }
        }
    }

    @Override
    public void course(long generation, CourseFigures figures) {
        for (Snapshot snapshot : new Snapshot[] {serving, loading}) {
            if (snapshot != null && snapshot.generation == generation) {
                snapshot.put(snapshot.courses, figures.withoutParticipants());
            }
        }
    }

    /** Loads a generation into a new snapshot, which serves once complete; one load at a time per generation. */
    private synchronized Mono<Snapshot> load(long generation) {
        if (loading == null || loading.generation != generation) {
            Snapshot next = new Snapshot(generation);
            Query campaigns = new Query();
            campaigns.fields().exclude("journal");
            Query courses = new Query();
            courses.fields().exclude("participants");
            next.loaded = mongo.find(campaigns, CampaignFigures.class, Generations.campaigns(generation))
                    .doOnNext(c -> next.put(next.campaigns, c))
                    .thenMany(mongo.find(courses, CourseFigures.class, Generations.courses(generation))
                            .doOnNext(c -> next.put(next.courses, c)))
                    .then(Mono.fromSupplier(() -> serve(next)))
                    // a failed load is forgotten, so that the next request or reload starts one afresh
                    .doOnError(failed -> abandon(next))
                    .cache(loaded -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO, () -> Duration.ZERO);
            loading = next;
        }
        return loading.loaded;
    }

    private synchronized Snapshot serve(Snapshot loaded) {
        if (loading == loaded) {
            serving = loaded;
            loading = null;
        }
        return loaded;
    }

    private synchronized void abandon(Snapshot failed) {
        if (loading == failed) {
            loading = null;
        }
    }

    // Unless this replica applied every event of the generation since the previous check, reload in the
    // background; the current snapshot serves until the new one is complete. A snapshot loaded after a check
    // that found every partition consumed here needs no reload while that stays so.
    private void resync() {
        Snapshot current = serving;
        if (current == null || current.generation != generations.active() || loading != null) {
            return;
        }
        try {
            boolean everyPartition = ingest.consumesEveryPartition();
            if (!everyPartition || !current.everyPartitionAtLastCheck) {
                load(current.generation).subscribe(loaded -> loaded.everyPartitionAtLastCheck = everyPartition,
                        failed -> log.warn("Reloading the figures failed, trying again later: {}", failed.toString()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not tell whether the figures need a reload: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        resyncs.dispose();
    }

    /** One generation's documents by id, and what was folded from them since they last changed. */
    static final class Snapshot {

        final long generation;
        private final Map<String, CampaignFigures> campaigns = new ConcurrentSkipListMap<>();
        private final Map<String, CourseFigures> courses = new ConcurrentSkipListMap<>();
        private final AtomicLong version = new AtomicLong();
        private final Map<String, Folded<?>> folds = new ConcurrentHashMap<>();
        private volatile boolean everyPartitionAtLastCheck;
        private Mono<Snapshot> loaded;

        private Snapshot(long generation) {
            this.generation = generation;
        }

        private record Folded<T>(long version, long foldedAt, T value) {
        }

        private <T extends Figures> void put(Map<String, T> documents, T figures) {
            T kept = documents.merge(figures.id(), figures, (old, candidate) ->
                    candidate.version() > old.version() ? candidate : old);
            if (kept == figures) {
                version.incrementAndGet();
            }
        }

        /** Campaigns of an office (all if null) and theme (any if null), by id. */
        List<CampaignFigures> campaigns(String office, String theme) {
            return campaigns.values().stream().filter(c -> c.inScope(office, theme)).toList();
        }

        /** Courses of an office (all if null) and topic (any if null), by id. */
        List<CourseFigures> courses(String office, String topic) {
            return courses.values().stream().filter(c -> c.inScope(office, topic)).toList();
        }

        /**
         * What {@code fold} gives, computed again once a document of this generation changed and the fold is older
         * than {@link #MAX_FOLD_AGE}: while changes stream in, a burst of dashboard reads costs one fold per
         * interval, and each answer still says, by its {@code asOf}, how fresh it is.
         */
        @SuppressWarnings("unchecked")
        <T> T folded(String key, Supplier<T> fold) {
            long seen = version.get(); // read before the documents, so a change during the fold is not missed
            long now = System.nanoTime();
            Folded<?> kept = folds.get(key);
            if (kept != null && (kept.version() == seen || now - kept.foldedAt() < MAX_FOLD_AGE.toNanos())) {
                return (T) kept.value();
            }
            T value = fold.get();
            folds.put(key, new Folded<>(seen, now, value));
            return value;
        }
    }
}
