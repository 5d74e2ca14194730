package org.alcance.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Reads comma-separated values as RFC 4180 writes them: records end with CRLF or LF (a lone CR
 * too); a field in double quotes may hold commas, line breaks and doubled quotes ({@code ""} for
 * one {@code "}). A quote inside an unquoted field is kept as it is. Cells are returned as written,
 * untrimmed; a line break at the end of the text does not start another record.
 */
public final class CsvReader {

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

    /** Decodes UTF-8 strictly, skipping a byte order mark, and reads the records. */
    public static List<Record> read(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedCsv(lineAt(utf8, firstInvalidByte(utf8)),
                    "is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"");
        }
        return read(text);
    }

    public static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        int n = text.length();
        int i = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
        int line = 1;
        int recordLine = 1;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        while (i < n) {
            if (text.charAt(i) == '"') {
                int opened = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MalformedCsv(opened, "a quoted field opened on line " + opened + " is never closed");
                    }
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    cell.append(c);
                    i++;
                }
                if (i < n && !isSeparator(text.charAt(i))) {
                    throw new MalformedCsv(line, "line " + line + " has text after the closing quote of a field;"
                            + " a quote inside a quoted field is written twice (\"\")");
                }
            } else {
                while (i < n && !isSeparator(text.charAt(i))) {
                    cell.append(text.charAt(i));
                    i++;
                }
            }
            cells.add(cell.toString());
            cell.setLength(0);
            if (i >= n) {
                break;
            }
            char separator = text.charAt(i);
            i++;
            if (separator == ',') {
                if (i >= n) {
                    cells.add("");
                }
                continue;
            }
            if (separator == '\r' && i < n && text.charAt(i) == '\n') {
                i++;
            }
            records.add(new Record(recordLine, List.copyOf(cells)));
            cells.clear();
            line++;
            recordLine = line;
        }
        if (!cells.isEmpty()) {
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private static int firstInvalidByte(byte[] utf8) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        var out = java.nio.CharBuffer.allocate(utf8.length + 1);
        decoder.decode(in, out, true);
        return in.position();
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
