package org.alcance.reporting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.alcance.reporting.figures.ExportTables.Table;
import org.alcance.reporting.figures.Views.Filters;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class TableFilesTest {

    private static final Table CAMPAIGNS = new Table("campaigns", List.of("title", "reached", "percent", "asOf"),
            List.of(Arrays.asList("Posters at the bridge, both sides", 1_200L, new BigDecimal("0.5"), "2002-06-01T08:01:00Z"),
                    Arrays.asList("the \"Migrant Friend\" poster", 0L, null, "2002-06-01T08:01:00Z"),
                    Arrays.asList("=HYPERLINK(\"http://example.org\")", 3L, new BigDecimal("100.0"), null)));

    @Test
    void shouldQuoteCsvFieldsWithCommasOrQuotesAndKeepFormulasText() {
        assertThat(new String(TableFiles.csv(CAMPAIGNS), StandardCharsets.UTF_8)).isEqualTo("""
                title,reached,percent,asOf\r
                "Posters at the bridge, both sides",1200,0.5,2002-06-01T08:01:00Z\r
                "the ""Migrant Friend"" poster",0,,2002-06-01T08:01:00Z\r
                "'=HYPERLINK(""http://example.org"")",3,100.0,\r
                """);
    }

    @Test
    void shouldWriteNumbersAsNumberCellsAndTheFiltersOnASecondSheet() throws IOException {
        byte[] xlsx = TableFiles.xlsx(CAMPAIGNS, new Filters("GT", null, "2002-06", null, null), "2002-06-01T08:01:00Z");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("campaigns");
            assertThat(rows).hasSize(4);
            assertThat(rows.get(1).getCell(0).getText()).isEqualTo("Posters at the bridge, both sides");
            assertThat(rows.get(1).getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(rows.get(1).getCell(1).asNumber()).isEqualByComparingTo("1200");
            assertThat(rows.get(1).getCell(2).asNumber()).isEqualByComparingTo("0.5");
            assertThat(rows.get(3).getCell(0).getText()).isEqualTo("=HYPERLINK(\"http://example.org\")");
            assertThat(rows.get(3).getCell(0).getType()).isEqualTo(CellType.STRING);
            List<Row> about = workbook.findSheet("about").orElseThrow().read();
            assertThat(about.get(1).getCellText(1)).isEqualTo("2002-06-01T08:01:00Z");
            assertThat(about.get(2).getCellText(1)).isEqualTo("GT");
            assertThat(about.get(4).getCellText(1)).isEqualTo("2002-06");
        }
    }

    @Test
    void shouldShortenASheetNameToTheThirtyOneCharactersSpreadsheetsAllow() throws IOException {
        Table long_ = new Table("participants-by-organisation-type", List.of("organisationType"), List.of());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                TableFiles.xlsx(long_, new Filters(null, null, null, null, null), null)))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("participants-by-organisation-ty");
        }
    }
}
