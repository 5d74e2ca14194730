package org.alcance.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

/**
 * Reads comma-separated values as RFC 4180 writes them, with Apache Commons CSV: records end with
 * CRLF or LF (a lone CR too); a field in double quotes may hold commas, line breaks and doubled
 * quotes ({@code ""} for one {@code "}). A quote inside an unquoted field is kept as it is. Cells
 * are returned as written, untrimmed; a line break at the end of the text does not start another
 * record, and a blank line is a record of one empty cell. Unlike RFC 4180 (and the reader this
 * replaced), Commons CSV lets whitespace follow a closing quote and drops it: {@code "a"  ,b} is
 * {@code a} and {@code b}.
 */
public final class CsvReader {

    /** RFC 4180 keeps blank lines, so that row numbers count them as the spreadsheet does. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final char BOM = '\uFEFF';

    private CsvReader() {
    }

    /** One record and the line of the text it starts on (1 for the first). */
    public record Record(int line, List<String> cells) {

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** Text that is not CSV (or not UTF-8), with where the reader gave up. */
    public static final class MalformedCsv extends RuntimeException {

        private final int line;

        MalformedCsv(int line, String detail) {
            super(detail, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Reads an uploaded file; text that is not CSV refuses the whole upload with 422, naming the line. */
    public static List<Record> readUpload(byte[] utf8) {
        try {
            return read(utf8);
        } catch (MalformedCsv e) {
            throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "The body is not readable CSV: " + e.getMessage(),
                    List.of(new Problem.FieldError("line " + e.line(), e.getMessage())));
        }
    }

    /**
     * Decodes UTF-8 strictly and reads the records. Decoded here, not by Commons CSV, whose readers
     * replace bytes that are not UTF-8 instead of refusing them.
     */
    public static List<Record> read(byte[] utf8) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        if (decoder.decode(in, out, true).isError()) {
            throw new MalformedCsv(lineAt(utf8, in.position()),
                    "is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"");
        }
        decoder.flush(out);
        return read(out.flip().toString());
    }

    /** Reads the records of the text, skipping a byte order mark (Commons CSV would keep it in the first cell). */
    public static List<Record> read(String text) {
        String csv = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
            List<Record> records = new ArrayList<>();
            Iterator<CSVRecord> iterator = parser.iterator();
            int line = 1;
            try {
                // taken before hasNext() reads the record, when the parser has counted the line breaks before it
                for (line = startLine(parser); iterator.hasNext(); line = startLine(parser)) {
                    records.add(new Record(line, iterator.next().toList()));
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException error) {
                    throw malformed(error, line, (int) parser.getCurrentLineNumber());
                }
                throw e;
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String is read without I/O
        }
    }

    private static int startLine(CSVParser parser) {
        return (int) parser.getCurrentLineNumber() + 1;
    }

    /**
     * Commons CSV names its error, and the line, in the exception's message only. An unclosed quote
     * is reported at the line its record starts on, because by then the parser has read to the end:
     * the library cannot say on which line the quote was opened (later, when an earlier field of the
     * record held line breaks), as the old reader did.
     */
    private static MalformedCsv malformed(CSVException error, int recordLine, int currentLine) {
        if (String.valueOf(error.getMessage()).contains("EOF")) { // the only error at the end with this format
            return new MalformedCsv(recordLine,
                    "a quoted field in the record starting on line " + recordLine + " is never closed");
        }
        return new MalformedCsv(currentLine, "line " + currentLine + " has text after the closing quote of a field;"
                + " a quote inside a quoted field is written twice (\"\")");
    }

    private static int lineAt(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
