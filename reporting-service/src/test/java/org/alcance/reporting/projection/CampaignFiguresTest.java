package org.alcance.reporting.projection;

import static org.alcance.reporting.Events.completed;
import static org.alcance.reporting.Events.corrected;
import static org.alcance.reporting.Events.created;
import static org.alcance.reporting.Events.launched;
import static org.alcance.reporting.Events.reported;
import static org.alcance.reporting.Events.retracted;
import static org.alcance.reporting.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alcance.events.campaign.CampaignEvent;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressEvent;
import org.alcance.reporting.projection.CampaignFigures.Cell;
import org.alcance.reporting.projection.CampaignFigures.Update;
import org.junit.jupiter.api.Test;

class CampaignFiguresTest {

    private static final String ID = "campaign-1";
    private static final Instant T0 = Instant.parse("2002-06-01T00:00:00Z");

    /**
     * The history of a campaign whose first update is corrected and whose third one is retracted, numbered in
     * the campaign's sequence as version 1 published its progress events.
     */
    private static List<CampaignEvent> history() {
        return List.of(
                created(ID, "GT"),                                                     // 1
                revised(ID, "GT", 310_000),                                            // 2
                launched(ID, "GT"),                                                    // 3
                reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 0),            // 4
                reported(ID, "GT", "u2", "2002-06-16", "workshop", 0, 40),             // 5
                reported(ID, "GT", "u3", "2002-07-02", "poster", 800, 10),             // 6
                corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 1_000, 0),        // 7
                retracted(ID, "GT", "u3"),                                             // 8
                reported(ID, "GT", "u4", "2002-07-20", "radio", 5_000, 0),             // 9
                completed(ID, "GT"));                                                  // 10
    }

    private static Instant time(long sequence) {
        return T0.plusSeconds(60 * sequence);
    }

    private static CampaignFigures applyAll(List<CampaignEvent> events) {
        CampaignFigures figures = CampaignFigures.empty(ID);
        for (int i = 0; i < events.size(); i++) {
            figures = figures.apply(events.get(i), ID, i + 1, time(i + 1), Map.of()).figures();
        }
        return figures;
    }

    @Test
    void shouldDeriveExactTotalsCellsAndMaterialsFromTheUpdates() {
        CampaignFigures figures = applyAll(history());

        assertThat(figures.status()).isEqualTo("COMPLETED");
        assertThat(figures.title()).endsWith("(revised)");
        assertThat(figures.themes()).containsExactly("migrant-rights");
        assertThat(figures.targets()).extracting(CampaignFigures.Target::target).containsExactly(310_000L, 3_450L);
        assertThat(figures.sequence()).isEqualTo(10);
        assertThat(figures.asOf()).isEqualTo(time(10));
        assertThat(figures.updatesCounted()).isEqualTo(3);
        assertThat(figures.updatesRetracted()).isEqualTo(1);
        assertThat(figures.materials()).isEqualTo(Map.of("posters", 100L + 0L + 500L));
        assertThat(figures.cells()).containsExactly(
                new Cell("2002-06", "children", "poster", null, 1_000, Map.of(), Map.of(), 1),
                new Cell("2002-06", "children", "workshop", null, 0, Map.of(), Map.of(), 1),
                new Cell("2002-06", "teachers", "workshop", null, 40, Map.of("FEMALE", 20L, "MALE", 20L),
                        Map.of("AGE_25_34", 40L), 1),
                new Cell("2002-07", "children", "radio", null, 5_000, Map.of(), Map.of(), 1));
    }

    @Test
    void shouldCountNothingTwiceWhenEveryEventArrivesTwiceAndOldOnesArriveAgainLater() {
        List<CampaignEvent> events = history();
        CampaignFigures figures = CampaignFigures.empty(ID);
        long duplicates = 0;
        for (int i = 0; i < events.size(); i++) {
            for (int copy = 0; copy < 2; copy++) {
                Step<CampaignFigures> step = figures.apply(events.get(i), ID, i + 1, time(i + 1), Map.of());
                duplicates += step.changed() ? 0 : 1;
                figures = step.figures();
            }
            if (i >= 3) { // an old record redelivered after a rebalance
                Step<CampaignFigures> late = figures.apply(events.get(i - 3), ID, i - 2, time(i - 2), Map.of());
                assertThat(late.kind()).isEqualTo(Step.Kind.DUPLICATE);
                assertThat(late.figures()).isSameAs(figures);
                duplicates++;
            }
        }
        assertThat(duplicates).isEqualTo(10 + 7);
        assertThat(figures).isEqualTo(applyAll(events));
    }

    @Test
    void shouldEqualACleanRebuildWhateverDuplicatesARandomRedeliveryAdds() {
        List<CampaignEvent> events = history();
        CampaignFigures clean = applyAll(events);
        Random random = new Random(2002);
        for (int round = 0; round < 50; round++) {
            List<Integer> deliveries = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                deliveries.add(i);
                int redeliveries = random.nextInt(3);
                for (int r = 0; r < redeliveries; r++) {
                    deliveries.add(random.nextInt(i + 1)); // anything already delivered may come again
                }
            }
            CampaignFigures figures = CampaignFigures.empty(ID);
            for (int i : deliveries) {
                figures = figures.apply(events.get(i), ID, i + 1, time(i + 1), Map.of()).figures();
            }
            assertThat(figures).as("round %d", round).isEqualTo(clean);
        }
    }

    @Test
    void shouldReplaceAnUpdatesFiguresOnlyWithANewerRevision() {
        CampaignFigures figures = applyAll(List.of(created(ID, "GT"),
                reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 0),
                corrected(ID, "GT", "u1", 3, "2002-06-15", "poster", 900, 0),
                corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 1_100, 0)));

        assertThat(figures.journal().get("u1").revision()).isEqualTo(3);
        assertThat(figures.cells()).singleElement().extracting(Cell::people).isEqualTo(900L);
        assertThat(figures.sequence()).isEqualTo(4);
    }

    @Test
    void shouldMoveACorrectionToItsNewMonthAndChannel() {
        CampaignFigures figures = applyAll(List.of(created(ID, "GT"),
                reported(ID, "GT", "u1", "2002-06-30", "poster", 1_200, 0),
                corrected(ID, "GT", "u1", 2, "2002-07-01", "radio", 1_200, 0)));

        assertThat(figures.cells())
                .containsExactly(new Cell("2002-07", "children", "radio", null, 1_200, Map.of(), Map.of(), 1));
    }

    @Test
    void shouldKeepARetractedUpdateOutOfEveryTotalEvenWhenCorrectedAfterwards() {
        CampaignFigures figures = applyAll(List.of(created(ID, "GT"),
                reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 30),
                reported(ID, "GT", "u2", "2002-06-15", "poster", 100, 0),
                retracted(ID, "GT", "u1"),
                corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 5_000, 0)));

        assertThat(figures.journal().get("u1").retracted()).isTrue();
        assertThat(figures.journal().get("u1").revision()).isEqualTo(2);
        assertThat(figures.updatesCounted()).isEqualTo(1);
        assertThat(figures.updatesRetracted()).isEqualTo(1);
        assertThat(figures.cells())
                .containsExactly(new Cell("2002-06", "children", "poster", null, 100, Map.of(), Map.of(), 1));
        assertThat(figures.materials()).isEqualTo(Map.of("posters", 10L));
    }

    @Test
    void shouldApplyAnEventAfterAGapAndReportHowManyAreMissing() {
        CampaignFigures figures = CampaignFigures.empty(ID).apply(created(ID, "GT"), ID, 1, time(1), Map.of())
                .figures();

        Step<CampaignFigures> step = figures.apply(reported(ID, "GT", "u1", "2002-06-15", "poster", 700, 0), ID,
                4, time(4), Map.of());

        assertThat(step.kind()).isEqualTo(Step.Kind.APPLIED_AFTER_GAP);
        assertThat(step.missing()).isEqualTo(2);
        assertThat(step.figures().sequence()).isEqualTo(4);
        assertThat(step.figures().gaps()).isEqualTo(1);
        assertThat(step.figures().cells()).extracting(Cell::people).containsExactly(700L);
        // the missing events, if they come later, are behind the sequence: duplicates, not double counts
        assertThat(step.figures().apply(reported(ID, "GT", "u0", "2002-06-14", "poster", 9, 0), ID, 2, time(2),
                Map.of()).kind()).isEqualTo(Step.Kind.DUPLICATE);
    }

    @Test
    void shouldKeepTheNewestEventTimeAsAsOfEvenIfAClockWentBackwards() {
        CampaignFigures figures = CampaignFigures.empty(ID).apply(created(ID, "GT"), ID, 1, time(5), Map.of()).figures()
                .apply(launched(ID, "GT"), ID, 2, time(3), Map.of()).figures();

        assertThat(figures.asOf()).isEqualTo(time(5));
        assertThat(figures.status()).isEqualTo("ACTIVE");
    }

    @Test
    void shouldRefuseAnEventThatNamesAnotherOfficeForTheCampaign() {
        CampaignFigures figures = CampaignFigures.empty(ID).apply(created(ID, "GT"), ID, 1, time(1), Map.of())
                .figures();

        assertThatThrownBy(() -> figures.apply(launched(ID, "HN"), ID, 2, time(2), Map.of()))
                .isInstanceOf(ProjectionException.class).hasMessageContaining("HN");
        assertThatThrownBy(() -> figures.apply(launched("campaign-2", "GT"), "campaign-2", 2, time(2), Map.of()))
                .isInstanceOf(ProjectionException.class);
    }

    @Test
    void shouldNotDependOnTheOrderUpdatesWereReportedInForItsCells() {
        List<CampaignEvent> a = List.of(created(ID, "GT"), reported(ID, "GT", "u1", "2002-06-15", "poster", 5, 2),
                reported(ID, "GT", "u2", "2002-05-15", "radio", 7, 4));
        List<CampaignEvent> b = new ArrayList<>(a);
        Collections.swap(b, 1, 2);

        assertThat(applyAll(a).cells()).isEqualTo(applyAll(b).cells());
    }

    /** One event as its envelope numbers it: in the sequence of its subject. */
    private record Delivery(CampaignEvent event, String subject, long sequence, Instant time) {

        Step<CampaignFigures> to(CampaignFigures figures) {
            return to(figures, Map.of());
        }

        Step<CampaignFigures> to(CampaignFigures figures, Map<String, Update> stored) {
            return figures.apply(event, subject, sequence, time, stored);
        }
    }

    private static Delivery ofTheCampaign(CampaignEvent event, long sequence) {
        return new Delivery(event, ID, sequence, time(sequence));
    }

    private static Delivery ofTheUpdate(ProgressEvent event, long revision) {
        return new Delivery(event, event.updateId(), revision, time(100 + revision));
    }

    /**
     * The events as version 2 publishes them: the campaign's own in its sequence, each update's in its revisions
     * (1 when reported, a correction's own, one more for a retraction); each at the time of its place in the list.
     */
    private static List<Delivery> version2(List<CampaignEvent> events) {
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, Long> revisions = new HashMap<>();
        long sequence = 0;
        for (int i = 0; i < events.size(); i++) {
            CampaignEvent event = events.get(i);
            if (event instanceof ProgressEvent progress) {
                long revision = progress instanceof ProgressCorrected correction ? correction.revision()
                        : revisions.getOrDefault(progress.updateId(), 0L) + 1;
                revisions.put(progress.updateId(), revision);
                deliveries.add(new Delivery(event, progress.updateId(), revision, time(i + 1)));
            } else {
                deliveries.add(new Delivery(event, ID, ++sequence, time(i + 1)));
            }
        }
        return deliveries;
    }

    private static CampaignFigures deliverAll(List<Delivery> deliveries) {
        CampaignFigures figures = CampaignFigures.empty(ID);
        for (Delivery delivery : deliveries) {
            figures = delivery.to(figures).figures();
        }
        return figures;
    }

    // Each subject's events in their order, the subjects interleaved at random: how version 2 events may arrive.
    private static List<Delivery> interleaved(List<Delivery> deliveries, Random random) {
        Map<String, Deque<Delivery>> bySubject = new LinkedHashMap<>();
        deliveries.forEach(d -> bySubject.computeIfAbsent(d.subject(), subject -> new ArrayDeque<>()).add(d));
        List<Deque<Delivery>> queues = new ArrayList<>(bySubject.values());
        List<Delivery> order = new ArrayList<>();
        while (!queues.isEmpty()) {
            Deque<Delivery> queue = queues.get(random.nextInt(queues.size()));
            order.add(queue.remove());
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return order;
    }

    @Test
    void shouldDeriveTheSameFiguresFromVersion2EventsAsFromTheVersion1EventsOfTheSameHistory() {
        CampaignFigures v1 = applyAll(history());
        CampaignFigures v2 = deliverAll(version2(history()));

        assertThat(v2.cells()).isEqualTo(v1.cells());
        assertThat(v2.materials()).isEqualTo(v1.materials());
        assertThat(v2.updatesCounted()).isEqualTo(3);
        assertThat(v2.updatesRetracted()).isEqualTo(1);
        assertThat(v2.status()).isEqualTo("COMPLETED");
        assertThat(v2.targets()).isEqualTo(v1.targets());
        assertThat(v2.asOf()).isEqualTo(v1.asOf());
        assertThat(v2.sequence()).as("the campaign's own events only").isEqualTo(4);
        assertThat(v2.version()).isEqualTo(v1.version()).isEqualTo(10);
        assertThat(v2.gaps()).isZero();
        assertThat(v2.journal().get("u3").revision()).as("the retraction's revision").isEqualTo(2);
    }

    @Test
    void shouldApplyVersion2EventsByRevisionInAnyOrderAcrossUpdatesAndTheCampaignsOwnEvents() {
        List<Delivery> deliveries = version2(history());
        CampaignFigures inOrder = deliverAll(deliveries);
        Random random = new Random(2002);
        for (int round = 0; round < 50; round++) {
            List<Delivery> order = interleaved(deliveries, random);
            CampaignFigures figures = CampaignFigures.empty(ID);
            for (Delivery delivery : order) {
                Step<CampaignFigures> step = delivery.to(figures);
                assertThat(step.kind()).as("round %d, %s", round, delivery).isEqualTo(Step.Kind.APPLIED);
                figures = step.figures();
            }
            assertThat(figures).as("round %d", round).isEqualTo(inOrder);
        }
    }

    @Test
    void shouldCountEveryRedeliveredReportCorrectionAndRetractionOnce() {
        List<Delivery> deliveries = version2(history());
        CampaignFigures figures = CampaignFigures.empty(ID);
        for (Delivery delivery : deliveries) {
            figures = delivery.to(figures).figures();
            Step<CampaignFigures> again = delivery.to(figures);
            assertThat(again.kind()).as("%s again at once", delivery).isEqualTo(Step.Kind.DUPLICATE);
            assertThat(again.figures()).isSameAs(figures);
        }
        for (Delivery delivery : deliveries) { // every one again after all the others, as after a rebalance
            Step<CampaignFigures> late = delivery.to(figures);
            assertThat(late.kind()).as("%s again later", delivery).isEqualTo(Step.Kind.DUPLICATE);
            assertThat(late.figures()).isSameAs(figures);
        }
        assertThat(figures).isEqualTo(deliverAll(deliveries));
    }

    @Test
    void shouldChangeNothingWhenAnOldCorrectionArrivesAfterANewerOne() {
        CampaignFigures figures = deliverAll(List.of(ofTheCampaign(created(ID, "GT"), 1),
                ofTheUpdate(reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 0), 1),
                ofTheUpdate(corrected(ID, "GT", "u1", 3, "2002-06-15", "poster", 900, 0), 3)));

        Step<CampaignFigures> late = ofTheUpdate(corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 1_100, 0), 2)
                .to(figures);

        assertThat(late.kind()).isEqualTo(Step.Kind.DUPLICATE);
        assertThat(late.figures()).isSameAs(figures);
        assertThat(figures.journal().get("u1").revision()).isEqualTo(3);
        assertThat(figures.cells()).singleElement().extracting(Cell::people).isEqualTo(900L);
    }

    @Test
    void shouldKeepAnUpdateRetractedWhenACorrectionOlderThanTheRetractionArrivesLate() {
        CampaignFigures figures = deliverAll(List.of(ofTheCampaign(created(ID, "GT"), 1),
                ofTheUpdate(reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 30), 1),
                ofTheUpdate(reported(ID, "GT", "u2", "2002-06-15", "poster", 100, 0), 1),
                ofTheUpdate(retracted(ID, "GT", "u1"), 3)));

        Step<CampaignFigures> late = ofTheUpdate(corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 5_000, 0), 2)
                .to(figures);

        assertThat(late.kind()).isEqualTo(Step.Kind.DUPLICATE);
        assertThat(late.figures()).isSameAs(figures);
        assertThat(figures.journal().get("u1").retracted()).isTrue();
        assertThat(figures.journal().get("u1").revision()).isEqualTo(3);
        assertThat(figures.updatesCounted()).isEqualTo(1);
        assertThat(figures.updatesRetracted()).isEqualTo(1);
        assertThat(figures.cells())
                .containsExactly(new Cell("2002-06", "children", "poster", null, 100, Map.of(), Map.of(), 1));
    }

    @Test
    void shouldKeepAnUpdateRetractedWhoseReportArrivesAfterItsRetraction() {
        CampaignFigures figures = deliverAll(List.of(ofTheCampaign(created(ID, "GT"), 1),
                ofTheUpdate(retracted(ID, "GT", "u1"), 2)));

        Step<CampaignFigures> late = ofTheUpdate(reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 0), 1)
                .to(figures);

        assertThat(late.kind()).isEqualTo(Step.Kind.DUPLICATE);
        assertThat(figures.updatesCounted()).isZero();
        assertThat(figures.updatesRetracted()).isEqualTo(1);
        assertThat(figures.cells()).isEmpty();
    }

    @Test
    void shouldCountAnUpdateReportedBeforeItsCampaignWasCreatedOnceTheCampaignAppears() {
        Step<CampaignFigures> early = ofTheUpdate(reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 0), 1)
                .to(CampaignFigures.empty(ID));

        assertThat(early.kind()).isEqualTo(Step.Kind.APPLIED);
        assertThat(early.figures().seen()).as("no campaign to show yet").isFalse();
        assertThat(early.figures().sequence()).isZero();
        assertThat(early.figures().version()).isEqualTo(1);

        Step<CampaignFigures> created = ofTheCampaign(created(ID, "GT"), 1).to(early.figures());

        assertThat(created.kind()).isEqualTo(Step.Kind.APPLIED);
        assertThat(created.figures().seen()).isTrue();
        assertThat(created.figures().status()).isEqualTo("DRAFT");
        assertThat(created.figures().sequence()).isEqualTo(1);
        assertThat(created.figures().version()).isEqualTo(2);
        assertThat(created.figures().updatesCounted()).isEqualTo(1);
        assertThat(created.figures().cells()).singleElement().extracting(Cell::people).isEqualTo(1_200L);
    }

    @Test
    void shouldDetectAGapInTheRevisionsOfEachUpdateOnItsOwn() {
        CampaignFigures figures = deliverAll(List.of(ofTheCampaign(created(ID, "GT"), 1),
                ofTheUpdate(reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 0), 1)));

        Step<CampaignFigures> gap = ofTheUpdate(corrected(ID, "GT", "u2", 3, "2002-06-16", "radio", 80, 0), 3)
                .to(figures);
        assertThat(gap.kind()).isEqualTo(Step.Kind.APPLIED_AFTER_GAP);
        assertThat(gap.missing()).isEqualTo(2);

        Step<CampaignFigures> next = ofTheUpdate(corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 1_000, 0), 2)
                .to(gap.figures());
        assertThat(next.kind()).isEqualTo(Step.Kind.APPLIED);
        Step<CampaignFigures> launched = ofTheCampaign(launched(ID, "GT"), 2).to(next.figures());
        assertThat(launched.kind()).as("updates take no number of the campaign's").isEqualTo(Step.Kind.APPLIED);
        assertThat(launched.figures().gaps()).isEqualTo(1);
        assertThat(launched.figures().cells()).extracting(Cell::people).containsExactly(1_000L, 80L);
    }

    @Test
    void shouldApplyAVersion2CorrectionAndRetractionToAnUpdateReportedAsVersion1() {
        Delivery reportedAsV1 = new Delivery(reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 0), ID, 2,
                time(2));
        CampaignFigures figures = deliverAll(List.of(ofTheCampaign(created(ID, "GT"), 1), reportedAsV1,
                ofTheUpdate(corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 1_000, 0), 2)));

        assertThat(figures.cells()).singleElement().extracting(Cell::people).isEqualTo(1_000L);
        assertThat(figures.sequence()).isEqualTo(2);
        assertThat(reportedAsV1.to(figures).kind()).isEqualTo(Step.Kind.DUPLICATE);

        CampaignFigures retracted = ofTheUpdate(retracted(ID, "GT", "u1"), 3).to(figures).figures();
        assertThat(retracted.updatesRetracted()).isEqualTo(1);
        assertThat(retracted.cells()).isEmpty();
    }

    @Test
    void shouldIncrementTheVersionOnceForEveryChangeAndNeverForADuplicate() {
        CampaignFigures figures = CampaignFigures.empty(ID);
        for (Delivery delivery : version2(history())) {
            long before = figures.version();
            figures = delivery.to(figures).figures();
            assertThat(figures.version()).isEqualTo(before + 1);
            assertThat(delivery.to(figures).figures().version()).isEqualTo(before + 1);
        }
    }

    @Test
    void shouldRefuseAVersion2EventOfAnotherOfficeOrCampaignOrWhoseSubjectIsNotItsUpdate() {
        CampaignFigures figures = ofTheCampaign(created(ID, "GT"), 1).to(CampaignFigures.empty(ID)).figures();

        assertThatThrownBy(() -> ofTheUpdate(reported(ID, "HN", "u1", "2002-06-15", "poster", 10, 0), 1)
                .to(figures)).isInstanceOf(ProjectionException.class).hasMessageContaining("HN");
        assertThatThrownBy(() -> ofTheUpdate(reported("campaign-2", "GT", "u1", "2002-06-15", "poster", 10, 0), 1)
                .to(figures)).isInstanceOf(ProjectionException.class).hasMessageContaining("campaign-2");
        assertThatThrownBy(() -> figures.apply(launched(ID, "GT"), "u1", 1, time(2), Map.of()))
                .isInstanceOf(ProjectionException.class).hasMessageContaining("u1");
        assertThatThrownBy(() -> figures.apply(reported(ID, "GT", "u1", "2002-06-15", "poster", 10, 0), "u2", 1,
                time(2), Map.of())).isInstanceOf(ProjectionException.class);
        // an update that came first gave the document its office: a campaign of another one contradicts it
        CampaignFigures early = ofTheUpdate(reported(ID, "GT", "u1", "2002-06-15", "poster", 10, 0), 1)
                .to(CampaignFigures.empty(ID)).figures();
        assertThatThrownBy(() -> ofTheCampaign(created(ID, "HN"), 1).to(early))
                .isInstanceOf(ProjectionException.class).hasMessageContaining("HN");
    }

    /**
     * Delivers events as the consumers do: each poll's changes are settled at random (the journal's updates
     * stored as documents of their own, the journal emptied) or not (a crash between the two writes), and any
     * event already delivered may come again.
     */
    @Test
    void shouldGiveTheSameFiguresWhetherAnUpdateIsReadFromTheJournalOrFromItsOwnDocument() {
        List<Delivery> deliveries = version2(history());
        CampaignFigures unsettled = deliverAll(deliveries);
        Random random = new Random(2002);
        for (int round = 0; round < 50; round++) {
            Map<String, Update> stored = new HashMap<>();
            CampaignFigures figures = CampaignFigures.empty(ID);
            for (int i = 0; i < deliveries.size(); i++) {
                figures = deliveries.get(i).to(figures, stored).figures();
                if (random.nextBoolean()) {
                    figures.journal().values().forEach(update -> stored.put(update.id(), update));
                    figures = figures.withoutJournal();
                }
                Delivery again = deliveries.get(random.nextInt(i + 1));
                assertThat(again.to(figures, stored).kind()).as("round %d, %s", round, again)
                        .isEqualTo(Step.Kind.DUPLICATE);
            }
            assertThat(figures.withoutJournal()).as("round %d", round).isEqualTo(unsettled.withoutJournal());
            Map<String, Update> updates = new HashMap<>();
            stored.values().forEach(update -> updates.put(update.updateId(), update));
            updates.putAll(figures.journal());
            assertThat(updates).as("round %d", round).isEqualTo(unsettled.journal());
        }
    }

    @Test
    void shouldTakeAnUpdatesJournalEntryOverAnOlderStoredCopy() {
        CampaignFigures reported = ofTheUpdate(reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 0), 1)
                .to(ofTheCampaign(created(ID, "GT"), 1).to(CampaignFigures.empty(ID)).figures()).figures();
        Update u1 = reported.journal().get("u1");
        Map<String, Update> stored = Map.of(u1.id(), u1);
        CampaignFigures corrected = ofTheUpdate(corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 900, 0), 2)
                .to(reported.withoutJournal(), stored).figures();

        assertThat(corrected.current("u1", stored).revision()).isEqualTo(2);
        assertThat(corrected.current("u1", stored).version()).isEqualTo(2);
        assertThat(corrected.cells()).singleElement().extracting(Cell::people).isEqualTo(900L);
        assertThat(ofTheUpdate(corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 900, 0), 2)
                .to(corrected, stored).kind()).as("the journal knows revision 2").isEqualTo(Step.Kind.DUPLICATE);
    }
}
