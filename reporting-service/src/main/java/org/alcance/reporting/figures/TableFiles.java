package org.alcance.reporting.figures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alcance.reporting.figures.ExportTables.Table;
import org.alcance.reporting.figures.Views.Filters;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a table as CSV (RFC 4180, UTF-8) or as an XLSX workbook. */
final class TableFiles {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_SHEET_NAME = 31;

    private TableFiles() {
    }

    static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(table.columns()));
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(values.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        // a spreadsheet would run a text cell starting like a formula: a title typed by a field office must stay text
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The table on its first sheet, numbers as numbers; a second sheet says which figures these are. */
    static byte[] xlsx(Table table, Filters filters, String asOf) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "Alcance", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(table.name().length() > MAX_SHEET_NAME
                    ? table.name().substring(0, MAX_SHEET_NAME) : table.name());
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(0, c, table.columns().get(c));
            }
            sheet.range(0, 0, 0, table.columns().size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r + 1, c, number);
                    } else if (value != null) {
                        sheet.value(r + 1, c, value.toString());
                    }
                }
            }
            Worksheet about = workbook.newWorksheet("about");
            String[][] facts = {{"table", table.name()}, {ExportTables.AS_OF, asOf}, {"office", filters.office()},
                    {"theme", filters.theme()}, {"from", filters.from()}, {"to", filters.to()},
                    {"figuresAsOfDay", filters.asOf()}};
            for (int r = 0; r < facts.length; r++) {
                about.value(r, 0, facts[r][0]);
                if (facts[r][1] != null) {
                    about.value(r, 1, facts[r][1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
