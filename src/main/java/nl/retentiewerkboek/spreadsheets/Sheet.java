package nl.retentiewerkboek.spreadsheets;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table to take away: a header and rows whose cells are text, whole numbers ({@link Long}, {@link Integer}),
 * amounts ({@link BigDecimal}), dates ({@link LocalDate}) or moments ({@link LocalDateTime}); an empty cell is {@code null}. Written as CSV or .xlsx.
 *
 * @param name the sheet's name in the workbook (at most 31 characters are used)
 */
public record Sheet(String name, List<String> header, List<List<Object>> rows) {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public Sheet {
        header = List.copyOf(header);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
            }
            for (Object cell : row) {
                if (cell != null
                        && !(cell instanceof String
                                || cell instanceof Long
                                || cell instanceof Integer
                                || cell instanceof BigDecimal
                                || cell instanceof LocalDate
                                || cell instanceof LocalDateTime)) {
                    throw new IllegalArgumentException("not a cell: " + cell.getClass());
                }
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /**
     * CSV for Dutch Excel: {@code ;} between cells, UTF-8 with a byte order mark (accents and {@code €} survive),
     * CRLF; amounts with the decimal mark of the language and no grouping, dates as {@code yyyy-mm-dd}, both of which
     * Excel reads as numbers and dates; text that a spreadsheet would run as a formula made plain.
     */
    public byte[] csv(Locale locale) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(';')
                .lineDelimiter(LineDelimiter.CRLF)
                .build(out)) {
            csv.writeRecord(header.stream().map(SpreadsheetCells::safe).toList());
            for (List<Object> row : rows) {
                csv.writeRecord(row.stream().map(cell -> csvCell(cell, locale)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, file, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, file, UTF8_BOM.length, body.length);
        return file;
    }

    private static String csvCell(Object cell, Locale locale) {
        return switch (cell) {
            case null -> "";
            case String text -> SpreadsheetCells.safe(text);
            case BigDecimal amount -> LocaleNumbers.forInput(amount, locale);
            case LocalDateTime moment -> LocaleNumbers.spreadsheetMoment(moment);
            default -> cell.toString(); // whole numbers, and dates as yyyy-mm-dd
        };
    }

    /** An .xlsx workbook of one sheet: a bold header row, numbers as numbers, dates as dates, text as text. */
    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Retentiewerkboek", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName());
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object cell = row.get(c);
                    switch (cell) {
                        case null -> {}
                        case String text -> sheet.value(r + 1, c, text);
                        case Long number -> sheet.value(r + 1, c, number);
                        case Integer number -> sheet.value(r + 1, c, number);
                        case BigDecimal amount -> {
                            sheet.value(r + 1, c, amount);
                            sheet.style(r + 1, c).format("#,##0.00").set();
                        }
                        case LocalDate date -> {
                            sheet.value(r + 1, c, date);
                            sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                        }
                        case LocalDateTime moment -> {
                            sheet.value(r + 1, c, moment);
                            sheet.style(r + 1, c).format("yyyy-mm-dd hh:mm").set();
                        }
                        default -> throw new IllegalStateException("not a cell: " + cell.getClass());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A name Excel accepts for a sheet: at most 31 characters, none of {@code []:*?/\}. */
    private String sheetName() {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        clean = clean.isEmpty() ? "Lijst" : clean;
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
