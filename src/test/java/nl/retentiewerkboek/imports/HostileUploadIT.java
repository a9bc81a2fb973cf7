package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.zip.GZIPOutputStream;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hostile uploads, through the real import service, in a JVM with a small heap (-Xmx384m, set
 * in the pom): each ends in a clear outcome with what is stored bounded, and while several of the
 * biggest allowed files are read at once, another participant's saves keep answering within a
 * second.
 */
@SpringBootTest
@ActiveProfiles("test")
class HostileUploadIT {

    private static final long MB = 1024 * 1024;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ImportService imports;

    @Autowired
    WorkbookService workbook;

    @Autowired
    CustomerDataRepository stored;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** A file of {@code bytes} bytes that repeats lines made by {@code line}, never held in memory. */
    static InputStream generated(long bytes, LongFunction<String> line) {
        return new InputStream() {
            long written;
            long row;
            byte[] current = new byte[0];
            int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (written >= bytes) {
                    return -1;
                }
                int n = 0;
                while (n < len && written < bytes) {
                    if (at == current.length) {
                        current = line.apply(row++).getBytes(StandardCharsets.UTF_8);
                        at = 0;
                    }
                    int take = (int) Math.min(Math.min(len - n, current.length - at), bytes - written);
                    System.arraycopy(current, at, b, off + n, take);
                    at += take;
                    n += take;
                    written += take;
                }
                return n;
            }
        };
    }

    private static ImportFailedException.Reason refusal(Runnable upload) {
        try {
            upload.run();
        } catch (ImportFailedException e) {
            return e.reason();
        }
        return null;
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void every_hostile_file_ends_in_a_clear_outcome_with_what_is_stored_bounded() throws IOException {
        Account mallory = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(mallory);
        long before = usedHeapAfterGc();

        // 49 MB of one-line doubters: every answer counted, 1,000 doubters kept
        long rows = 49 * MB / 4;
        ScoreImport scores = imports.importScores(generated(49 * MB, i -> "5;a\n"), "twijfelaars.csv");
        assertThat(scores.report().rowsRead()).isEqualTo(rows);
        assertThat(scores.counts()[5]).isEqualTo(rows);
        assertThat(scores.doubtersFound()).isEqualTo(rows);
        assertThat(imports.myCallListSize().kept()).isEqualTo(CsvImporter.MAX_DOUBTERS);
        assertThat(stored.findByOwnerIdAndWorksheet(mallory.id(), Worksheet.NPS.id())
                        .orElseThrow()
                        .getPayload()
                        .length)
                .as("stored bytes")
                .isLessThan(64 * 1024);
        assertThat(imports.myDoubters(0, 50)).as("one page of the call list").hasSize(50);
        assertThat(imports.myDoubters(990, 50)).as("the last page").hasSize(10);

        // 3 million different customers in under 50 MB: refused at the 100,001st, nothing stored
        ImportFailedException.Reason tooMany = refusal(() -> imports.importPurchases(
                // five base-36 characters per customer: 17 bytes a line, 51 MB for three million
                generated(
                        3_000_000L * 17, i -> Long.toString(i + 60_466_176L, 36).substring(1) + ";2025-01-01\n"),
                "drie-miljoen.csv"));
        assertThat(tooMany).isEqualTo(ImportFailedException.Reason.TOO_MANY_CUSTOMERS);
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN)).isEmpty();

        // a gzip bomb: 100 MB of zeros packed small is not unpacked
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[(int) MB];
            for (int i = 0; i < 100; i++) {
                gzip.write(zeros);
            }
        }
        assertThat(refusal(() -> imports.importScores(new ByteArrayInputStream(packed.toByteArray()), "bom.csv")))
                .isEqualTo(ImportFailedException.Reason.NOT_TEXT);

        // binary
        byte[] noise = new byte[(int) (5 * MB)];
        new Random(7).nextBytes(noise);
        assertThat(refusal(() -> imports.importPurchases(new ByteArrayInputStream(noise), "foto.jpg")))
                .isEqualTo(ImportFailedException.Reason.NOT_TEXT);

        // UTF-16 with a byte order mark (Excel's "Unicode text"): read like any other file
        InputStream utf16 = new SequenceInputStream(
                new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xFE}),
                new ByteArrayInputStream(
                        ("naam\tscore\n" + "Anaïs\t5\n".repeat(100_000)).getBytes(StandardCharsets.UTF_16LE)));
        ScoreImport wide = imports.importScores(utf16, "unicode.txt");
        assertThat(wide.counts()[5]).isEqualTo(100_000);
        assertThat(imports.myDoubters(0, 1))
                .singleElement()
                .satisfies(d -> assertThat(d.name()).isEqualTo("Anaïs"));

        // a 40 MB single line
        assertThat(refusal(() -> imports.importScores(generated(40 * MB, i -> "a".repeat(4096)), "een-regel.csv")))
                .isEqualTo(ImportFailedException.Reason.LINE_TOO_LONG);

        // more than the 50 MB limit
        assertThat(refusal(() -> imports.importScores(generated(60 * MB, i -> "7\n"), "te-groot.csv")))
                .isEqualTo(ImportFailedException.Reason.TOO_LARGE);

        long retained = usedHeapAfterGc() - before;
        System.out.printf("hostile uploads: heap retained after all of them %,d kB%n", retained / 1024);
        assertThat(retained).as("heap kept after the hostile uploads").isLessThan(32 * MB);
    }

    @Test
    void while_the_biggest_allowed_files_are_read_other_participants_keep_answering_within_a_second() throws Exception {
        int uploaders = 4;
        List<Account> big = new ArrayList<>();
        for (int i = 0; i < uploaders; i++) {
            big.add(accounts.create(Role.DEELNEMER));
        }
        Account other = accounts.create(Role.DEELNEMER);
        // the biggest allowed purchases file: just under 50 MB, 100,000 customers, many purchases each
        long size = CsvImporter.MAX_BYTES - MB;
        LongFunction<String> purchase = i -> "klant-" + (i % CsvImporter.MAX_CUSTOMERS) + ";"
                + LocalDate.of(2023, 1, 1).plusDays(i % 1000) + ";" + (i % 500) + ",95\n";

        AtomicBoolean reading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(uploaders + 2);
        Future<?> saver = pool.submit(() -> {
            TestAccounts.signIn(other);
            int n = 0;
            long version = SavedAnswers.NEVER_SAVED;
            while (reading.get()) {
                long start = System.nanoTime();
                version = workbook.saveMyAnswers(
                                Worksheet.RETENTIEMETER,
                                Map.of("start", Integer.toString(200 + n++ % 50), "new", "30", "end", "190"),
                                Locale.of("nl"),
                                version)
                        .version();
                imports.mySummary(Worksheet.NPS);
                latencies.add(System.nanoTime() - start);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<Future<PurchaseImport>> uploads = new ArrayList<>();
        long started = System.nanoTime();
        for (Account who : big) {
            uploads.add(pool.submit(() -> {
                TestAccounts.signIn(who);
                return imports.importPurchases(generated(size, purchase), "groot.csv");
            }));
        }
        // the same participant's second file while the first is read: refused, not queued
        Thread.sleep(300);
        Future<ImportFailedException.Reason> second = pool.submit(() -> {
            TestAccounts.signIn(big.get(0));
            return refusal(() -> imports.importPurchases(generated(MB, purchase), "nog-een.csv"));
        });
        assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(ImportFailedException.Reason.BUSY);
        for (Future<PurchaseImport> upload : uploads) {
            assertThat(upload.get(5, TimeUnit.MINUTES).customers()).hasSize(CsvImporter.MAX_CUSTOMERS);
        }
        long total = System.nanoTime() - started;
        reading.set(false);
        saver.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        List<Long> sorted = latencies.stream().sorted().toList();
        long p50 = sorted.get(sorted.size() / 2) / 1_000_000;
        long max = sorted.get(sorted.size() - 1) / 1_000_000;
        System.out.printf(
                "%d biggest allowed uploads (49 MB, 100,000 customers) read in %,d ms; another participant's "
                        + "%d saves meanwhile: p50 %d ms, max %d ms%n",
                uploaders, total / 1_000_000, sorted.size(), p50, max);
        assertThat(sorted).as("saves during the uploads").hasSizeGreaterThan(10);
        assertThat(max)
                .as("slowest save of another participant while the files are read (ms)")
                .isLessThan(1000);
    }
}
