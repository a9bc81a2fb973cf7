package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What one upload may hold: caps on customers, doubters and line length; UTF-16 and compressed files. */
class UploadLimitsTest {

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportFailedException.Reason reasonOf(Runnable read) {
        try {
            read.run();
        } catch (ImportFailedException e) {
            return e.reason();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void a_survey_with_more_doubters_than_the_cap_counts_every_answer_and_keeps_the_most_recent_doubters() {
        int doubters = CsvImporter.MAX_DOUBTERS + 500;
        StringBuilder file = new StringBuilder("naam;score;datum\n");
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < doubters; i++) {
            // in file order the dates go up, except every tenth which is far in the past
            LocalDate date = i % 10 == 0 ? first.minusYears(5) : first.plusDays(i);
            file.append("Klant ")
                    .append(i)
                    .append(';')
                    .append(4 + i % 3)
                    .append(';')
                    .append(date)
                    .append('\n');
        }
        file.append("Zonder datum;5;\n").append("Promotor;9;2025-01-01\n");
        ScoreImport result = CsvImporter.scores(bytes(file.toString()), "groot.csv");

        long[] counts = result.counts();
        assertThat(counts[4] + counts[5] + counts[6]).isEqualTo(doubters + 1);
        assertThat(counts[9]).isEqualTo(1);
        assertThat(result.doubtersFound()).isEqualTo(doubters + 1);
        assertThat(result.doubters()).hasSize(CsvImporter.MAX_DOUBTERS);
        // dropped: the undated one, the 150 from five years ago, and the 351 oldest of the rest
        assertThat(result.doubters()).noneMatch(d -> d.answered().isEmpty());
        assertThat(result.doubters()).noneMatch(d -> d.answered().get().isBefore(first));
        LocalDate oldestKept = result.doubters().stream()
                .map(d -> d.answered().get())
                .min(LocalDate::compareTo)
                .orElseThrow();
        // 1,500 rows, 150 of them old: the others are i = 1..1499 without multiples of ten; the 1,000
        // newest of those 1,350 start after the 350 oldest
        int skipped = 0;
        int i = 0;
        while (skipped < 350) {
            i++;
            if (i % 10 != 0) {
                skipped++;
            }
        }
        int firstKept = i + 1;
        while (firstKept % 10 == 0) {
            firstKept++;
        }
        assertThat(oldestKept).isEqualTo(first.plusDays(firstKept));
        // kept in file order
        assertThat(result.doubters())
                .isSortedAccordingTo(
                        (a, b) -> a.answered().get().compareTo(b.answered().get()));
    }

    @Test
    void a_purchases_file_with_more_customers_than_the_cap_is_refused_with_its_own_reason() {
        StringBuilder file = new StringBuilder("klant;datum;bedrag\n");
        for (int i = 0; i <= CsvImporter.MAX_CUSTOMERS; i++) {
            file.append('k').append(i).append(";2025-01-01;1,00\n");
        }
        assertThat(reasonOf(() -> CsvImporter.purchases(bytes(file.toString()), "x.csv")))
                .isEqualTo(ImportFailedException.Reason.TOO_MANY_CUSTOMERS);
        // exactly the cap is fine
        StringBuilder atCap = new StringBuilder("klant;datum;bedrag\n");
        for (int i = 0; i < CsvImporter.MAX_CUSTOMERS; i++) {
            atCap.append('k').append(i).append(";2025-01-01;1,00\n");
        }
        assertThat(CsvImporter.purchases(bytes(atCap.toString()), "x.csv").customers())
                .hasSize(CsvImporter.MAX_CUSTOMERS);
    }

    @Test
    void a_single_line_of_forty_megabytes_is_refused_without_buffering_it() {
        InputStream line = HostileUploadIT.generated(40L * 1024 * 1024, i -> "a".repeat(4096));
        assertThat(reasonOf(() -> CsvImporter.scores(line, "lang.csv")))
                .isEqualTo(ImportFailedException.Reason.LINE_TOO_LONG);
        assertThat(reasonOf(() -> CsvImporter.purchases(
                        bytes("klant;datum\n\"" + "x".repeat(200_000) + "\";2025-01-01\n"), "x.csv")))
                .isEqualTo(ImportFailedException.Reason.LINE_TOO_LONG);
    }

    @Test
    void a_line_of_nothing_but_separators_is_refused_before_it_fills_the_memory() {
        // 50 MB of ";" without a line break: 52 million empty fields in one record
        for (boolean scores : new boolean[] {true, false}) {
            InputStream separators = HostileUploadIT.generated(CsvImporter.MAX_BYTES - 1024, i -> ";".repeat(4096));
            assertThat(reasonOf(() -> {
                        if (scores) {
                            CsvImporter.scores(separators, "x.csv");
                        } else {
                            CsvImporter.purchases(separators, "x.csv");
                        }
                    }))
                    .as(scores ? "W4" : "W5")
                    .isEqualTo(ImportFailedException.Reason.LINE_TOO_LONG);
        }
        // a long but normal line with many columns is fine below the limits
        String wide = "klant;datum;" + "x;".repeat(500) + "\nk1;2025-01-01;" + "1;".repeat(500) + "\n";
        assertThat(CsvImporter.purchases(bytes(wide), "breed.csv").customers()).hasSize(1);
    }

    @Test
    void a_gzip_file_is_not_unpacked_but_refused_as_not_text() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                gzip.write(zeros); // 100 MB of zeros in about 100 kB
            }
        }
        assertThat(reasonOf(() -> CsvImporter.scores(new ByteArrayInputStream(packed.toByteArray()), "bom.csv.gz")))
                .isEqualTo(ImportFailedException.Reason.NOT_TEXT);
    }

    @Test
    void utf16_exports_with_a_byte_order_mark_are_read_with_tabs_or_semicolons() {
        String text = "naam\tscore\temail\nAnaïs\t5\ta@x.nl\nBj\u00f6rn\t9\tb@x.nl\n";
        for (Charset charset : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            byte[] body = text.getBytes(charset);
            byte[] bom = charset == StandardCharsets.UTF_16LE
                    ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] file = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, file, 0, bom.length);
            System.arraycopy(body, 0, file, bom.length, body.length);
            ScoreImport result = CsvImporter.scores(new ByteArrayInputStream(file), "excel-unicode.txt");
            assertThat(result.report().rowsRead()).isEqualTo(2);
            assertThat(result.counts()[5]).isEqualTo(1);
            assertThat(result.counts()[9]).isEqualTo(1);
            assertThat(result.doubters()).singleElement().satisfies(d -> {
                assertThat(d.name()).isEqualTo("Anaïs");
                assertThat(d.contact()).isEqualTo("a@x.nl");
            });
        }
        // without a byte order mark too: every other byte is zero, in the same place
        for (Charset charset : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            ScoreImport result = CsvImporter.scores(new ByteArrayInputStream(text.getBytes(charset)), "x.txt");
            assertThat(result.counts()[5]).isEqualTo(1);
            assertThat(result.doubters())
                    .singleElement()
                    .satisfies(d -> assertThat(d.name()).isEqualTo("Anaïs"));
        }
    }

    @Test
    void a_pasted_list_longer_than_the_limit_is_refused() {
        assertThat(reasonOf(() -> CsvImporter.pastedScores("5 ".repeat(CsvImporter.MAX_PASTED_CHARS / 2 + 1))))
                .isEqualTo(ImportFailedException.Reason.PASTE_TOO_LONG);
    }
}
