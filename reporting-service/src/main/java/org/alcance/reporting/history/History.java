package org.alcance.reporting.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.Figures;
import org.alcance.reporting.projection.PeriodFigures;
import org.alcance.reporting.projection.ScheduleFigures;
import org.alcance.reporting.projection.VocabularyFigures;

/**
 * The read models as the event log says they stood at the end of {@code day}, held in memory for answers about
 * that day: campaigns (without journals), the updates of each campaign by campaign id, courses, periods, the
 * schedule (null if none was set by then) and the catalogue's entries.
 */
public record History(LocalDate day, Map<String, CampaignFigures> campaigns,
        Map<String, List<CampaignFigures.Update>> updates, Map<String, CourseFigures> courses,
        Map<String, PeriodFigures> periods, ScheduleFigures schedule, List<VocabularyFigures> vocabulary) {

    /** Campaigns of an office (all if null) and theme (any if null), ordered by id, as live figures are. */
    public List<CampaignFigures> campaigns(String office, String theme) {
        return campaigns.values().stream().filter(c -> c.inScope(office, theme))
                .sorted(java.util.Comparator.comparing(Figures::id)).toList();
    }

    /** Courses of an office (all if null) and topic (any if null), ordered by id. */
    public List<CourseFigures> courses(String office, String topic) {
        return courses.values().stream().filter(c -> c.inScope(office, topic))
                .sorted(java.util.Comparator.comparing(Figures::id)).toList();
    }

    /** The counted updates of each of {@code campaigns}, by campaign id. */
    public Map<String, List<CampaignFigures.Update>> counted(List<CampaignFigures> campaigns) {
        Map<String, List<CampaignFigures.Update>> counted = new java.util.TreeMap<>();
        campaigns.forEach(c -> counted.put(c.id(), updates.getOrDefault(c.id(), List.of()).stream()
                .filter(CampaignFigures.Update::counted).toList()));
        return counted;
    }
}
