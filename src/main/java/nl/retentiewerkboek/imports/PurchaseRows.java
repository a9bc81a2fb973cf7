package nl.retentiewerkboek.imports;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.metrics.Dates;

/**
 * FastCSV callback that reads purchase rows without making a String for every field: the date and
 * the amount are read straight from FastCSV's buffer; only the customer id becomes a String. The
 * first row is kept whole, to find a header.
 */
final class PurchaseRows extends AbstractBaseCsvCallbackHandler<PurchaseRows.Row> {

    /** The row just read; the same object every time, valid until the next row. */
    static final class Row {
        long line;
        int fields;
        /** The customer as one key: trimmed, in lower case (accents kept). */
        String customer;
        /** The customer as the file writes them; only filled in for a customer {@link #known} does not hold yet. */
        String shown;
        /** What {@link #known} holds for this customer (looked up once, here), or null for a new one. */
        Object known;

        long date = Dates.NONE;
        String dateText;
        long cents;
        String amountText;
        boolean blank;
        List<String> all;
    }

    /** A CharSequence over a part of FastCSV's buffer, reused for every field. */
    private static final class View implements CharSequence {
        char[] buf;
        int offset;
        int len;

        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return buf[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(buf, offset + start, end - start);
        }

        @Override
        public String toString() {
            return new String(buf, offset, len);
        }
    }

    private final Row row = new Row();
    private final View view = new View();
    int customerCol = 0;
    int dateCol = 1;
    int amountCol = 2;
    boolean keepAll = true;
    /** The customers seen so far, by key: their first spelling is kept only for a new one. */
    Map<String, ?> known = Map.of();
    /** Whether dates that end in their year have the month first ({@code 03/31/2025}). */
    boolean monthFirst;

    private int recordChars;

    @Override
    protected void handleBegin(long startingLineNumber) {
        row.line = startingLineNumber;
        row.customer = null;
        row.shown = null;
        row.known = null;
        row.date = Dates.NONE;
        row.dateText = null;
        row.cents = 0;
        row.amountText = null;
        row.blank = true;
        row.all = keepAll ? new ArrayList<>() : null;
        recordChars = 0;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        recordChars += len + 1;
        if (recordChars > CsvImporter.MAX_LINE_CHARS || index >= CsvImporter.MAX_FIELDS) {
            throw new CsvImporter.LineTooLong();
        }
        view.buf = buf;
        view.offset = offset;
        view.len = len;
        if (len > 0) {
            for (int i = offset; i < offset + len; i++) {
                if (buf[i] != ' ') {
                    row.blank = false;
                    break;
                }
            }
        }
        if (row.all != null) {
            row.all.add(new String(buf, offset, len));
        }
        if (index == customerCol) {
            customer(buf, offset, len);
        } else if (index == dateCol) {
            row.date = Dates.packed(view, 0, len, monthFirst);
            if (row.date == Dates.NONE) {
                row.dateText = view.toString();
            }
        } else if (index == amountCol) {
            row.cents = Amounts.parseCents(view, 0, len);
            if (row.cents == Amounts.INVALID || row.cents < 0) {
                row.amountText = view.toString();
            }
        }
    }

    /** Makes the key in one go from FastCSV's buffer (ASCII, the usual case), and the shown text only when new. */
    private void customer(char[] buf, int offset, int len) {
        int start = offset;
        int end = offset + len;
        while (start < end && Character.isWhitespace(buf[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(buf[end - 1])) {
            end--;
        }
        char[] key = null;
        for (int i = start; i < end; i++) {
            char c = buf[i];
            if (c >= 128) {
                String text = new String(buf, start, end - start).strip();
                row.customer = text.toLowerCase(Locale.ROOT);
                row.known = known.get(row.customer);
                row.shown = row.known != null ? null : text;
                return;
            }
            if (c >= 'A' && c <= 'Z') {
                if (key == null) {
                    key = Arrays.copyOfRange(buf, start, end);
                }
                key[i - start] = (char) (c + 32);
            }
        }
        row.customer = key == null ? new String(buf, start, end - start) : new String(key);
        row.known = known.get(row.customer);
        row.shown = row.known != null ? null : key == null ? row.customer : new String(buf, start, end - start);
    }

    @Override
    protected Row buildRecord() {
        row.fields = getFieldCount();
        return row;
    }
}
