package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.metrics.Dates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files as real software writes them: Dutch Excel's encoding, other separators, bank and US dates, signed amounts. */
class RealFileFormatsTest {

    private static final String DUTCH_CAFES = """
            Klant;Datum;Bedrag
            Café Noël;01-03-2025;€ 24,50
            Cafe Noel;02-03-2025;€ 10,00
            CAFÉ NOËL;05-03-2025;1.000,00
            """;

    private static PurchaseImport read(byte[] bytes) {
        return CsvImporter.purchases(new ByteArrayInputStream(bytes), "export.csv");
    }

    private static Map<String, CustomerStats> byId(PurchaseImport result) {
        Map<String, CustomerStats> map = new HashMap<>();
        result.customers().forEach(c -> map.put(c.id(), c));
        return map;
    }

    /** Café Noël twice (once in capitals): 24,50 + 1.000,00; Cafe Noel without accents is someone else: 10,00. */
    private static void assertCafes(PurchaseImport result) {
        Map<String, CustomerStats> customers = byId(result);
        assertThat(customers).containsOnlyKeys("Café Noël", "Cafe Noel");
        assertThat(customers.get("Café Noël").purchases()).isEqualTo(2);
        assertThat(customers.get("Café Noël").revenueCents()).isEqualTo(2450 + 100000);
        assertThat(customers.get("Cafe Noel").revenueCents()).isEqualTo(1000);
    }

    @Test
    void dutch_excels_windows_1252_keeps_accents_and_euro_signs_and_two_customers_stay_two() {
        PurchaseImport result = read(DUTCH_CAFES.getBytes(Charset.forName("windows-1252")));
        assertCafes(result);
        assertThat(result.report().encoding()).isEqualTo("windows-1252");
        assertThat(result.report().rowsRejected()).isZero();
    }

