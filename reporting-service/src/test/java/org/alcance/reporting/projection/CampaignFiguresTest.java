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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alcance.events.campaign.CampaignEvent;
import org.alcance.reporting.projection.CampaignFigures.Cell;
import org.junit.jupiter.api.Test;

class CampaignFiguresTest {

    private static final String ID = "campaign-1";
    private static final Instant T0 = Instant.parse("2002-06-01T00:00:00Z");

    /** The history of a campaign whose first update is corrected and whose second one is retracted. */
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
            figures = figures.apply(events.get(i), i + 1, time(i + 1)).figures();
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
                new Cell("2002-06", "children", "poster", 1_000, Map.of(), Map.of()),
                new Cell("2002-06", "children", "workshop", 0, Map.of(), Map.of()),
                new Cell("2002-06", "teachers", "workshop", 40, Map.of("FEMALE", 20L, "MALE", 20L),
                        Map.of("AGE_25_34", 40L)),
                new Cell("2002-07", "children", "radio", 5_000, Map.of(), Map.of()));
    }

    @Test
    void shouldCountNothingTwiceWhenEveryEventArrivesTwiceAndOldOnesArriveAgainLater() {
        List<CampaignEvent> events = history();
        CampaignFigures figures = CampaignFigures.empty(ID);
        long duplicates = 0;
        for (int i = 0; i < events.size(); i++) {
            for (int copy = 0; copy < 2; copy++) {
                Step<CampaignFigures> step = figures.apply(events.get(i), i + 1, time(i + 1));
                duplicates += step.changed() ? 0 : 1;
                figures = step.figures();
            }
            if (i >= 3) { // an old record redelivered after a rebalance
                Step<CampaignFigures> late = figures.apply(events.get(i - 3), i - 2, time(i - 2));
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
                figures = figures.apply(events.get(i), i + 1, time(i + 1)).figures();
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

        assertThat(figures.updates().get("u1").revision()).isEqualTo(3);
        assertThat(figures.cells()).singleElement().extracting(Cell::people).isEqualTo(900L);
        assertThat(figures.sequence()).isEqualTo(4);
    }

    @Test
    void shouldMoveACorrectionToItsNewMonthAndChannel() {
        CampaignFigures figures = applyAll(List.of(created(ID, "GT"),
                reported(ID, "GT", "u1", "2002-06-30", "poster", 1_200, 0),
                corrected(ID, "GT", "u1", 2, "2002-07-01", "radio", 1_200, 0)));

        assertThat(figures.cells()).containsExactly(new Cell("2002-07", "children", "radio", 1_200, Map.of(), Map.of()));
    }

    @Test
    void shouldKeepARetractedUpdateOutOfEveryTotalEvenWhenCorrectedAfterwards() {
        CampaignFigures figures = applyAll(List.of(created(ID, "GT"),
                reported(ID, "GT", "u1", "2002-06-15", "poster", 1_200, 30),
                reported(ID, "GT", "u2", "2002-06-15", "poster", 100, 0),
                retracted(ID, "GT", "u1"),
                corrected(ID, "GT", "u1", 2, "2002-06-15", "poster", 5_000, 0)));

        assertThat(figures.updates().get("u1").retracted()).isTrue();
        assertThat(figures.updates().get("u1").revision()).isEqualTo(2);
        assertThat(figures.updatesCounted()).isEqualTo(1);
        assertThat(figures.updatesRetracted()).isEqualTo(1);
        assertThat(figures.cells()).containsExactly(new Cell("2002-06", "children", "poster", 100, Map.of(), Map.of()));
        assertThat(figures.materials()).isEqualTo(Map.of("posters", 10L));
    }

    @Test
    void shouldApplyAnEventAfterAGapAndReportHowManyAreMissing() {
        CampaignFigures figures = CampaignFigures.empty(ID).apply(created(ID, "GT"), 1, time(1)).figures();

        Step<CampaignFigures> step = figures.apply(reported(ID, "GT", "u1", "2002-06-15", "poster", 700, 0), 4,
                time(4));

        assertThat(step.kind()).isEqualTo(Step.Kind.APPLIED_AFTER_GAP);
        assertThat(step.missing()).isEqualTo(2);
        assertThat(step.figures().sequence()).isEqualTo(4);
        assertThat(step.figures().gaps()).isEqualTo(1);
        assertThat(step.figures().cells()).extracting(Cell::people).containsExactly(700L);
        // the missing events, if they come later, are behind the sequence: duplicates, not double counts
        assertThat(step.figures().apply(reported(ID, "GT", "u0", "2002-06-14", "poster", 9, 0), 2, time(2)).kind())
                .isEqualTo(Step.Kind.DUPLICATE);
    }

    @Test
    void shouldKeepTheNewestEventTimeAsAsOfEvenIfAClockWentBackwards() {
        CampaignFigures figures = CampaignFigures.empty(ID).apply(created(ID, "GT"), 1, time(5)).figures()
                .apply(launched(ID, "GT"), 2, time(3)).figures();

        assertThat(figures.asOf()).isEqualTo(time(5));
        assertThat(figures.status()).isEqualTo("ACTIVE");
    }

    @Test
    void shouldRefuseAnEventThatNamesAnotherOfficeForTheCampaign() {
        CampaignFigures figures = CampaignFigures.empty(ID).apply(created(ID, "GT"), 1, time(1)).figures();

        assertThatThrownBy(() -> figures.apply(launched(ID, "HN"), 2, time(2)))
                .isInstanceOf(ProjectionException.class).hasMessageContaining("HN");
        assertThatThrownBy(() -> figures.apply(launched("campaign-2", "GT"), 2, time(2)))
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
}
