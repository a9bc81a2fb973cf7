package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.spreadsheets.Sheet;
import org.junit.jupiter.api.Test;

/** Excel workbooks (.xlsx) in: the first sheet read as the CSV would be; bombs and old .xls files refused. */
class XlsxUploadTest {

    private static PurchaseImport purchases(byte[] file) {
        try (UploadedText text = UploadedText.of(new ByteArrayInputStream(file))) {
            return CsvImporter.purchases(text.stream(), "export.xlsx");
        }
    }

    private static ImportFailedException.Reason refusal(byte[] file) {
        try {
            purchases(file);
        } catch (ImportFailedException e) {
            return e.reason();
        }
        throw new AssertionError("the file was accepted");
    }

    private static Map<String, CustomerStats> byId(PurchaseImport result) {
        Map<String, CustomerStats> map = new HashMap<>();
        result.customers().forEach(c -> map.put(c.id(), c));
        return map;
    }

    @Test
    void a_workbook_with_date_cells_number_cells_and_accents_gives_what_the_same_csv_gives() {
        byte[] xlsx = new Sheet(
                        "Bestellingen",
                        List.of("Klant", "Datum", "Bedrag"),
                        List.of(
                                Arrays.asList("Café Noël", LocalDate.of(2025, 3, 1), new BigDecimal("24.50")),
                                Arrays.asList("Cafe Noel", LocalDate.of(2025, 3, 2), new BigDecimal("10")),
                                Arrays.asList("café noël", LocalDate.of(2025, 4, 5), new BigDecimal("1000.005")),
                                Arrays.asList("1001", "31-03-2025", 7L)))
                .xlsx();
        PurchaseImport result = purchases(xlsx);
        Map<String, CustomerStats> customers = byId(result);
        assertThat(customers).containsOnlyKeys("Café Noël", "Cafe Noel", "1001");
        CustomerStats cafe = customers.get("Café Noël");
        assertThat(cafe.purchases()).isEqualTo(2);
        assertThat(cafe.first()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(cafe.last()).isEqualTo(LocalDate.of(2025, 4, 5));
        // 24,50 + 1.000,01 (an amount is kept to the cent, rounded half up)
        assertThat(cafe.revenueCents()).isEqualTo(2450 + 100001);
        assertThat(customers.get("1001").revenueCents()).isEqualTo(700);
        assertThat(customers.get("1001").first()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(result.report().rowsRead()).isEqualTo(4);
        assertThat(result.report().rowsRejected()).isZero();
    }

    @Test
    void a_survey_workbook_fills_the_counts_and_the_call_list() {
        byte[] xlsx = new Sheet(
                        "Antwoorden",
                        List.of("Naam", "Score", "E-mail", "Datum"),
                        List.of(
                                Arrays.asList("Anaïs", 5L, "anais@example.nl", LocalDate.of(2026, 11, 30)),
                                Arrays.asList("Bart", 9L, "bart@example.nl", LocalDate.of(2026, 12, 1))))
                .xlsx();
        ScoreImport result;
        try (UploadedText text = UploadedText.of(new ByteArrayInputStream(xlsx))) {
            result = CsvImporter.scores(text.stream(), "enquete.xlsx");
        }
        assertThat(result.counts()[5]).isEqualTo(1);
        assertThat(result.counts()[9]).isEqualTo(1);
        assertThat(result.doubters()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Anaïs");
            assertThat(d.contact()).isEqualTo("anais@example.nl");
            assertThat(d.answered()).contains(LocalDate.of(2026, 11, 30));
        });
    }

    @Test
    void a_workbook_that_unpacks_beyond_the_limit_is_refused_before_it_is_read() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(packed)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 401; i++) {
                zip.write(spaces); // 401 MB of spaces, packed into about 400 kB
            }
            zip.closeEntry();
        }
        assertThat(packed.size()).isLessThan(2 * 1024 * 1024);
        assertThat(refusal(packed.toByteArray())).isEqualTo(ImportFailedException.Reason.WORKBOOK_TOO_LARGE);
    }

    @Test
    void a_workbook_with_more_distinct_texts_than_are_held_in_memory_is_refused() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(packed)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] item = "<si><t>x</t></si>".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i <= 1_000_000; i++) {
                zip.write(item); // 1,000,001 texts in 17 MB, packed small
            }
            zip.closeEntry();
        }
        assertThat(refusal(packed.toByteArray())).isEqualTo(ImportFailedException.Reason.WORKBOOK_TOO_LARGE);
    }

    @Test
    void an_old_xls_file_and_a_zip_that_is_no_workbook_get_their_own_messages() throws IOException {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(refusal(ole2)).isEqualTo(ImportFailedException.Reason.OLD_EXCEL);

        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(packed)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("klant;datum\na;2025-01-01\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(refusal(packed.toByteArray())).isEqualTo(ImportFailedException.Reason.NOT_TEXT);
    }

    @Test
    void short_and_empty_files_are_still_read_as_text() {
        assertThat(refusal(new byte[0])).isEqualTo(ImportFailedException.Reason.EMPTY);
        assertThat(refusal(new byte[] {'P', 'K'})).isNotEqualTo(ImportFailedException.Reason.UNREADABLE);
    }

    @Test
    void a_csv_passes_through_unchanged() {
        PurchaseImport result = purchases("klant;datum\na;2025-01-01\n".getBytes(StandardCharsets.UTF_8));
        assertThat(byId(result)).containsOnlyKeys("a");
    }

    @Test
    void a_refused_workbook_leaves_no_temporary_file_behind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countUploads(tmp);
        byte[] ole2Zip = new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertThatThrownBy(() -> purchases(ole2Zip)).isInstanceOf(ImportFailedException.class);
        purchases(new Sheet("x", List.of("klant", "datum"), List.of(Arrays.asList("a", LocalDate.of(2025, 1, 1))))
                .xlsx());
        assertThat(countUploads(tmp)).isEqualTo(before);
    }

    private static long countUploads(Path tmp) throws IOException {
        try (var files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload-"))
                    .count();
        }
    }
}
