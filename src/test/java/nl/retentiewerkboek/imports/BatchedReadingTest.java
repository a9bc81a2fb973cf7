package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import nl.retentiewerkboek.metrics.CustomerStats;
import org.junit.jupiter.api.Test;

/**
 * The purchase reader reads text on one thread and counts on another, batch by batch: the counts do not depend on
 * where a batch ends, a failure far into the file still gives its reason, and no reading thread is left behind.
 */
class BatchedReadingTest {

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void customers_spread_over_many_batches_are_counted_as_one_person_per_key_whatever_the_case() {
        Random random = new Random(11);
        StringBuilder file = new StringBuilder("klant;datum;bedrag\n");
        Map<String, Integer> expected = new HashMap<>();
        Map<String, LocalDate> last = new HashMap<>();
        LocalDate start = LocalDate.of(2025, 1, 1);
        int rows = PurchaseRows.BATCH * 9 + 17;
        for (int i = 0; i < rows; i++) {
            String key = "klant" + random.nextInt(300) + "@voorbeeld.nl";
            // the same customer written in capitals now and then
            String written = random.nextBoolean() ? key : key.toUpperCase(Locale.ROOT);
            LocalDate day = start.plusDays(random.nextInt(200));
            file.append(written).append(';').append(day).append(";10,00\n");
            expected.merge(key, 1, Integer::sum);
            last.merge(key, day, (a, b) -> a.isAfter(b) ? a : b);
        }
        PurchaseImport imported = CsvImporter.purchases(bytes(file.toString()), "veel.csv");
        assertThat(imported.customers()).hasSize(expected.size());
        for (CustomerStats c : imported.customers()) {
            String key = c.id().toLowerCase(Locale.ROOT);
            assertThat(c.purchases()).as(key).isEqualTo(expected.get(key).longValue());
            assertThat(c.last()).as(key).isEqualTo(last.get(key));
            assertThat(c.revenueCents()).as(key).isEqualTo(expected.get(key) * 1000L);
        }
        assertThat(imported.report().purchases()).isEqualTo(rows);
    }

    @Test
    void a_file_with_many_customers_out_of_order_keeps_their_order_days_and_latest_date() {
        // past 20,000 customers the last step (sorting each customer's days) runs in two halves side by side
        Random random = new Random(5);
        int customers = 30_000;
        StringBuilder file = new StringBuilder("klant;datum;bedrag\n");
        LinkedHashMap<String, TreeSet<LocalDate>> days = new LinkedHashMap<>();
        Map<String, Integer> count = new HashMap<>();
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate latest = LocalDate.MIN;
        for (int i = 0; i < customers * 4; i++) {
            String key = "KL" + random.nextInt(customers);
            LocalDate day = start.plusDays(random.nextInt(500));
            file.append(key).append(';').append(day).append(";1,00\n");
            days.computeIfAbsent(key, k -> new TreeSet<>()).add(day);
            count.merge(key, 1, Integer::sum);
            latest = day.isAfter(latest) ? day : latest;
        }
        PurchaseImport imported = CsvImporter.purchases(bytes(file.toString()), "groot.csv");
        assertThat(imported.customers()).extracting(CustomerStats::id).containsExactlyElementsOf(days.keySet());
        assertThat(imported.latest()).isEqualTo(latest);
        int i = 0;
        for (Map.Entry<String, TreeSet<LocalDate>> e : days.entrySet()) {
            CustomerStats c = imported.customers().get(i);
            assertThat(c.purchases())
                    .as(e.getKey())
                    .isEqualTo(count.get(e.getKey()).longValue());
            assertThat(c.first()).as(e.getKey()).isEqualTo(e.getValue().first());
            assertThat(c.last()).as(e.getKey()).isEqualTo(e.getValue().last());
            int[] read = imported.history().customerDays().get(i);
            assertThat(read)
                    .as(e.getKey())
                    .containsExactly(e.getValue().stream()
                            .mapToInt(d -> (int) d.toEpochDay())
                            .toArray());
            i++;
        }
    }

    @Test
    void empty_lines_anywhere_lose_no_row_and_count_none_twice() {
        // FastCSV begins a record for each empty line it skips: the batches must not give that row a place
        StringBuilder file = new StringBuilder("klant;datum;bedrag\n\n");
        int rows = PurchaseRows.BATCH * 11 + 5;
        for (int i = 0; i < rows; i++) {
            file.append('k').append(i).append(";2025-01-01;1,00\n");
            if (i % 37 == 0) {
                file.append("\n");
            }
            if (i % 101 == 0) {
                file.append("\n\n");
            }
        }
        file.append("\n\n");
        PurchaseImport imported = CsvImporter.purchases(bytes(file.toString()), "leeg.csv");
        assertThat(imported.report().purchases()).isEqualTo(rows);
        assertThat(imported.customers()).hasSize(rows);
        assertThat(imported.customers().stream().map(c -> c.id()).distinct().count())
                .isEqualTo(rows);
    }

    @Test
    void a_broken_line_deep_in_the_file_gives_its_reason_and_leaves_no_reading_thread() {
        StringBuilder file = new StringBuilder("klant;datum;bedrag\n");
        for (int i = 0; i < PurchaseRows.BATCH * 5; i++) {
            file.append('k').append(i % 50).append(";2025-01-01;1,00\n");
        }
        file.append("\"").append("x".repeat(CsvImporter.MAX_LINE_CHARS + 10)).append("\";2025-01-01;1,00\n");
        assertThatThrownBy(() -> CsvImporter.purchases(bytes(file.toString()), "lang.csv"))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.LINE_TOO_LONG));
        assertThat(readingThreads()).isZero();
    }

    @Test
    void stopping_early_at_too_many_customers_stops_the_reading_thread_too() {
        StringBuilder file = new StringBuilder("klant;datum;bedrag\n");
        for (int i = 0; i <= CsvImporter.MAX_CUSTOMERS + PurchaseRows.BATCH * 20; i++) {
            file.append('k').append(i).append(";2025-01-01;1,00\n");
        }
        assertThatThrownBy(() -> CsvImporter.purchases(bytes(file.toString()), "x.csv"))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.TOO_MANY_CUSTOMERS));
        assertThat(readingThreads()).isZero();
    }

    @Test
    void a_file_of_exactly_one_batch_and_one_of_a_single_row_are_read_whole() {
        for (int rows : new int[] {1, PurchaseRows.BATCH - 1, PurchaseRows.BATCH, PurchaseRows.BATCH + 1}) {
            StringBuilder file = new StringBuilder("klant;datum;bedrag\n");
            for (int i = 0; i < rows; i++) {
                file.append('k').append(i).append(";2025-01-01;1,00\n");
            }
            assertThat(CsvImporter.purchases(bytes(file.toString()), "x.csv")
                            .report()
                            .purchases())
                    .as(rows + " rows")
                    .isEqualTo(rows);
        }
        // without a header the first row is data, and is counted once
        assertThat(CsvImporter.purchases(bytes("k1;2025-01-01;1,00\nk2;2025-01-02;2,00\n"), "x.csv")
                        .customers())
                .hasSize(2);
    }

    private static long readingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("import-rows") && t.isAlive())
                .count();
    }
}
