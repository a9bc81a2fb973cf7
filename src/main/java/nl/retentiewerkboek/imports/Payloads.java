package nl.retentiewerkboek.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import nl.retentiewerkboek.metrics.CustomerStats;

/** The compact, compressed form in which derived customer data is stored. */
final class Payloads {

    /** 2: a scores payload ends with how many doubters the file had (version 1 payloads are still read). */
    private static final int VERSION = 2;

    private Payloads() {}

    /** What is kept of a purchases upload: per-customer sums and the row rejections. */
    record Purchases(List<CustomerStats> customers, List<RowRejection> rejections) {}

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
        });
    }

    static Purchases readPurchases(byte[] bytes) {
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
            return new Purchases(customers, readRejections(in));
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
                doubters.add(new Doubter(
                        name,
                        contact,
                        score,
                        day == Integer.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day))));
            }
            List<RowRejection> rejections = readRejections(in);
            return new Scores(doubters, rejections, version >= 2 ? in.readLong() : doubters.size());
        });
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
