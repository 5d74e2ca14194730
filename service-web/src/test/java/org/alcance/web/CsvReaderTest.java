package org.alcance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> cells(String text) {
        return CsvReader.read(text).stream().map(CsvReader.Record::cells).toList();
    }

    @Test
    void shouldSplitRecordsOnCommasAndLineBreaks() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "2", "3")), cells("a,b,c\n1,2,3\n"));
    }

    @Test
    void shouldEndRecordsOnCrLfLfAndALoneCr() {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), cells("a\r\nb\nc\rd"));
    }

    @Test
    void shouldNotStartAnotherRecordForALineBreakAtTheEnd() {
        assertEquals(List.of(List.of("a", "b")), cells("a,b\r\n"));
        assertEquals(List.of(List.of("a", "b")), cells("a,b"));
    }

    @Test
    void shouldReadNothingFromEmptyText() {
        assertEquals(List.of(), cells(""));
    }

    @Test
    void shouldKeepCommasInsideQuotedFields() {
        assertEquals(List.of(List.of("Tecún Umán, San Marcos", "poster")), cells("\"Tecún Umán, San Marcos\",poster"));
    }

    @Test
    void shouldReadADoubledQuoteAsOneQuote() {
        assertEquals(List.of(List.of("the \"Migrant Friend\" poster", "x")),
                cells("\"the \"\"Migrant Friend\"\" poster\",x"));
    }

    @Test
    void shouldReadAQuotedFieldOfOnlyADoubledQuote() {
        assertEquals(List.of(List.of("\"")), cells("\"\"\"\""));
    }

    @Test
    void shouldKeepLineBreaksInsideQuotedFieldsAndCountLinesAcrossThem() {
        List<CsvReader.Record> records = CsvReader.read("ref,notes\r\nr1,\"first line\r\nsecond line\nthird\"\r\nr2,plain\r\n");
        assertEquals(List.of("r1", "first line\r\nsecond line\nthird"), records.get(1).cells());
        assertEquals(List.of("r2", "plain"), records.get(2).cells());
        assertEquals(2, records.get(1).line());
        assertEquals(5, records.get(2).line());
    }

    @Test
    void shouldReadEmptyFieldsQuotedOrNot() {
        assertEquals(List.of(List.of("", "", "", "")), cells(",\"\",,"));
    }

    @Test
    void shouldReadATrailingCommaAsAnEmptyLastField() {
        assertEquals(List.of(List.of("a", ""), List.of("b", "")), cells("a,\nb,"));
    }

    @Test
    void shouldKeepAQuoteInsideAnUnquotedFieldAsItIs() {
        assertEquals(List.of(List.of("12\" poster", "x")), cells("12\" poster,x"));
    }

    @Test
    void shouldKeepSpacesAroundFields() {
        assertEquals(List.of(List.of(" a ", "b ")), cells(" a ,b "));
    }

    @Test
    void shouldReadABlankLineAsABlankRecord() {
        List<CsvReader.Record> records = CsvReader.read("a\n\nb\n");
        assertEquals(3, records.size());
        assertTrue(records.get(1).isBlank());
    }

    @Test
    void shouldSkipAByteOrderMark() {
        byte[] bytes = "\uFEFFclientReference,place\nr1,Malacatán\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("clientReference", "place"), CsvReader.read(bytes).get(0).cells());
        assertEquals(List.of("r1", "Malacatán"), CsvReader.read(bytes).get(1).cells());
    }

    @Test
    void shouldRefuseAQuotedFieldThatIsNeverClosed() {
        CsvReader.MalformedCsv error = assertThrows(CsvReader.MalformedCsv.class,
                () -> CsvReader.read("a,b\nr1,\"open\nstill open\n"));
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("never closed"), error.getMessage());
    }

    @Test
    void shouldRefuseTextAfterAClosingQuote() {
        CsvReader.MalformedCsv error = assertThrows(CsvReader.MalformedCsv.class,
                () -> CsvReader.read("a,b\n\"quoted\"tail,b\n"));
        assertEquals(2, error.line());
    }

    @Test
    void shouldNameTheLineItsRecordStartsOnForAQuoteNeverClosed() {
        CsvReader.MalformedCsv error = assertThrows(CsvReader.MalformedCsv.class,
                () -> CsvReader.read("a,b\nr1,\"two\nlines\",\"open\n"));
        assertEquals(2, error.line());
    }

    @Test
    void shouldDropWhitespaceAfterAClosingQuote() {
        assertEquals(List.of(List.of("a", "b")), cells("\"a\" ,b"));
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8AndSayOnWhichLine() {
        byte[] latin1 = "a,b\nr1,Tec\u00fan\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvReader.MalformedCsv error = assertThrows(CsvReader.MalformedCsv.class, () -> CsvReader.read(latin1));
        assertEquals(2, error.line());
        assertTrue(error.getMessage().contains("UTF-8"), error.getMessage());
    }
}
