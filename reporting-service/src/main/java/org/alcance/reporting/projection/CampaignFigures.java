package org.alcance.reporting.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * The read model of one campaign, rebuilt exactly from its events, of a size that does not grow with its
 * updates (docs/architecture.md, "Reporting"). Each progress update's current figures are a document of their
 * own ({@link Update}); the campaign holds what they sum to: {@code cells}, {@code materials},
 * {@code updatesCounted} and {@code updatesRetracted}. A change of an update takes its previous figures out of
 * those sums and puts its new ones in, so a correction or a retraction cannot leave a total behind, and the
 * sums equal a fold of the updates whatever order they changed in.
 *
 * <p>{@code journal} holds the updates that writes of this document changed and that are not yet known to be
 * stored as documents of their own: the campaign document is the one place where an event becomes counted, so
 * the update documents can be written after it (idempotently, by the update's {@code version}) and a crash
 * between the two loses nothing. Whoever reads an update takes the journal's entry over the update's document.
 *
 * <p>{@code sequence} is the last applied event's among those numbered in the campaign's sequence: its own
 * events and version 1 progress events; 0 until one was applied. A version 2 progress event is numbered among
 * its update's revisions only, so it is deduplicated against its update and leaves {@code sequence} alone.
 * {@code version} counts the changes applied, whichever numbering they came in: what a writer checks to know
 * the document did not change since it read it. {@code asOf} is the newest applied event's time (millisecond
 * precision, as MongoDB stores it). {@code illustrative}: the campaign was created as sample data (false until its
 * creation was applied, and for documents stored before the flag).
 */
