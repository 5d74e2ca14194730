package org.alcance.campaign.update;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.alcance.web.CsvReader;
import org.alcance.web.Problem;
import org.alcance.events.AgeGroup;
import org.alcance.events.Sex;
import org.springframework.http.HttpStatus;

/**
 * Turns the records of a bulk-upload CSV into progress updates. The header names the columns:
 * {@code clientReference}, {@code reportedOn}, {@code place}, {@code adminArea}, {@code subdivision},
 * {@code latitude}, {@code longitude}, {@code channel},
 * {@code notes}, {@code materials.<kind>}, {@code reach.<audience>} and the breakdowns
 * {@code reach.<audience>.sex.<SEX>} and {@code reach.<audience>.age.<AGE_GROUP>}. A header that
 * names anything else refuses the whole file; a bad cell refuses its row only, naming its column.
 */
final class CsvRows {

    static final List<String> FIXED_COLUMNS = List.of("clientReference", "reportedOn", "place", "adminArea",
            "subdivision", "latitude", "longitude", "channel", "notes");
    private static final List<String> PLACE_COLUMNS = List.of("place", "adminArea", "subdivision", "latitude",
            "longitude");
    private static final String KNOWN_COLUMNS = String.join(", ", FIXED_COLUMNS)
            + ", materials.<kind>, reach.<audience>, reach.<audience>.sex.<" + names(Sex.values())
            + ">, reach.<audience>.age.<" + names(AgeGroup.values()) + ">";
    private static final List<String> REQUIRED_COLUMNS = List.of("clientReference", "reportedOn", "place", "channel");
    private static final Pattern MATERIAL = Pattern.compile("materials\\.(.+)");
    private static final Pattern BY_SEX = Pattern.compile("reach\\.(.+)\\.sex\\.([^.]+)");
    private static final Pattern BY_AGE = Pattern.compile("reach\\.(.+)\\.age\\.([^.]+)");
    private static final Pattern REACH = Pattern.compile("reach\\.(.+)");
    private static final Pattern REACH_PATH = Pattern.compile(
            "reach\\[(\\d+)](?:\\.(audience|people|bySex|byAgeGroup))?(?:\\.(.+))?");

    private CsvRows() {
    }

    private sealed interface Column {
        String name();
    }

    private record Fixed(String name) implements Column {
    }

    private record Material(String name, String kind) implements Column {
    }

    private record Reach(String name, String audience) implements Column {
    }

    private record Breakdown(String name, String audience, boolean bySex, String key) implements Column {
    }

    /** A column without a name and without a value in any row, as spreadsheets sometimes export. */
    private record Ignored(String name) implements Column {
    }

