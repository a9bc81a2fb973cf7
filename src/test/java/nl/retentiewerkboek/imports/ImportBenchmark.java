package nl.retentiewerkboek.imports;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import nl.retentiewerkboek.metrics.Klantgroepen;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Segmenting a generated export of 1,000,000 purchase rows ({@code ;}, Dutch dates and amounts) over 100,000
 * customers, parsing included, warm, side by side with DuckDB on two threads on the same file (goal: at least as
 * fast); and a 100,000-row .xlsx. Heap growth bounded by the number of customers. Prints its numbers; asserts nothing
 * about speed.
 */
@Tag("benchmark")
class ImportBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int CUSTOMERS = 100_000;
    /** Runs before measuring, for both: enough for the JIT to have compiled the hot loops at its top tier. */
    private static final int WARMUP = 10;

    private static final int RUNS = 15;

    static Path generate(Path file, int rows, int customers) throws Exception {
        Random random = new Random(7);
        LocalDate start = LocalDate.of(2024, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("klant;datum;bedrag\n");
            for (int i = 0; i < rows; i++) {
                LocalDate d = start.plusDays(random.nextInt(730));
                int cents = 100 + random.nextInt(99_900);
                out.write("KL" + (100000 + random.nextInt(customers)));
                out.write(';');
                out.write(
                        String.format(Locale.ROOT, "%02d-%02d-%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()));
                out.write(';');
                out.write(Integer.toString(cents / 100));
                out.write(',');
                out.write(String.format(Locale.ROOT, "%02d", cents % 100));
                out.write('\n');
            }
        }
        return file;
    }

    @Test
    void segment_a_million_purchase_rows() throws Exception {
        Path file = generate(Files.createTempFile("purchases", ".csv"), ROWS, CUSTOMERS);
        long size = Files.size(file);
        try {
            long[] nanos = new long[RUNS];
            long[] duck = new long[RUNS];
            KlantgroepenResult result = null;
            try (DuckDb duckDb = new DuckDb(file)) {
                // each run times ours and DuckDB one after the other, so a slow moment of the machine hits both
                for (int run = 0; run < WARMUP + nanos.length; run++) {
                    long t0 = System.nanoTime();
                    PurchaseImport imported;
                    try (InputStream in = Files.newInputStream(file)) {
                        imported = CsvImporter.purchases(in, "bench.csv");
                    }
                    result = Klantgroepen.calculate(imported.customers(), imported.latest(), 60, 3);
                    long elapsed = System.nanoTime() - t0;
                    long duckElapsed = duckDb.run();
                    if (run >= WARMUP) {
                        nanos[run - WARMUP] = elapsed;
                        duck[run - WARMUP] = duckElapsed;
                    }
                }
                System.out.println("DuckDB groups: " + duckDb.groups);
            }
            System.out.println("DuckDB, each run (ms): "
                    + Arrays.toString(
                            Arrays.stream(duck).map(n -> n / 1_000_000).toArray()));
            Arrays.sort(duck);
            long[] xlsx = xlsx();
            long retainedFull = retained(file);
            Path half = generate(Files.createTempFile("purchases-half", ".csv"), ROWS / 2, CUSTOMERS);
            long retainedHalf = retained(half);
            Files.deleteIfExists(half);
            System.out.println("ours, each run (ms): "
                    + Arrays.toString(
                            Arrays.stream(nanos).map(n -> n / 1_000_000).toArray()));
            Arrays.sort(nanos);
            String report = String.format(
                    Locale.ROOT,
                    """
                    === W5 import benchmark ===
                    file: %,d rows, %,d customers, %.1f MB (; separator, Dutch dates and amounts)
                    parse + segment (warm, %d runs, each beside a DuckDB run): best %.3f s, median %.3f s, worst %.3f s
                    DuckDB %s, 2 threads, same file, same groups (warm, %d runs): best %.3f s, median %.3f s
                    ratio (median): ours / DuckDB = %.2f   (goal: at most 1.00)
                    .xlsx of %,d rows, to CSV and segmented (warm, %d runs): best %.3f s, median %.3f s
                    heap kept for the result: %.1f MB for %,d rows, %.1f MB for %,d rows over the same customers (≈ %.0f bytes per customer)
                    groups: %s; cohorts: %d months
                    """,
                    ROWS,
                    CUSTOMERS,
                    size / 1e6,
                    nanos.length,
                    nanos[0] / 1e9,
                    nanos[nanos.length / 2] / 1e9,
                    nanos[nanos.length - 1] / 1e9,
                    duckVersion,
                    duck.length,
                    duck[0] / 1e9,
                    duck[duck.length / 2] / 1e9,
                    (double) nanos[nanos.length / 2] / duck[duck.length / 2],
                    XLSX_ROWS,
                    xlsx.length,
                    xlsx[0] / 1e9,
                    xlsx[xlsx.length / 2] / 1e9,
                    retainedFull / 1e6,
                    ROWS,
                    retainedHalf / 1e6,
                    ROWS / 2,
                    (double) retainedFull / CUSTOMERS,
                    result.counts(),
                    result.startMonths().size());
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-import.txt"), report);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final int XLSX_ROWS = 100_000;
    private static String duckVersion = "";

    /**
     * The same file read, mapped and segmented by DuckDB on two threads (its JDBC driver is on the class path in the
     * bench profile only): per customer the purchases and the last date, then the four groups at X = 60, K = 3.
     */
    private static final class DuckDb implements AutoCloseable {
        private static final String SQL = """
                with p as (
                    select klant, strptime(datum, '%d-%m-%Y')::date as d, replace(bedrag, ',', '.')::decimal(18, 2) as b
                    from read_csv(?, delim = ';', header = true,
                                  columns = {'klant': 'VARCHAR', 'datum': 'VARCHAR', 'bedrag': 'VARCHAR'})),
                c as (select klant, count(*) as n, max(d) as last, sum(b) as revenue from p group by klant),
                peil as (select max(last) as peildatum from c)
                select case when peildatum - last > 60 then 'inactief' when n = 1 then 'eenmalig'
                            when n >= 3 then 'loyaal' else 'herhaal' end as groep, count(*), sum(revenue)
                from c, peil group by groep order by groep
                """;

        private final Path file;
        private final Connection db;
        final StringBuilder groups = new StringBuilder();

        DuckDb(Path file) throws Exception {
            this.file = file;
            db = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement st = db.createStatement()) {
                st.execute("set threads = 2");
                try (ResultSet v = st.executeQuery("select version()")) {
                    v.next();
                    duckVersion = v.getString(1);
                }
            }
        }

        /** One run, in nanoseconds. */
        long run() throws Exception {
            long t0 = System.nanoTime();
            groups.setLength(0);
            try (PreparedStatement q = db.prepareStatement(SQL)) {
                q.setString(1, file.toString());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        groups.append(rs.getString(1))
                                .append('=')
                                .append(rs.getLong(2))
                                .append(' ');
                    }
                }
            }
            return System.nanoTime() - t0;
        }

        @Override
        public void close() throws Exception {
            db.close();
        }
    }

    /** A workbook of 100,000 purchase rows (text customer, date cells, number amounts) to CSV and segmented. */
    private static long[] xlsx() throws Exception {
        Path book = Files.createTempFile("purchases", ".xlsx");
        Path csv = Files.createTempFile("purchases-from-xlsx", ".csv");
        try {
            Random random = new Random(7);
            try (OutputStream out = Files.newOutputStream(book)) {
                Workbook wb = new Workbook(out, "bench", "1.0");
                Worksheet ws = wb.newWorksheet("Bestellingen");
                ws.value(0, 0, "klant");
                ws.value(0, 1, "datum");
                ws.value(0, 2, "bedrag");
                LocalDate start = LocalDate.of(2024, 1, 1);
                for (int r = 1; r <= XLSX_ROWS; r++) {
                    ws.value(r, 0, "KL" + (100000 + random.nextInt(CUSTOMERS / 10)));
                    ws.value(r, 1, start.plusDays(random.nextInt(730)));
                    ws.style(r, 1).format("dd-mm-yyyy").set();
                    ws.value(r, 2, (100 + random.nextInt(99_900)) / 100.0);
                }
                wb.finish();
            }
            long[] nanos = new long[5];
            for (int run = 0; run < 2 + nanos.length; run++) {
                long t0 = System.nanoTime();
                XlsxSheet.toCsv(book, csv);
                PurchaseImport imported;
                try (InputStream in = Files.newInputStream(csv)) {
                    imported = CsvImporter.purchases(in, "bench.xlsx");
                }
                Klantgroepen.calculate(imported.customers(), imported.latest(), 60, 3);
                if (run >= 2) {
                    nanos[run - 2] = System.nanoTime() - t0;
                }
            }
            Arrays.sort(nanos);
            return nanos;
        } finally {
            Files.deleteIfExists(book);
            Files.deleteIfExists(csv);
        }
    }

    /** Heap still in use while holding one import's result, after collecting garbage. */
    private static long retained(Path file) throws Exception {
        gc();
        long before = used();
        PurchaseImport kept;
        try (InputStream in = Files.newInputStream(file)) {
            kept = CsvImporter.purchases(in, "bench.csv");
        }
        gc();
        long after = used();
        if (kept.customers().isEmpty()) {
            throw new IllegalStateException();
        }
        return after - before;
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
