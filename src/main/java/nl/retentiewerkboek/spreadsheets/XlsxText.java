package nl.retentiewerkboek.spreadsheets;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an Excel workbook (.xlsx) as CSV text, so that one reader serves both: cells joined by {@code ;},
 * dates (numbers with a date format) as {@code yyyy-mm-dd}, whole numbers as they are, other numbers with two
 * decimals and a point, text as text. Streamed row by row; a workbook that unpacks to more than {@link #MAX_UNPACKED}
 * bytes (a zip bomb) or whose text would exceed the limit given is refused before or while it is read.
 */
public final class XlsxText {

    /** The most bytes all parts of one workbook may unpack to. */
    public static final long MAX_UNPACKED = 400L * 1024 * 1024;
    /** The most bytes the shared strings (every distinct text of the workbook) may unpack to; they are held in memory. */
    public static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;
    /** The most distinct texts a workbook may hold; each is held in memory while the sheet is read. */
    public static final long MAX_SHARED_STRINGS = 1_000_000;
    /** The most columns read per row. */
    static final int MAX_COLUMNS = 1_000;

    private XlsxText() {}

    /** Why a workbook cannot be read. */
    public static final class Refused extends Exception {
        /** What was wrong. */
        public enum Why {
            UNPACKS_TOO_LARGE,
            TEXT_TOO_LARGE,
            NOT_A_WORKBOOK
        }

        private final Why why;

        Refused(Why why) {
            this(why, null);
        }

        Refused(Why why, Throwable cause) {
            super(why.name(), cause, false, false);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /** Whether the first bytes are those of a zip file (as every .xlsx is). */
    public static boolean looksLikeXlsx(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Whether the first bytes are those of an old Excel file (.xls, OLE2), which is not read. */
    public static boolean looksLikeOldExcel(byte[] head) {
        return head.length >= 8 && ReadableWorkbook.isOLE2Header(head);
    }

    /**
     * Writes the first sheet of the workbook as UTF-8 CSV text to {@code csv}, at most {@code maxChars} characters.
     *
     * @return the number of rows written
     */
    public static long toCsv(Path workbook, Path csv, long maxChars) throws IOException, Refused {
        checkUnpackedSize(workbook);
        try (ReadableWorkbook book = new ReadableWorkbook(workbook.toFile(), new ReadingOptions(true, false));
                Stream<Row> rows = book.getFirstSheet().openStream();
                Writer out = new CountingWriter(
                        new OutputStreamWriter(Files.newOutputStream(csv), StandardCharsets.UTF_8), maxChars);
                CsvWriter writer = CsvWriter.builder()
                        .fieldSeparator(';')
                        .lineDelimiter(LineDelimiter.LF)
                        .build(out)) {
            long written = 0;
            int expectedRow = 1;
            for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                Row row = it.next();
                // rows Excel left out entirely are empty lines, so line numbers in reports match the sheet
                for (; expectedRow < row.getRowNum(); expectedRow++) {
                    writer.writeRecord(List.of(""));
                }
                expectedRow = row.getRowNum() + 1;
                writer.writeRecord(cells(row));
                written++;
            }
            return written;
        } catch (TooMuchText e) {
            throw new Refused(Refused.Why.TEXT_TOO_LARGE);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof TooMuchText) {
                throw new Refused(Refused.Why.TEXT_TOO_LARGE);
            }
            throw new Refused(Refused.Why.NOT_A_WORKBOOK, e);
        } catch (IOException e) {
            if (e.getCause() instanceof TooMuchText) {
                throw new Refused(Refused.Why.TEXT_TOO_LARGE);
            }
            throw new Refused(Refused.Why.NOT_A_WORKBOOK, e);
        }
    }

    private static List<String> cells(Row row) {
        int count = Math.min(row.getCellCount(), MAX_COLUMNS);
        List<String> values = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            Cell cell = row.getCell(c);
            values.add(cell == null ? "" : text(cell));
        }
        return values.isEmpty() ? List.of("") : values;
    }

    private static String text(Cell cell) {
        CellType type = cell.getType();
        if (type == CellType.NUMBER) {
            if (isDateFormat(cell.getDataFormatString())) {
                return cell.asDate().toLocalDate().toString();
            }
            BigDecimal number = cell.asNumber();
            BigDecimal whole = number.stripTrailingZeros();
            return whole.scale() <= 0
                    ? whole.toPlainString()
                    : number.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        if (type == CellType.EMPTY) {
            return "";
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    /** A number format that shows a date: it has a day, month or year part outside quotes and brackets. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "");
        return f.contains("d") || f.contains("y");
    }

    /** Unpacks every part once, counting, and refuses a workbook that would unpack beyond {@link #MAX_UNPACKED}. */
    private static void checkUnpackedSize(Path workbook) throws IOException, Refused {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                boolean sharedStrings = entry.getName().toLowerCase(Locale.ROOT).endsWith("sharedstrings.xml");
                long entryBytes = 0;
                long items = 0;
                int matched = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        entryBytes += n;
                        if (total > MAX_UNPACKED) {
                            throw new Refused(Refused.Why.UNPACKS_TOO_LARGE);
                        }
                        if (!sharedStrings) {
                            continue;
                        }
                        if (entryBytes > MAX_SHARED_STRINGS_BYTES) {
                            throw new Refused(Refused.Why.UNPACKS_TOO_LARGE);
                        }
                        // count the <si> items across buffer boundaries
                        for (int i = 0; i < n; i++) {
                            byte b = buffer[i];
                            if (matched == 3) {
                                matched = 0;
                                if ((b == '>' || b == ' ') && ++items > MAX_SHARED_STRINGS) {
                                    throw new Refused(Refused.Why.UNPACKS_TOO_LARGE);
                                }
                            }
                            matched = b == SI[matched] ? matched + 1 : b == '<' ? 1 : 0;
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new Refused(Refused.Why.NOT_A_WORKBOOK, e);
        }
    }

    private static final byte[] SI = {'<', 's', 'i'};

    private static final class TooMuchText extends IOException {
        TooMuchText() {
            super("the sheet's text is larger than allowed");
        }
    }

    /** Stops writing past a number of characters. */
    private static final class CountingWriter extends Writer {
        private final Writer out;
        private final long max;
        private long count;

        CountingWriter(Writer out, long max) {
            this.out = out;
            this.max = max;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            count += len;
            if (count > max) {
                throw new TooMuchText();
            }
            out.write(chars, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