    /**
     * @param audiences the campaign's audiences: a {@code reach.} column must name one of them
     * @throws Problem 422 when the file is empty or its header names a column this upload does not know
     */
    static List<BulkRow> rows(List<CsvReader.Record> records, Collection<String> audiences) {
        if (records.isEmpty()) {
            throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "The CSV is empty: it needs a header row naming the columns",
                    List.of(new Problem.FieldError("header", "is missing")));
        }
        List<CsvReader.Record> data = records.subList(1, records.size());
        List<Column> columns = header(records.get(0).cells(), data, audiences);
        List<BulkRow> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            CsvReader.Record record = data.get(i);
            if (!record.isBlank()) {
                rows.add(row(i + 1, record, columns));
            }
        }
        return rows;
    }

    private static List<Column> header(List<String> names, List<CsvReader.Record> data, Collection<String> audiences) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean unknown = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                int index = i;
                boolean unused = data.stream().allMatch(r -> index >= r.cells().size() || r.cells().get(index).isBlank());
                if (!unused) {
                    errors.add(new Problem.FieldError("column " + (i + 1), "has values but no name in the header"));
                }
                columns.add(new Ignored(""));
                continue;
            }
            if (!seen.add(name)) {
                errors.add(new Problem.FieldError(name, "appears more than once in the header"));
            }
            Column column = column(name);
            columns.add(column);
            if (column == null) {
                errors.add(new Problem.FieldError(name, "is not a column of a bulk upload"));
                unknown = true;
            } else if (column instanceof Reach reach && !audiences.contains(reach.audience())) {
                errors.add(new Problem.FieldError(name, reach.audience() + " is not one of the campaign's audiences "
                        + audiences));
            } else if (column instanceof Breakdown breakdown) {
                String people = "reach." + breakdown.audience();
                if (!names.stream().map(String::strip).toList().contains(people)) {
                    errors.add(new Problem.FieldError(name, "needs the column " + people + " for the people it breaks down"));
                }
                if (breakdown.bySex() ? !isConstant(Sex.values(), breakdown.key())
                        : !isConstant(AgeGroup.values(), breakdown.key())) {
                    errors.add(new Problem.FieldError(name, breakdown.key() + " is not one of "
                            + names(breakdown.bySex() ? Sex.values() : AgeGroup.values())));
                }
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!seen.contains(required)) {
                errors.add(new Problem.FieldError(required, "is a required column"));
            }
        }
        if (columns.stream().noneMatch(Reach.class::isInstance)) {
            errors.add(new Problem.FieldError("reach.<audience>", "at least one column of people reached is required"));
        }
        if (!errors.isEmpty()) {
            throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "The CSV header is not valid: " + errors.stream()
                    .map(e -> e.field() + " " + e.detail()).collect(Collectors.joining("; "))
                    + (unknown ? ". The columns are " + KNOWN_COLUMNS : ""), errors);
        }
        return columns;
    }

    private static Column column(String name) {
        if (FIXED_COLUMNS.contains(name)) {
            return new Fixed(name);
        }
        Matcher m;
        if ((m = MATERIAL.matcher(name)).matches()) {
            return new Material(name, m.group(1));
        }
        if ((m = BY_SEX.matcher(name)).matches()) {
            return new Breakdown(name, m.group(1), true, m.group(2));
        }
        if ((m = BY_AGE.matcher(name)).matches()) {
            return new Breakdown(name, m.group(1), false, m.group(2));
        }
        if ((m = REACH.matcher(name)).matches()) {
            return new Reach(name, m.group(1));
        }
        return null;
    }

    private static BulkRow row(int number, CsvReader.Record record, List<Column> columns) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> cells = record.cells();
        if (cells.size() > columns.size() && cells.subList(columns.size(), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            errors.add(new Problem.FieldError("row", "has " + cells.size() + " cells but the header names "
                    + columns.size() + " columns"));
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        Map<String, Long> materials = new LinkedHashMap<>();
        Map<String, Long> people = new LinkedHashMap<>();
        Map<String, Map<String, Long>> bySex = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byAge = new LinkedHashMap<>();
        Set<String> audiences = new java.util.LinkedHashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String cell = i < cells.size() ? cells.get(i).strip() : "";
            Column column = columns.get(i);
            if (column instanceof Reach reach) {
                audiences.add(reach.audience());
            }
            if (cell.isEmpty()) {
                continue;
            }
            if (column instanceof Fixed f) {
                fixed.put(f.name(), cell);
            } else if (column instanceof Material m) {
                put(materials, m.kind(), cell, m.name(), errors);
            } else if (column instanceof Reach r) {
                put(people, r.audience(), cell, r.name(), errors);
            } else if (column instanceof Breakdown b) {
                put((b.bySex() ? bySex : byAge).computeIfAbsent(b.audience(), a -> new LinkedHashMap<>()), b.key(), cell,
                        b.name(), errors);
            }
        }
        LocalDate reportedOn = null;
        if (fixed.containsKey("reportedOn")) {
            try {
                reportedOn = LocalDate.parse(fixed.get("reportedOn"));
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("reportedOn", "must be a date written YYYY-MM-DD, not \""
                        + fixed.get("reportedOn") + "\""));
            }
        }
        List<UpdateRequests.ReachInput> reach = new ArrayList<>();
        for (String audience : audiences) {
            boolean brokenDown = bySex.containsKey(audience) || byAge.containsKey(audience);
            if (!people.containsKey(audience)) {
                if (brokenDown && errors.stream().noneMatch(e -> e.field().equals("reach." + audience))) {
                    errors.add(new Problem.FieldError("reach." + audience,
                            "is empty but its breakdown columns are not: give the number of people reached"));
                }
                continue;
            }
            reach.add(new UpdateRequests.ReachInput(audience, people.get(audience), bySex.get(audience), byAge.get(audience)));
        }
        UpdateRequests.PlaceInput place = PLACE_COLUMNS.stream().anyMatch(fixed::containsKey)
                ? new UpdateRequests.PlaceInput(fixed.get("place"), fixed.get("adminArea"), fixed.get("subdivision"),
                        degrees(fixed, "latitude", errors), degrees(fixed, "longitude", errors))
                : null;
        UpdateRequests.Report report = new UpdateRequests.Report(reportedOn, place, fixed.get("channel"),
                materials.isEmpty() ? null : materials, reach, fixed.get("notes"), fixed.get("clientReference"));
        List<String> reached = reach.stream().map(UpdateRequests.ReachInput::audience).toList();
        return new BulkRow(number, report, errors, field -> column(field, reached));
    }

    private static Double degrees(Map<String, String> fixed, String column, List<Problem.FieldError> errors) {
        String cell = fixed.get(column);
        if (cell == null) {
            return null;
        }
        try {
            return Double.valueOf(cell);
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(column, "must be decimal degrees such as 14.68, not \"" + cell + "\""));
            return null;
        }
    }

    private static void put(Map<String, Long> counts, String key, String cell, String column,
            List<Problem.FieldError> errors) {
        try {
            counts.put(key, Long.parseLong(cell));
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(column, "must be a whole number (digits only), not \"" + cell + "\""));
        }
    }

    /**
     * The column a field of an update comes from: {@code reach[1].bySex.FEMALE} is
     * {@code reach.teachers.sex.FEMALE} when the row's second audience reached is teachers.
     */
    static String column(String field, List<String> reached) {
        if (field == null) {
            return null;
        }
        switch (field) {
            case "place.name":
                return "place";
            case "place.adminArea":
                return "adminArea";
            case "place.subdivision":
                return "subdivision";
            case "place.latitude":
                return "latitude";
            case "place.longitude":
                return "longitude";
            default:
                break;
        }
        Matcher m = REACH_PATH.matcher(field);
        if (!m.matches()) {
            return field;
        }
        int index = Integer.parseInt(m.group(1));
        if (index >= reached.size()) {
            return field;
        }
        String column = "reach." + reached.get(index);
        String part = m.group(2);
        String key = m.group(3) == null ? "" : "." + m.group(3);
        if ("bySex".equals(part)) {
            return column + ".sex" + key;
        }
        if ("byAgeGroup".equals(part)) {
            return column + ".age" + key;
        }
        return column;
    }

    private static boolean isConstant(Enum<?>[] constants, String name) {
        return Arrays.stream(constants).anyMatch(c -> c.name().equals(name));
    }

    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining("|"));
    }
}
