package org.alcance.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alcance.events.AudienceReach;
import org.alcance.events.AudienceTarget;
import org.alcance.events.campaign.CampaignCancelled;
import org.alcance.events.campaign.CampaignCompleted;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.CampaignEvent;
import org.alcance.events.campaign.CampaignLaunched;
import org.alcance.events.campaign.CampaignRevised;
import org.alcance.events.campaign.Place;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressEvent;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.campaign.ProgressRetracted;

/**
 * The read model of one campaign, rebuilt exactly from its events. {@code updates} is the only source of the
 * figures: {@code cells}, {@code materials}, {@code updatesCounted} and {@code updatesRetracted} are derived
 * from it again on every change, never incremented on their own, so a correction or a retraction cannot leave
 * a total behind.
 *
 * <p>{@code sequence} is the last applied event's among those numbered in the campaign's sequence: its own
 * events and version 1 progress events; 0 until one was applied. A version 2 progress event is numbered among
 * its update's revisions only, so it is deduplicated against its entry in {@code updates} and leaves
 * {@code sequence} alone. {@code version} counts the changes applied, whichever numbering they came in: what a
 * writer checks to know the document did not change since it read it. {@code asOf} is the newest applied
 * event's time (millisecond precision, as MongoDB stores it).
 */
public record CampaignFigures(
        String id,
        String office,
        String title,
        List<String> themes,
        List<String> channels,
        List<String> partners,
        String status,
        List<Target> targets,
        String startDate,
        String endDate,
        long sequence,
        long version,
        Instant asOf,
        long gaps,
        Map<String, Update> updates,
        List<Cell> cells,
        Map<String, Long> materials,
        long updatesCounted,
        long updatesRetracted) implements Figures {

    public static final String DRAFT = "DRAFT";
    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";

    /** How many people of one audience the campaign aims to reach. */
    public record Target(String audience, long target) {
    }

    /** People reached in one audience by one update; the breakdowns are empty or sum to {@code people}. */
    public record Reach(String audience, long people, Map<String, Long> bySex, Map<String, Long> byAgeGroup) {

        public Reach {
            bySex = Counts.sorted(bySex);
            byAgeGroup = Counts.sorted(byAgeGroup);
        }

        static Reach of(AudienceReach reach) {
            return new Reach(reach.audience(), reach.people(), names(reach.bySex()), names(reach.byAgeGroup()));
        }

        private static Map<String, Long> names(Map<? extends Enum<?>, Long> counts) {
            Map<String, Long> named = new TreeMap<>();
            counts.forEach((key, value) -> named.put(key.name(), value));
            return named;
        }
    }

    /**
     * One progress update's current figures. {@code revision} is the latest applied: that of the figures, or of
     * a retraction published as version 2 (which takes the update's next revision). A retracted update counts
     * nowhere.
     */
    public record Update(String updateId, int revision, String reportedOn, String place, String adminArea,
                         String channel, Map<String, Long> materials, List<Reach> reach, boolean retracted) {

        public Update {
            materials = Counts.sorted(materials);
            reach = reach == null ? List.of() : List.copyOf(reach);
        }

        public String month() {
            return reportedOn.substring(0, 7);
        }
    }

    /** One cell of the small cube over counted updates: month of {@code reportedOn} × audience × channel. */
    public record Cell(String month, String audience, String channel, long people, Map<String, Long> bySex,
                       Map<String, Long> byAgeGroup) {

        public Cell {
            bySex = Counts.sorted(bySex);
            byAgeGroup = Counts.sorted(byAgeGroup);
        }
    }

    public CampaignFigures {
        themes = list(themes);
        channels = list(channels);
        partners = list(partners);
        targets = list(targets);
        updates = updates == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(updates));
        cells = list(cells);
        materials = Collections.unmodifiableMap(Counts.sorted(materials));
    }

    /** The document before any event: known only by its id. */
    public static CampaignFigures empty(String campaignId) {
        return new CampaignFigures(campaignId, null, null, List.of(), List.of(), List.of(), null, List.of(), null,
                null, 0, 0, null, 0, Map.of(), List.of(), Map.of(), 0, 0);
    }

    /** The same figures without the updates they were derived from: what every summary needs. */
    public CampaignFigures withoutUpdates() {
        return new CampaignFigures(id, office, title, themes, channels, partners, status, targets, startDate, endDate,
                sequence, version, asOf, gaps, Map.of(), cells, materials, updatesCounted, updatesRetracted);
    }

    /**
     * Applies one event published at {@code time}, which its envelope numbers {@code sequence} among the events
     * of {@code subject}: the campaign for its own events and version 1 progress events, the update for version
     * 2 progress events (ordered neither among the campaign's updates nor against its own events). An event at
     * or below the last number applied for its subject is a duplicate and changes nothing; one past a gap is
     * applied (and reported), so a dead-lettered event never blocks its subject. An update may come before its
     * campaign was created: it waits in {@code updates} and counts once the campaign is {@link #seen()}.
     *
     * @throws ProjectionException if the event belongs to another campaign or another office, or its subject
     *     is neither its campaign nor its update
     */
    public Step<CampaignFigures> apply(CampaignEvent event, String subject, long sequence, Instant time) {
        boolean ofTheCampaign = subject.equals(id);
        long last = ofTheCampaign ? this.sequence : lastRevision(event, subject);
        if (!Sequencing.isNew("campaign", id, event.campaignId(), office, event.office(), last, sequence)) {
            return Step.duplicate(this);
        }
        Builder next = new Builder(this);
        next.office = event.office();
        if (ofTheCampaign) {
            next.sequence = sequence;
        }
        next.version = version + 1;
        next.asOf = Sequencing.asOf(asOf, time);
        next.gaps = Sequencing.gaps(gaps, last, sequence);
        if (event instanceof CampaignCreated e) {
            next.details(e.title(), e.themes(), e.channels(), e.partners(), e.audiences(), e.startDate(),
                    e.endDate());
            if (next.status == null) {
                next.status = DRAFT;
            }
        } else if (event instanceof CampaignRevised e) {
            next.details(e.title(), e.themes(), e.channels(), e.partners(), e.audiences(), e.startDate(),
                    e.endDate());
        } else if (event instanceof CampaignLaunched) {
            next.status = ACTIVE;
        } else if (event instanceof CampaignCompleted) {
            next.status = COMPLETED;
        } else if (event instanceof CampaignCancelled) {
            next.status = CANCELLED;
        } else if (event instanceof ProgressReported e) {
            next.report(e.updateId(), revision(e, ofTheCampaign, sequence), e.reportedOn(), e.place(), e.channel(),
                    e.materials(), e.reach());
        } else if (event instanceof ProgressCorrected e) {
            next.report(e.updateId(), revision(e, ofTheCampaign, sequence), e.reportedOn(), e.place(), e.channel(),
                    e.materials(), e.reach());
        } else if (event instanceof ProgressRetracted e) {
            next.retract(e.updateId(), revision(e, ofTheCampaign, sequence));
        }
        return Step.applied(next.build(), last, sequence);
    }

    // The last revision applied of the update a version 2 progress event is about; 0 if none was.
    private long lastRevision(CampaignEvent event, String subject) {
        if (!(event instanceof ProgressEvent progress) || !progress.updateId().equals(subject)) {
            throw new ProjectionException("Event of subject " + subject + " applied to campaign " + id
                    + ", which is neither the campaign nor one of its updates");
        }
        Update update = updates.get(subject);
        return update == null ? 0 : update.revision();
    }

    // The revision an update is at after a progress event. Version 2 numbers it in the envelope; version 1,
    // numbered in the campaign's sequence, tells it in the payload: a report is the first, a correction says
    // which, a retraction keeps the current one.
    private int revision(ProgressEvent event, boolean ofTheCampaign, long sequence) {
        if (!ofTheCampaign) {
            return Math.toIntExact(sequence);
        }
        if (event instanceof ProgressReported) {
            return 1;
        }
        if (event instanceof ProgressCorrected e) {
            return e.revision();
        }
        Update current = updates.get(event.updateId());
        return current == null ? 0 : current.revision();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static final class Builder {
        private final String id;
        private String office;
        private String title;
        private List<String> themes;
        private List<String> channels;
        private List<String> partners;
        private String status;
        private List<Target> targets;
        private String startDate;
        private String endDate;
        private long sequence;
        private long version;
        private Instant asOf;
        private long gaps;
        private final Map<String, Update> updates;

        Builder(CampaignFigures f) {
            id = f.id;
            office = f.office;
            title = f.title;
            themes = f.themes;
            channels = f.channels;
            partners = f.partners;
            status = f.status;
            targets = f.targets;
            startDate = f.startDate;
            endDate = f.endDate;
            sequence = f.sequence;
            version = f.version;
            asOf = f.asOf;
            gaps = f.gaps;
            updates = new TreeMap<>(f.updates);
        }

        void details(String title, List<String> themes, List<String> channels, List<String> partners,
                List<AudienceTarget> audiences, LocalDate startDate, LocalDate endDate) {
            this.title = title;
            this.themes = themes;
            this.channels = channels;
            this.partners = partners;
            this.targets = audiences.stream().map(a -> new Target(a.audience(), a.target())).toList();
            this.startDate = startDate.toString();
            this.endDate = endDate.toString();
        }

        // A report or a correction carries the update's full figures; only a newer revision replaces them,
        // so an old version 1 correction arriving late (or a report after its correction) changes nothing.
        // A version 2 one never gets here: it is a duplicate of its update's newer revision.
        void report(String updateId, int revision, LocalDate reportedOn, Place place, String channel,
                Map<String, Long> materials, List<AudienceReach> reach) {
            Update current = updates.get(updateId);
            if (current != null && current.revision() >= revision) {
                return;
            }
            boolean retracted = current != null && current.retracted();
            updates.put(updateId, new Update(updateId, revision, reportedOn.toString(), place.name(),
                    place.adminArea(), channel, materials, reach.stream().map(Reach::of).toList(), retracted));
        }

        // A retraction of an update not seen (its report was dead-lettered, or is still on its way) is kept,
        // so a later correction of that update stays out of the totals too.
        void retract(String updateId, int revision) {
            Update current = updates.get(updateId);
            updates.put(updateId, current == null
                    ? new Update(updateId, revision, null, null, null, null, Map.of(), List.of(), true)
                    : new Update(current.updateId(), revision, current.reportedOn(), current.place(),
                            current.adminArea(), current.channel(), current.materials(), current.reach(), true));
        }

        CampaignFigures build() {
            Map<String, Long> materials = new TreeMap<>();
            Map<List<String>, CellSum> cube = new LinkedHashMap<>();
            long counted = 0;
            long retracted = 0;
            for (Update update : updates.values()) {
                if (update.retracted()) {
                    retracted++;
                    continue;
                }
                counted++;
                Counts.addAll(materials, update.materials());
                for (Reach reach : update.reach()) {
                    cube.computeIfAbsent(List.of(update.month(), reach.audience(), update.channel()),
                            key -> new CellSum()).add(reach);
                }
            }
            List<Cell> cells = new ArrayList<>();
            cube.forEach((key, sum) -> cells.add(new Cell(key.get(0), key.get(1), key.get(2), sum.people, sum.bySex,
                    sum.byAgeGroup)));
            cells.sort(Comparator.comparing(Cell::month).thenComparing(Cell::audience).thenComparing(Cell::channel));
            return new CampaignFigures(id, office, title, themes, channels, partners, status, targets, startDate,
                    endDate, sequence, version, asOf, gaps, updates, cells, materials, counted, retracted);
        }
    }

    private static final class CellSum {
        long people;
        final Map<String, Long> bySex = new TreeMap<>();
        final Map<String, Long> byAgeGroup = new TreeMap<>();

        void add(Reach reach) {
            people = Math.addExact(people, reach.people());
            Counts.addAll(bySex, reach.bySex());
            Counts.addAll(byAgeGroup, reach.byAgeGroup());
        }
    }

}
