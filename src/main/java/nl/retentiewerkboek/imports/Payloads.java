package nl.retentiewerkboek.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.metrics.PurchaseHistory;

/** The compact, compressed form in which derived customer data is stored. */
final class Payloads {

    /**
     * 2: a scores payload ends with how many doubters the file had; 3: a purchases payload ends with the days each
     * customer bought on and the revenue per day (W1 and W2 from the export); 4: each doubter has the time of day of the
     * answer (-1 when the file had none). Older payloads are still read.
     */
    private static final int VERSION = 4;

    private Payloads() {}

    /** What is kept of a purchases upload: per-customer sums and the row rejections. */
    record Purchases(List<CustomerStats> customers, List<RowRejection> rejections, Optional<PurchaseHistory> history) {}

    /** What is kept of a scores upload: the doubters to call, the row rejections, and how many doubters the file had. */
    record Scores(List<Doubter> doubters, List<RowRejection> rejections, long found) {}

    static byte[] write(Purchases p) {
        return write(out -> {
            out.writeInt(p.customers().size());
            for (CustomerStats c : p.customers()) {
                out.writeUTF(cut(c.id()));
                out.writeLong(c.purchases());
                out.writeInt((int) c.first().toEpochDay());
                out.writeInt((int) c.last().toEpochDay());
                out.writeLong(c.revenueCents());
                out.writeLong(c.monthMask());
            }
            writeRejections(out, p.rejections());
            PurchaseHistory h = p.history().orElseThrow();
            for (int[] days : h.customerDays()) {
                writeVarint(out, days.length);
                int previous = 0;
                for (int i = 0; i < days.length; i++) {
                    if (i == 0) {
                        out.writeInt(days[0]);
                    } else {
                        writeVarint(out, days[i] - previous);
                    }
                    previous = days[i];
                }
            }
            out.writeInt(h.firstDay());
            out.writeInt(h.dayCents().length);
            for (long cents : h.dayCents()) {
                out.writeLong(cents);
            }
        });
    }

    /** The customers and rejections of a purchases payload (the history stays unread). */
    static Purchases readPurchases(byte[] bytes) {
        return readPurchases(bytes, false);
    }

    /** The whole purchases payload, with the history when the payload has one (version 3 on). */
    static Purchases readPurchasesWithHistory(byte[] bytes) {
        return readPurchases(bytes, true);
    }

    private static Purchases readPurchases(byte[] bytes, boolean withHistory) {
        return read(bytes, (in, version) -> {
            int n = in.readInt();
            List<CustomerStats> customers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                customers.add(new CustomerStats(
                        in.readUTF(),
                        in.readLong(),
                        LocalDate.ofEpochDay(in.readInt()),
                        LocalDate.ofEpochDay(in.readInt()),
                        in.readLong(),
                        in.readLong()));
            }
            List<RowRejection> rejections = readRejections(in);
            if (!withHistory || version < 3) {
                return new Purchases(customers, rejections, Optional.empty());
            }
            List<int[]> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int[] days = new int[readVarint(in)];
                for (int j = 0; j < days.length; j++) {
                    days[j] = j == 0 ? in.readInt() : days[j - 1] + readVarint(in);
                }
                all.add(days);
            }
            int firstDay = in.readInt();
            long[] cents = new long[in.readInt()];
            for (int j = 0; j < cents.length; j++) {
                cents[j] = in.readLong();
            }
            return new Purchases(customers, rejections, Optional.of(new PurchaseHistory(all, firstDay, cents)));
        });
    }

    static byte[] write(Scores s) {
        return write(out -> {
            out.writeInt(s.doubters().size());
            for (Doubter d : s.doubters()) {
                out.writeUTF(cut(d.name()));
                out.writeUTF(cut(d.contact()));
                out.writeInt(d.score());
                out.writeInt(d.answered().map(x -> (int) x.toEpochDay()).orElse(Integer.MIN_VALUE));
                out.writeInt(d.time().map(t -> t.toSecondOfDay()).orElse(-1)); // version 4 on
            }
            writeRejections(out, s.rejections());
            out.writeLong(s.found());
        });
    }

    static Scores readScores(byte[] bytes) {
        return read(bytes, (in, version) -> {
            int n = in.readInt();
            List<Doubter> doubters = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                String contact = in.readUTF();
                int score = in.readInt();
                int day = in.readInt();
                int second = version >= 4 ? in.readInt() : -1;
                doubters.add(new Doubter(
                        name,
                        contact,
                        score,
                        day == Integer.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day)),
                        second < 0 ? Optional.empty() : Optional.of(LocalTime.ofSecondOfDay(second))));
            }
            List<RowRejection> rejections = readRejections(in);
            return new Scores(doubters, rejections, version >= 2 ? in.readLong() : doubters.size());
        });
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("bad varint");
    }

    private static void writeRejections(DataOutputStream out, List<RowRejection> rejections) throws IOException {
        out.writeInt(rejections.size());
        for (RowRejection r : rejections) {
            out.writeLong(r.line());
            out.writeUTF(r.reason().name());
            out.writeUTF(cut(r.value()));
        }
    }

    private static List<RowRejection> readRejections(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<RowRejection> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new RowRejection(in.readLong(), RowRejection.Reason.valueOf(in.readUTF()), in.readUTF()));
        }
        return list;
    }

    /** writeUTF takes at most 64 kB; ids and names are cut far below that. */
    private static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in, int version) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new IllegalStateException("unknown payload version " + version);
            }
            return reader.read(in, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
