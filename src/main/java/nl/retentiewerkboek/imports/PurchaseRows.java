package nl.retentiewerkboek.imports;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.metrics.Dates;

/**
 * FastCSV callback that reads purchase rows without making a String for every field: the date, the amounts and the
 * order number are read straight from FastCSV's buffer; the customer becomes a String, and the few status columns a
 * {@link Preset} reads. The first rows are kept whole, to find a header and to show a preview.
 */
final class PurchaseRows extends AbstractBaseCsvCallbackHandler<PurchaseRows.Row> {

    static final byte NONE = 0;
    static final byte CUSTOMER = 1;
    static final byte DATE = 2;
    static final byte AMOUNT = 3;
    static final byte REFUNDED = 4;
    static final byte ORDER = 5;
    static final byte RULE = 6;

    /** The row just read; the same object every time, valid until the next row. */
    static final class Row {
        long line;
        int fields;
        /** Whether the row names a customer. */
        boolean hasCustomer;
        /**
         * The customer's key: trimmed, as written when plain ASCII (A–Z count as a–z), otherwise NFC in lower case
         * (accents kept); {@link CustomerIndex} reads it.
         */
        char[] key = new char[32];

        int keyLength;
        long keyHash;
        /** The customer's index in the file's {@link CustomerIndex}, once looked up; -1 for a new one (or none). */
        int known = -1;
        /** The customer as the file writes them, when that is not the key itself (other than ASCII); else null. */
        String shown;
        /** Which of the customer columns gave the customer: 0 for the first choice (e-mail), 1 for the next … */
        int customerRank;

        long date = Dates.NONE;
        /** The date as written when it is not a date; empty when the field was empty. */
        String dateText;
        /** The amount in cents, of the first amount column filled in; 0 when none is. */
        long cents;
        /** Whether some amount column was filled in. */
        boolean amountGiven;
        /** The amount as written when it is not an amount or is negative. */
        String amountText;

        long refundedCents;
        /** A 64-bit hash of the order number, or 0 when there is none on this row. */
        long order;
        /** Per rule of the preset, the text in its column (null when the row lacks it). */
        final String[] rules = new String[8];

        boolean blank;
        List<String> all;

        /** Candidates for the customer, by preference; only used when there is more than one customer column. */
        final String[] customers = new String[8];
        /** Amounts by preference slot. */
        final long[] amounts = new long[8];

        final boolean[] amountSet = new boolean[8];
        final String[] amountTexts = new String[8];
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

    /** Rows are read in batches, so that a batch's customers can be looked up together (see CustomerIndex). */
    static final int BATCH = 256;

    /** Where the next rows go: a batch of {@link RowBatches}, or (for the first rows) two rows in turn. */
    private Row[] target = {new Row(), new Row()};

    private int filled;
    private Row row = target[0];
    private final View view = new View();
    /** Per column: what it holds ({@link #CUSTOMER} …), and for customers, amounts and rules which slot. */
    private byte[] roles = new byte[0];

    private byte[] slots = new byte[0];
    private int customerSlots;
    private int amountSlots;
    private int ruleCount;
    /** Rows kept whole from the start of the file (the header and the preview). */
    int keepRows = 1;

    /** Whether dates that end in their year have the month first ({@code 03/31/2025}). */
    boolean monthFirst;

    private int recordChars;
    private long rowsBegun;

    /** Which columns to read, from a mapping. */
    void use(Mapping m, int columns) {
        int width = Math.max(columns, 1);
        roles = new byte[width];
        slots = new byte[width];
        customerSlots = 0;
        for (int c : m.customer()) {
            customerSlots = set(c, CUSTOMER, customerSlots);
        }
        set(m.date(), DATE, 0);
        amountSlots = 0;
        for (int c : m.amount()) {
            amountSlots = set(c, AMOUNT, amountSlots);
        }
        set(m.refunded(), REFUNDED, 0);
        set(m.order(), ORDER, 0);
        ruleCount = m.ruleColumns().size();
        alsoRule = new byte[width];
        Arrays.fill(alsoRule, (byte) -1);
        for (int i = 0; i < m.ruleColumns().size(); i++) {
            int column = m.ruleColumns().get(i);
            if (column >= 0 && column < width && roles[column] != NONE && roles[column] != RULE && i < 8) {
                // a rule on a column read for something else (a bank's counterparty: the customer, or a payout)
                alsoRule[column] = (byte) m.ruleColumns().indexOf(column);
            } else {
                set(column, RULE, i);
            }
        }
    }

    /** Per column read for another role, the rule slot that reads it too; -1 for none. */
    private byte[] alsoRule = new byte[0];

    private int set(int column, byte role, int slot) {
        if (column < 0 || column >= roles.length || roles[column] != NONE || slot >= 8) {
            return slot;
        }
        roles[column] = role;
        slots[column] = (byte) slot;
        return slot + 1;
    }

    /** The rules on the same column share it: the reader asks per rule, by the rule's column. */
    int ruleCount() {
        return ruleCount;
    }