public record CampaignFigures(
        String id,
        String office,
        Boolean illustrative,
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
        List<Cell> cells,
        Map<String, Long> materials,
        long updatesCounted,
        long updatesRetracted,
        Map<String, Update> journal) implements Figures {

    public static final String DRAFT = "DRAFT";
    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";

    /**
     * How many people of one audience the campaign aims to reach, how many were reached before it (null if the
     * office gave no baseline), and the cumulative milestones on the way, each by a day ({@code by}, ISO date).
     */
    public record Target(String audience, long target, Long baseline, List<Milestone> milestones) {

        public Target {
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }
    }

    public record Milestone(String by, long target) {
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
     * One progress update's current figures, a document of its own. {@code revision} is the latest applied: that
     * of the figures, or of a retraction published as version 2 (which takes the update's next revision).
     * {@code version} counts the changes applied to the update (a version 1 retraction keeps the revision), so a
     * stored copy is replaced only by a newer one. A retracted update counts nowhere; one retracted before its
     * report arrived has no figures ({@code reportedOn} is null). {@code id} is the document's: the campaign's id
     * and the update's, as two campaigns' updates may have the same id. {@code office} is its campaign's, which
     * never changes, so that a period's figures find an office's updates without naming each campaign.
     * {@code subdivision} (ISO 3166-2) and the coordinates are null where the office gave none.
     */
    public record Update(String id, String updateId, String campaignId, String office, int revision, long version,
                         String reportedOn, String place, String adminArea, String subdivision, Double latitude,
                         Double longitude, String channel,
                         Map<String, Long> materials, List<Reach> reach, boolean retracted) {

        public static String key(String campaignId, String updateId) {
            return campaignId + "/" + updateId;
        }

        public Update {
            materials = Counts.sorted(materials);
            reach = reach == null ? List.of() : List.copyOf(reach);
        }

        public String month() {
            return reportedOn.substring(0, 7);
        }

        public boolean counted() {
            return !retracted && reportedOn != null;
        }
    }

    /**
     * One cell of the small cube over counted updates: month of {@code reportedOn} × audience × channel ×
     * subdivision (null for places without a code, as every place reported before codes were).
     * {@code reaches} is how many counted updates reached that audience there, so a cell goes when the last
     * of them is corrected away, even one that reached nobody.
     */
    public record Cell(String month, String audience, String channel, String subdivision, long people,
                       Map<String, Long> bySex,
                       Map<String, Long> byAgeGroup, long reaches) {

        public Cell {
            bySex = Counts.sorted(bySex);
            byAgeGroup = Counts.sorted(byAgeGroup);
        }
    }

    public CampaignFigures {
        illustrative = Boolean.TRUE.equals(illustrative);
        themes = list(themes);
        channels = list(channels);
        partners = list(partners);
        targets = list(targets);
        cells = list(cells);
        materials = Collections.unmodifiableMap(Counts.sorted(materials));
        journal = journal == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(journal));
    }

    /** Whether the campaign is shown in figures of an office (any if null) and theme (any if null). */
    public boolean inScope(String office, String theme) {
        return seen() && (office == null || office.equals(this.office)) && (theme == null || themes.contains(theme));
    }

    /** The document before any event: known only by its id. */
    public static CampaignFigures empty(String campaignId) {
        return new CampaignFigures(campaignId, null, false, null, List.of(), List.of(), List.of(), null, List.of(), null,
                null, 0, 0, null, 0, List.of(), Map.of(), 0, 0, Map.of());
    }

    /** The same figures without the journal: what every summary needs. */
    public CampaignFigures withoutJournal() {
        return new CampaignFigures(id, office, illustrative, title, themes, channels, partners, status, targets, startDate, endDate,
                sequence, version, asOf, gaps, cells, materials, updatesCounted, updatesRetracted, Map.of());
    }

    /**
     * Applies one event published at {@code time}, which its envelope numbers {@code sequence} among the events
     * of {@code subject}: the campaign for its own events and version 1 progress events, the update for version
     * 2 progress events (ordered neither among the campaign's updates nor against its own events). An event at
     * or below the last number applied for its subject is a duplicate and changes nothing; one past a gap is
     * applied (and reported), so a dead-lettered event never blocks its subject. An update may come before its
     * campaign was created: it counts, and the campaign shows once it is {@link #seen()}.
     *
     * @param stored the stored documents (by {@link Update#key}) of at least the update a progress event is
     *     about, read after this document was
     * @throws ProjectionException if the event belongs to another campaign or another office, or its subject
     *     is neither its campaign nor its update
     */
    public Step<CampaignFigures> apply(CampaignEvent event, String subject, long sequence, Instant time,
            Map<String, Update> stored) {
        boolean ofTheCampaign = subject.equals(id);
        Update update = event instanceof ProgressEvent progress ? current(progress.updateId(), stored) : null;
        long last = ofTheCampaign ? this.sequence : lastRevision(event, subject, update);
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
            next.illustrative = e.illustrative();
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
            next.report(update, e.updateId(), revision(e, update, ofTheCampaign, sequence), e.reportedOn(), e.place(),
                    e.channel(), e.materials(), e.reach());
        } else if (event instanceof ProgressCorrected e) {
            next.report(update, e.updateId(), revision(e, update, ofTheCampaign, sequence), e.reportedOn(), e.place(),
                    e.channel(), e.materials(), e.reach());
        } else if (event instanceof ProgressRetracted e) {
            next.retract(update, e.updateId(), revision(e, update, ofTheCampaign, sequence));
        }
        return Step.applied(next.build(), last, sequence);
    }

    /**
     * An update as it stands: the journal's entry, unless its stored document (in {@code stored}, by
     * {@link Update#key}) is newer or the only one.
     */
    public Update current(String updateId, Map<String, Update> stored) {
        Update journaled = journal.get(updateId);
        Update document = stored.get(Update.key(id, updateId));
        boolean journalNewer = journaled != null && (document == null || journaled.version() >= document.version());
        return journalNewer ? journaled : document;
    }

    // The last revision applied of the update a version 2 progress event is about; 0 if none was.
    private long lastRevision(CampaignEvent event, String subject, Update update) {
        if (!(event instanceof ProgressEvent progress) || !progress.updateId().equals(subject)) {
            throw new ProjectionException("Event of subject " + subject + " applied to campaign " + id
                    + ", which is neither the campaign nor one of its updates");
        }
        return update == null ? 0 : update.revision();
    }

    // The revision an update is at after a progress event. Version 2 numbers it in the envelope; version 1,
    // numbered in the campaign's sequence, tells it in the payload: a report is the first, a correction says
    // which, a retraction keeps the current one.
    private static int revision(ProgressEvent event, Update current, boolean ofTheCampaign, long sequence) {
        if (!ofTheCampaign) {
            return Math.toIntExact(sequence);
        }
        if (event instanceof ProgressReported) {
            return 1;
        }
        if (event instanceof ProgressCorrected e) {
            return e.revision();
        }
        return current == null ? 0 : current.revision();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static final class Builder {
        private static final Comparator<List<String>> CELL_ORDER = Comparator.<List<String>, String>comparing(
                key -> key.get(0)).thenComparing(key -> key.get(1)).thenComparing(key -> key.get(2))
                .thenComparing(key -> key.get(3));
        private static final String UNCODED = "";

        private final String id;
        private String office;
        private boolean illustrative;
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
        private final CampaignFigures read;
        private Map<List<String>, CellSum> cube;
        private Map<String, Long> materials;
        private long counted;
        private long retracted;
        private final Map<String, Update> journal;

        Builder(CampaignFigures f) {
            id = f.id;
            office = f.office;
            illustrative = f.illustrative;
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
            read = f;
            counted = f.updatesCounted;
            retracted = f.updatesRetracted;
            journal = new TreeMap<>(f.journal);
        }

        void details(String title, List<String> themes, List<String> channels, List<String> partners,
                List<AudienceTarget> audiences, LocalDate startDate, LocalDate endDate) {
            this.title = title;
            this.themes = themes;
            this.channels = channels;
            this.partners = partners;
            this.targets = audiences.stream().map(a -> new Target(a.audience(), a.target(), a.baseline(),
                    a.milestones().stream().map(m -> new Milestone(m.by().toString(), m.target())).toList())).toList();
            this.startDate = startDate.toString();
            this.endDate = endDate.toString();
        }

        // A report or a correction carries the update's full figures; only a newer revision replaces them,
        // so an old version 1 correction arriving late (or a report after its correction) changes nothing.
        // A version 2 one never gets here: it is a duplicate of its update's newer revision.
        void report(Update current, String updateId, int revision, LocalDate reportedOn, Place place,
                String channel, Map<String, Long> materials, List<AudienceReach> reach) {
            if (current != null && current.revision() >= revision) {
                return;
            }
            change(current, new Update(Update.key(id, updateId), updateId, id, office, revision, changes(current),
                    reportedOn.toString(), place.name(), place.adminArea(), place.subdivision(), place.latitude(),
                    place.longitude(), channel, materials,
                    reach.stream().map(Reach::of).toList(), current != null && current.retracted()));
        }

        // A retraction of an update not seen (its report was dead-lettered, or is still on its way) is kept,
        // so a later correction of that update stays out of the totals too.
        void retract(Update current, String updateId, int revision) {
            change(current, current == null
                    ? new Update(Update.key(id, updateId), updateId, id, office, revision, 1, null, null, null, null,
                            null, null, null, Map.of(), List.of(), true)
                    : new Update(current.id(), updateId, id, office, revision, changes(current), current.reportedOn(),
                            current.place(), current.adminArea(), current.subdivision(), current.latitude(),
                            current.longitude(), current.channel(), current.materials(), current.reach(), true));
        }

        private static long changes(Update current) {
            return current == null ? 1 : current.version() + 1;
        }

        // Takes the update's previous figures out of the sums and puts its new ones in.
        private void change(Update before, Update after) {
            if (cube == null) {
                cube = new TreeMap<>(CELL_ORDER);
                read.cells.forEach(cell -> cube.put(key(cell.month(), cell.audience(), cell.channel(),
                        cell.subdivision()), new CellSum(cell)));
                materials = new TreeMap<>(read.materials);
            }
            if (before != null) {
                add(before, -1);
                retracted -= before.retracted() ? 1 : 0;
            }
            add(after, 1);
            retracted += after.retracted() ? 1 : 0;
            journal.put(after.updateId(), after);
        }

        private void add(Update update, int sign) {
            if (!update.counted()) {
                return;
            }
            counted += sign;
            Counts.addAll(materials, update.materials(), sign);
            for (Reach reach : update.reach()) {
                List<String> key = key(update.month(), reach.audience(), update.channel(), update.subdivision());
                CellSum sum = cube.computeIfAbsent(key, k -> new CellSum());
                sum.add(reach, sign);
                if (sum.reaches == 0) {
                    cube.remove(key);
                }
            }
        }

        private static List<String> key(String month, String audience, String channel, String subdivision) {
            return List.of(month, audience, channel, subdivision == null ? UNCODED : subdivision);
        }

        CampaignFigures build() {
            if (cube == null) {
                return new CampaignFigures(id, office, illustrative, title, themes, channels, partners, status, targets, startDate,
                        endDate, sequence, version, asOf, gaps, read.cells, read.materials, counted, retracted,
                        journal);
            }
            List<Cell> cells = new ArrayList<>();
            cube.forEach((key, sum) -> cells.add(new Cell(key.get(0), key.get(1), key.get(2),
                    UNCODED.equals(key.get(3)) ? null : key.get(3), sum.people, sum.bySex, sum.byAgeGroup,
                    sum.reaches)));
            return new CampaignFigures(id, office, illustrative, title, themes, channels, partners, status, targets, startDate,
                    endDate, sequence, version, asOf, gaps, cells, materials, counted, retracted, journal);
        }
    }

    private static final class CellSum {
        long people;
        long reaches;
        final Map<String, Long> bySex;
        final Map<String, Long> byAgeGroup;

        CellSum() {
            bySex = new TreeMap<>();
            byAgeGroup = new TreeMap<>();
        }

        CellSum(Cell cell) {
            people = cell.people();
            reaches = cell.reaches();
            bySex = new TreeMap<>(cell.bySex());
            byAgeGroup = new TreeMap<>(cell.byAgeGroup());
        }

        void add(Reach reach, int sign) {
            people = Math.addExact(people, sign * reach.people());
            reaches += sign;
            Counts.addAll(bySex, reach.bySex(), sign);
            Counts.addAll(byAgeGroup, reach.byAgeGroup(), sign);
        }
    }
}
