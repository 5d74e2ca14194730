package org.alcance.reporting.figures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.alcance.events.vocabulary.VocabularyKind;
import org.alcance.reporting.figures.FigureService.Report;
import org.alcance.reporting.figures.Views.Overview;

/**
 * The tables of the figures that can be exported, each cut from the very {@link Report} the JSON answers
 * are, so a file never says another number than the API. Every row ends with the figures' {@code asOf}, so
 * that a file keeps saying how fresh it is once it left the HTTP response.
 */
final class ExportTables {

    static final String AS_OF = "asOf";

    /** Column names, then one list of values (String, Number or null) per row; the name is the file's. */
    record Table(String name, List<String> columns, List<List<Object>> rows) {
    }

    private static final Map<String, Function<Report, Table>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("totals", ExportTables::totals);
        TABLES.put("campaigns-by-status", r -> counts(r, "status", "campaigns", r.overview().campaigns().byStatus()));
        TABLES.put("reach-by-audience", r -> labelled(r, VocabularyKind.AUDIENCE, "people",
                r.overview().reach().byAudience()));
        TABLES.put("reach-by-office", r -> counts(r, "office", "people", r.overview().reach().byOffice()));
        TABLES.put("reach-by-theme", r -> labelled(r, VocabularyKind.THEME, "people", r.overview().reach().byTheme()));
        TABLES.put("reach-by-channel", r -> labelled(r, VocabularyKind.CHANNEL, "people",
                r.overview().reach().byChannel()));
        TABLES.put("reach-by-month", r -> counts(r, "month", "people", r.overview().reach().byMonth()));
        TABLES.put("reach-by-country", r -> counts(r, "country", "people", r.overview().reach().byCountry()));
        TABLES.put("reach-by-subdivision", r -> counts(r, "subdivision", "people",
                r.overview().reach().bySubdivision()));
        TABLES.put("reach-by-sex", r -> counts(r, "sex", "people", r.overview().reach().bySex()));
        TABLES.put("reach-by-age-group", r -> counts(r, "ageGroup", "people", r.overview().reach().byAgeGroup()));
        TABLES.put("targets", ExportTables::targets);
        TABLES.put("materials", r -> labelled(r, VocabularyKind.MATERIAL, "distributed", r.overview().materials()));
        TABLES.put("campaigns", ExportTables::campaigns);
        TABLES.put("courses-by-status", r -> counts(r, "status", "courses", r.overview().courses().byStatus()));
        TABLES.put("courses", ExportTables::courses);
        TABLES.put("participants-by-office", ExportTables::participantsByOffice);
        TABLES.put("participants-by-sex", r -> participants(r, "sex", r.overview().participants().bySex()));
        TABLES.put("participants-by-organisation-type", ExportTables::participantsByOrganisationType);
        TABLES.put("participants-by-country", r -> participants(r, "country",
                r.overview().participants().byCountry()));
        TABLES.put("training-targets", ExportTables::trainingTargets);
        TABLES.put("reporting-periods", ExportTables::periods);
    }

    private ExportTables() {
    }

    static Set<String> names() {
        return TABLES.keySet();
    }

    static boolean exists(String name) {
        return TABLES.containsKey(name);
    }

    static Table table(String name, Report report) {
        Table table = TABLES.get(name).apply(report);
        return new Table(name, table.columns(), table.rows());
    }

    private static Table totals(Report report) {
        Overview o = report.overview();
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("campaigns", o.campaigns().total());
        totals.put("updatesCounted", o.campaigns().updatesCounted());
        totals.put("peopleReached", o.reach().total());
        totals.put("courses", o.courses().total());
        totals.put("sessionsHeld", o.courses().sessionsHeld());
        totals.put("participantsEnrolled", o.participants().enrolled());
        totals.put("participantsWaitlisted", o.participants().waitlisted());
        totals.put("participantsWithdrawn", o.participants().withdrawn());
        totals.put("participantsAttended", o.participants().attended());
        totals.put("participantSessionsAttended", o.participants().attendedSessions());
        totals.put("participantsCompleted", o.participants().completed());
        totals.put("peopleEnrolled", o.participants().people().enrolled());
        totals.put("peopleAttended", o.participants().people().attended());
        totals.put("peopleCompleted", o.participants().people().completed());
        totals.put("illustrativeCampaigns", o.illustrative().campaigns());
        totals.put("illustrativeCourses", o.illustrative().courses());
        return counts(report, "measure", "value", totals);
    }

    private static Table counts(Report report, String key, String value, Map<String, Long> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(row(report, k, v)));
        return new Table(null, List.of(key, value, AS_OF), rows);
    }

    /**
     * Counts by code of the catalogue (or by a value that names none), each with its label in the answer's
     * language; the code's column is named as the kind's field is: {@code audience}, {@code material}.
     */
    private static Table labelled(Report report, VocabularyKind kind, String value, Map<String, Long> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((code, count) -> rows.add(row(report, code, label(report, kind, code), count)));
        return new Table(null, List.of(column(kind), "label", value, AS_OF), rows);
    }

    private static String column(VocabularyKind kind) {
        return switch (kind) {
            case AUDIENCE -> "audience";
            case CHANNEL -> "channel";
            case THEME -> "theme";
            case MATERIAL -> "material";
            case ORGANISATION_TYPE -> "organisationType";
        };
    }

    private static String label(Report report, VocabularyKind kind, String code) {
        return report.overview().labels().of(kind, code);
    }

    private static Table targets(Report report) {
        List<List<Object>> rows = new ArrayList<>();
        report.overview().targets().forEach(t -> rows.add(row(report, t.audience(),
                label(report, VocabularyKind.AUDIENCE, t.audience()), t.target(), t.reached(), t.percentAchieved())));
        return new Table(null, List.of("audience", "label", "target", "reached", "percentAchieved", AS_OF), rows);
    }

    private static Table participants(Report report, String key, Map<String, Views.Counts> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(row(report, k, c.enrolled(), c.attended(), c.completed())));
        return new Table(null, List.of(key, "enrolled", "attended", "completed", AS_OF), rows);
    }

    private static Table participantsByOrganisationType(Report report) {
        List<List<Object>> rows = new ArrayList<>();
        report.overview().participants().byOrganisationType().forEach((type, c) -> rows.add(row(report, type,
                label(report, VocabularyKind.ORGANISATION_TYPE, type), c.enrolled(), c.attended(), c.completed())));
        return new Table(null, List.of("organisationType", "label", "enrolled", "attended", "completed", AS_OF),
                rows);
    }

    private static Table trainingTargets(Report report) {
        List<List<Object>> rows = new ArrayList<>();
        report.overview().trainingTargets().forEach(t -> rows.add(row(report, t.organisationType(), t.sex(),
                t.target(), t.trained(), t.percentAchieved())));
        return new Table(null, List.of("organisationType", "sex", "target", "trained", "percentAchieved", AS_OF), rows);
    }

    private static Table periods(Report report) {
        List<List<Object>> rows = new ArrayList<>();
        report.overview().periods().forEach(p -> rows.add(row(report, p.period(), p.from(), p.to(), p.status())));
        return new Table(null, List.of("period", "from", "to", "status", AS_OF), rows);
    }

    /** Enrolments, then people counted once, of each office. */
    private static Table participantsByOffice(Report report) {
        Views.Participants participants = report.overview().participants();
        List<List<Object>> rows = new ArrayList<>();
        participants.byOffice().forEach((office, c) -> {
            Views.Counts people = participants.peopleByOffice().get(office);
            rows.add(row(report, office, c.enrolled(), c.attended(), c.completed(), people.enrolled(),
                    people.attended(), people.completed()));
        });
        return new Table(null, List.of("office", "enrolled", "attended", "completed", "peopleEnrolled",
                "peopleAttended", "peopleCompleted", AS_OF), rows);
    }

    private static Table campaigns(Report report) {
        List<List<Object>> rows = new ArrayList<>();
        report.campaigns().forEach(c -> rows.add(row(report, c.id(), c.office(), c.title(), c.status(), c.reached(),
                c.illustrative())));
        return new Table(null, List.of("id", "office", "title", "status", "reached", "illustrative", AS_OF), rows);
    }

    private static Table courses(Report report) {
        List<List<Object>> rows = new ArrayList<>();
        report.courses().forEach(c -> rows.add(row(report, c.id(), c.office(), c.title(), c.status(), c.enrolled(),
                c.completed(), c.illustrative())));
        return new Table(null, List.of("id", "office", "title", "status", "enrolled", "completed", "illustrative", AS_OF),
                rows);
    }

    private static List<Object> row(Report report, Object... values) {
        List<Object> row = new ArrayList<>(Arrays.asList(values));
        Instant asOf = report.overview().asOf();
        row.add(asOf == null ? null : asOf.toString());
        return row;
    }
}
