package nl.retentiewerkboek.imports;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import nl.retentiewerkboek.metrics.Klantgroepen;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Segmenting a generated export of 1,000,000 purchase rows ({@code ;}, Dutch dates and amounts)
 * over 100,000 customers, parsing included, warm. Goal: under 0.5 s on 2 cores, heap growth bounded
 * by the number of customers. Prints its numbers; asserts nothing about speed.
 */
@Tag("benchmark")
class ImportBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int CUSTOMERS = 100_000;

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
            long[] nanos = new long[8];
            KlantgroepenResult result = null;
            for (int run = 0; run < 3 + nanos.length; run++) {
                long t0 = System.nanoTime();
                PurchaseImport imported;
                try (InputStream in = Files.newInputStream(file)) {
                    imported = CsvImporter.purchases(in, "bench.csv");
                }
                result = Klantgroepen.calculate(imported.customers(), imported.latest(), 60, 3);
                long elapsed = System.nanoTime() - t0;
                if (run >= 3) {
                    nanos[run - 3] = elapsed;
                }
            }
            long retainedFull = retained(file);
            Path half = generate(Files.createTempFile("purchases-half", ".csv"), ROWS / 2, CUSTOMERS);
            long retainedHalf = retained(half);
            Files.deleteIfExists(half);
            Arrays.sort(nanos);
            String report = String.format(
                    Locale.ROOT,
                    """
                    === W5 import benchmark ===
                    file: %,d rows, %,d customers, %.1f MB (; separator, Dutch dates and amounts)
                    parse + segment (warm, %d runs): best %.3f s, median %.3f s, worst %.3f s   (goal < 0.5 s)
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
