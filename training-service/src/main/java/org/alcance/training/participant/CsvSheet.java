package org.alcance.training.participant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alcance.web.CsvReader;
import org.alcance.web.Problem;
import org.springframework.http.HttpStatus;

/**
 * An uploaded CSV with a header of known columns, as rows of column name to cell. A header naming
 * an unknown column, or missing a required one, refuses the whole file; rows whose cells are all
 * empty are skipped.
 *
 * @param rows keyed by row number, 1 for the first row after the header
 */
record CsvSheet(Map<Integer, Map<String, String>> rows) {

    static CsvSheet read(byte[] body, List<String> columns, List<List<String>> oneOfEach) {
        List<CsvReader.Record> records = CsvReader.readUpload(body);
        if (records.isEmpty()) {
            throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "The CSV is empty: it needs a header row naming the columns",
                    List.of(new Problem.FieldError("header", "is missing")));
        }
        List<String> header = records.get(0).cells().stream().map(String::strip).toList();
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!name.isEmpty() && !columns.contains(name)) {
                errors.add(new Problem.FieldError(name, "is not a column of this upload; the columns are " + columns));
            } else if (!name.isEmpty() && seen.putIfAbsent(name, i) != null) {
                errors.add(new Problem.FieldError(name, "appears more than once in the header"));
            }
        }
        for (List<String> alternatives : oneOfEach) {
            if (alternatives.stream().noneMatch(seen::containsKey)) {
                errors.add(new Problem.FieldError(String.join("|", alternatives), "is a required column"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "The CSV header is not valid", errors);
        }
        Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            CsvReader.Record record = records.get(r);
            if (record.isBlank()) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            seen.forEach((name, index) -> {
                String cell = index < record.cells().size() ? record.cells().get(index).strip() : "";
                if (!cell.isEmpty()) {
                    cells.put(name, cell);
                }
            });
            rows.put(r, cells);
        }
        return new CsvSheet(rows);
    }
}