    @Test
    void utf8_with_and_without_a_byte_order_mark_and_utf16_with_and_without_one_read_the_same() {
        byte[] utf8 = DUTCH_CAFES.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertCafes(read(utf8));
        assertCafes(read(bom));
        assertThat(read(utf8).report().encoding()).isEqualTo("UTF-8");
        assertCafes(read(DUTCH_CAFES.getBytes(StandardCharsets.UTF_16)));
        assertCafes(read(DUTCH_CAFES.getBytes(StandardCharsets.UTF_16LE)));
        assertCafes(read(DUTCH_CAFES.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void a_pipe_separated_file_is_read() {
        PurchaseImport result = read(DUTCH_CAFES.replace(';', '|').getBytes(StandardCharsets.UTF_8));
        assertThat(result.report().separator()).isEqualTo('|');
        assertCafes(result);
    }

    @ParameterizedTest(name = "{0} is {1} cents")
    @CsvSource(
            delimiter = '|',
            value = {
                "+24,50 | 2450",
                "$1,149.00 | 114900",
                "(33.62) | -3362",
                "( 33,62 ) | -3362",
                "EUR 7,50 | 750",
                "7,50 EUR | 750",
                "usd 12.00 | 1200",
                "€1.234,56 | 123456",
                "£ 3 | 300",
                "−4,10 | -410",
            })
    void amounts_as_banks_tills_and_payment_providers_write_them(String text, long cents) {
        assertThat(Amounts.parseCents(text)).isEqualTo(cents);
    }

    @ParameterizedTest(name = "{0} is not an amount")
    @CsvSource(
            delimiter = '|',
            value = {"++3", "+-3", "(-3)", "12 EURO", "EU 3", "abc", "(3", "0,125", "0.125", ",-", "12,5-"})
    void what_is_not_an_amount_is_refused(String text) {
        assertThat(Amounts.parseCents(text)).isEqualTo(Amounts.INVALID);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "20250331 | 2025-03-31",
                "31-03-25 | 2025-03-31",
                "1/3/25 | 2025-03-01",
                "2025-05-11 09:55:16 -0400 | 2025-05-11",
                "2025-05-11T09:55:16+02:00 | 2025-05-11",
                "31.03.2025 | 2025-03-31",
            })
    void dates_as_banks_and_shops_write_them(String text, String date) {
        assertThat(Dates.parse(text)).contains(LocalDate.parse(date));
    }

    @Test
    void the_order_of_day_and_month_is_evidence_only_when_one_of_them_is_above_12() {
        assertThat(Dates.orderEvidence("31/03/2025")).isEqualTo(1);
        assertThat(Dates.orderEvidence("03/31/25")).isEqualTo(-1);
        assertThat(Dates.orderEvidence("03/04/2025")).isZero();
        assertThat(Dates.orderEvidence("2025-03-31")).isZero();
        assertThat(Dates.orderEvidence("20250331")).isZero();
        assertThat(Dates.parse("03/31/25", true)).contains(LocalDate.of(2025, 3, 31));
        assertThat(Dates.parse("03/31/25", false)).isEmpty();
        assertThat(Dates.parse("20251301")).isEmpty();
    }

    @Test
    void a_us_export_is_read_month_first_when_one_date_settles_it() {
        PurchaseImport result = read("""
                Customer,Date,Amount
                ann,03/04/2025,10.00
                bob,04/30/2025,20.00
                ann,12/01/2025,5.00
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(result.report().dateOrder()).isEqualTo(ImportReport.DateOrder.MONTH_FIRST);
        CustomerStats ann = byId(result).get("ann");
        assertThat(ann.first()).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(ann.last()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(result.latest()).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void a_file_without_a_header_is_read_month_first_from_its_first_row_on() {
        PurchaseImport result = read("ann,03/04/2025,10\nbob,04/30/2025,20\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.report().dateOrder()).isEqualTo(ImportReport.DateOrder.MONTH_FIRST);
        assertThat(byId(result).get("ann").first()).isEqualTo(LocalDate.of(2025, 3, 4));
    }

    @Test
    void a_dutch_file_is_read_day_first_and_an_undecided_one_says_it_assumed_so() {
        PurchaseImport settled = read("klant;datum\na;03/04/2025\nb;31/03/2025\n".getBytes(StandardCharsets.UTF_8));
        assertThat(settled.report().dateOrder()).isEqualTo(ImportReport.DateOrder.DAY_FIRST);
        assertThat(byId(settled).get("a").first()).isEqualTo(LocalDate.of(2025, 4, 3));

        PurchaseImport undecided = read("klant;datum\na;03/04/2025\nb;05/06/2025\n".getBytes(StandardCharsets.UTF_8));
        assertThat(undecided.report().dateOrder()).isEqualTo(ImportReport.DateOrder.DAY_FIRST_ASSUMED);
        assertThat(byId(undecided).get("a").first()).isEqualTo(LocalDate.of(2025, 4, 3));

        PurchaseImport iso = read("klant;datum\na;2025-04-03\n".getBytes(StandardCharsets.UTF_8));
        assertThat(iso.report().dateOrder()).isEqualTo(ImportReport.DateOrder.NOT_NEEDED);
        PurchaseImport dashes = read("klant;datum\na;03-04-2025\n".getBytes(StandardCharsets.UTF_8));
        assertThat(dashes.report().dateOrder())
                .as("dashes are how Dutch software writes it")
                .isEqualTo(ImportReport.DateOrder.NOT_NEEDED);
        assertThat(byId(dashes).get("a").first()).isEqualTo(LocalDate.of(2025, 4, 3));
    }

    @Test
    void a_file_where_every_row_fails_is_refused_with_the_reason_for_each_row() {
        assertThatThrownBy(() ->
                        read("klant;datum;bedrag\na;gisteren;10\nb;2025-03-01;tien\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.NO_VALID_ROWS);
                    Optional<ImportReport> report = e.report();
                    assertThat(report).isPresent();
                    assertThat(report.get().rejections())
                            .extracting(RowRejection::line, RowRejection::reason)
                            .containsExactly(
                                    tuple(2L, RowRejection.Reason.BAD_DATE), tuple(3L, RowRejection.Reason.BAD_AMOUNT));
                });
    }

    @Test
    void a_windows_1252_file_that_is_plain_ascii_for_its_first_64_kb_keeps_mueller_and_moeller_apart() {
        StringBuilder text = new StringBuilder("klant;datum;bedrag\n");
        for (int i = 0; text.length() < 70_000; i++) {
            text.append("K").append(i).append(";01-03-2025;10,00\n");
        }
        text.append("Müller;02-03-2025;5,00\nMöller;03-03-2025;7,00\n");
        PurchaseImport result = read(text.toString().getBytes(Charset.forName("windows-1252")));
        Map<String, CustomerStats> customers = byId(result);
        assertThat(customers.get("Müller").revenueCents()).isEqualTo(500);
        assertThat(customers.get("Möller").revenueCents()).isEqualTo(700);
        assertThat(result.report().rowsRejected()).isZero();
    }

    @Test
    void a_utf8_character_cut_by_the_end_of_the_first_64_kb_is_still_utf8() {
        StringBuilder text = new StringBuilder("klant;datum\n");
        while (text.length() < 65_000) {
            text.append("klant;01-03-2025\n");
        }
        // a last name of a's so that é's two bytes straddle byte 65,536 (all before it is ASCII: one byte each)
        text.append("a".repeat(65_535 - text.length())).append("é;01-03-2025\n");
        text.append("Noël;02-03-2025\n");
        PurchaseImport result = read(text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(result.report().encoding()).isEqualTo("UTF-8");
        assertThat(byId(result)).containsKey("Noël");
    }

    @Test
    void a_us_file_without_a_header_is_not_taken_for_a_header_row() {
        PurchaseImport result =
                read("ann@x.nl,04/30/2025,20\nbob@x.nl,03/04/2025,10\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result.report().header()).isFalse();
        assertThat(result.report().dateOrder()).isEqualTo(ImportReport.DateOrder.MONTH_FIRST);
        assertThat(byId(result).get("ann@x.nl").first()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(byId(result).get("bob@x.nl").first()).isEqualTo(LocalDate.of(2025, 3, 4));
    }

    @Test
    void two_digit_years_are_read_as_spreadsheets_read_them() {
        assertThat(Dates.parse("15-06-98")).contains(LocalDate.of(1998, 6, 15));
        assertThat(Dates.parse("15-06-29")).contains(LocalDate.of(2029, 6, 15));
        assertThat(Dates.parse("15-06-30")).contains(LocalDate.of(1930, 6, 15));
    }

    @Test
    void the_lenient_reader_reads_utf8_and_stray_windows_1252_bytes_in_one_file() throws Exception {
        byte[] utf8 = "Café;".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "Noël €".getBytes(Charset.forName("windows-1252"));
        byte[] both = new byte[utf8.length + cp1252.length];
        System.arraycopy(utf8, 0, both, 0, utf8.length);
        System.arraycopy(cp1252, 0, both, utf8.length, cp1252.length);
        try (LenientUtf8Reader reader = new LenientUtf8Reader(new ByteArrayInputStream(both))) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[3];
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) > 0) {
                out.append(buffer, 0, n);
            }
            assertThat(out).hasToString("Café;Noël €");
        }
    }
}