    /** The rows read from now on go to these, one after the other. */
    void fillInto(Row[] rows) {
        target = rows;
        filled = 0;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        if (filled == target.length) {
            filled = 0;
        }
        // the slot is taken only when a data row is built: FastCSV begins a record for an empty line it skips, and
        // once more at the end of the file
        row = target[filled];
        row.line = startingLineNumber;
        row.hasCustomer = false;
        row.keyLength = 0;
        row.shown = null;
        row.known = -1;
        row.customerRank = 0;
        row.date = Dates.NONE;
        row.dateText = "";
        row.cents = 0;
        row.amountGiven = false;
        row.amountText = null;
        row.refundedCents = 0;
        row.order = 0;
        Arrays.fill(row.rules, 0, Math.min(8, ruleCount), null);
        if (customerSlots > 1) {
            Arrays.fill(row.customers, 0, customerSlots, null);
        }
        if (amountSlots > 1) {
            Arrays.fill(row.amountSet, 0, amountSlots, false);
        }
        row.blank = true;
        row.all = rowsBegun++ < keepRows ? new ArrayList<>() : null;
        recordChars = 0;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        recordChars += len + 1;
        if (recordChars > CsvImporter.MAX_LINE_CHARS || index >= CsvImporter.MAX_FIELDS) {
            throw new CsvImporter.LineTooLong();
        }
        if (len > 0 && row.blank) {
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
        if (index >= roles.length) {
            return;
        }
        view.buf = buf;
        view.offset = offset;
        view.len = len;
        switch (roles[index]) {
            case CUSTOMER -> {
                if (customerSlots == 1) {
                    customer(buf, offset, len);
                } else {
                    String text = new String(buf, offset, len).strip();
                    row.customers[slots[index]] = text.isEmpty() ? null : text;
                }
            }
            case DATE -> {
                row.date = Dates.packed(view, 0, len, monthFirst);
                if (row.date == Dates.NONE) {
                    row.dateText = blank(buf, offset, len) ? "" : view.toString();
                }
            }
            case AMOUNT -> {
                if (amountSlots == 1) {
                    amount(buf, offset, len);
                } else if (!blank(buf, offset, len)) {
                    int slot = slots[index];
                    row.amountSet[slot] = true;
                    row.amounts[slot] = Amounts.parseCents(view, 0, len);
                    row.amountTexts[slot] =
                            row.amounts[slot] == Amounts.INVALID || row.amounts[slot] < 0 ? view.toString() : null;
                }
            }
            case REFUNDED -> {
                long cents = Amounts.parseCents(view, 0, len);
                row.refundedCents = cents == Amounts.INVALID ? 0 : Math.abs(cents);
            }
            case ORDER -> row.order = hash(buf, offset, len);
            case RULE -> row.rules[slots[index]] = new String(buf, offset, len);
            default -> {
                // a column no role reads
            }
        }
        if (alsoRule[index] >= 0) {
            row.rules[alsoRule[index]] = new String(buf, offset, len);
        }
    }

    private void amount(char[] buf, int offset, int len) {
        if (blank(buf, offset, len)) {
            return;
        }
        row.amountGiven = true;
        row.cents = Amounts.parseCents(view, 0, len);
        if (row.cents == Amounts.INVALID || row.cents < 0) {
            row.amountText = view.toString();
        }
    }

    private static boolean blank(char[] buf, int offset, int len) {
        for (int i = offset; i < offset + len; i++) {
            if (!Character.isWhitespace(buf[i])) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the trimmed order number, never 0 for a filled-in one; 0 for an empty one. */
    private static long hash(char[] buf, int offset, int len) {
        int start = offset;
        int end = offset + len;
        while (start < end && Character.isWhitespace(buf[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(buf[end - 1])) {
            end--;
        }
        if (start == end) {
            return 0;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            h ^= buf[i];
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    /** Copies the customer's key from FastCSV's buffer (plain ASCII, the usual case) without making a String. */
    private void customer(char[] buf, int offset, int len) {
        int start = offset;
        int end = offset + len;
        while (start < end && Character.isWhitespace(buf[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(buf[end - 1])) {
            end--;
        }
        if (start == end) {
            return;
        }
        for (int i = start; i < end; i++) {
            if (buf[i] >= 128) {
                keyOf(new String(buf, start, end - start).strip());
                return;
            }
        }
        key(buf, start, end - start);
    }

    /** The key of a customer with other than ASCII letters: "é" typed as one character or as e + accent is one. */
    private void keyOf(String written) {
        String text = Normalizer.isNormalized(written, Normalizer.Form.NFC)
                ? written
                : Normalizer.normalize(written, Normalizer.Form.NFC);
        char[] chars = text.toLowerCase(Locale.ROOT).toCharArray();
        key(chars, 0, chars.length);
        row.shown = text;
    }

    private void key(char[] chars, int from, int length) {
        if (row.key.length < length) {
            row.key = new char[Math.max(length, row.key.length * 2)];
        }
        System.arraycopy(chars, from, row.key, 0, length);
        row.keyLength = length;
        row.keyHash = CustomerIndex.hash(row.key, 0, length);
        row.hasCustomer = true;
    }

    @Override
    protected Row buildRecord() {
        if (getRecordType() == RecordType.DATA) {
            filled++;
        }
        return finish(getFieldCount());
    }

    /** A row read before the columns were known (the first of a file without a header), read again. */
    Row replay(List<String> fields, long line) {
        rowsBegun--;
        handleBegin(line);
        for (int i = 0; i < fields.size(); i++) {
            char[] chars = fields.get(i).toCharArray();
            handleField(i, chars, 0, chars.length, false);
        }
        return finish(fields.size());
    }

    private Row finish(int fieldCount) {
        row.fields = fieldCount;
        if (customerSlots > 1) {
            for (int i = 0; i < customerSlots; i++) {
                if (row.customers[i] != null) {
                    keyOf(row.customers[i]);
                    row.customerRank = i;
                    break;
                }
            }
        }
        if (amountSlots > 1) {
            for (int i = 0; i < amountSlots; i++) {
                if (row.amountSet[i]) {
                    row.amountGiven = true;
                    row.cents = row.amounts[i];
                    row.amountText = row.amountTexts[i];
                    break;
                }
            }
        }
        return row;
    }
}
