package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.metrics.Klantgroepen;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvImporterTest {

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, CustomerStats> byId(PurchaseImport result) {
        Map<String, CustomerStats> map = new HashMap<>();
        result.customers().forEach(c -> map.put(c.id(), c));
        return map;
    }

    @Test
    void a_dutch_export_with_semicolons_dutch_dates_and_amounts_is_read() {
        PurchaseImport result = CsvImporter.purchases(csv("""
                Klant;Datum;Bedrag
                K001;31-01-2025;1.234,50
                K001;15-03-2025;€ 20,00
                K002;01-02-2025;7,5
                """), "webshop.csv");
        assertThat(result.report().header()).isTrue();
        assertThat(result.report().separator()).isEqualTo(';');
        assertThat(result.report().rowsRead()).isEqualTo(3);
        assertThat(result.report().rowsRejected()).isZero();
        CustomerStats k1 = byId(result).get("K001");
        assertThat(k1.purchases()).isEqualTo(2);
        assertThat(k1.first()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(k1.last()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(k1.revenueCents()).isEqualTo(125450);
        assertThat(k1.boughtInMonth(0)).isTrue();
        assertThat(k1.boughtInMonth(1)).isFalse();
        assertThat(k1.boughtInMonth(2)).isTrue();
        assertThat(byId(result).get("K002").revenueCents()).isEqualTo(750);
        assertThat(result.latest()).isEqualTo(LocalDate.of(2025, 3, 15));
    }

    @Test
    void an_english_export_with_commas_iso_dates_and_no_header_is_read() {
        PurchaseImport result = CsvImporter.purchases(csv("""
                c-9,2025-03-31,"1,234.56"
                c-9,2025-01-02,10.00
                c-7,2025-02-28,3
                """), "crm.csv");
        assertThat(result.report().header()).isFalse();
        assertThat(result.report().separator()).isEqualTo(',');
        CustomerStats c9 = byId(result).get("c-9");
        assertThat(c9.purchases()).isEqualTo(2);
        assertThat(c9.revenueCents()).isEqualTo(124456);
        assertThat(c9.first()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(c9.boughtInMonth(2)).isTrue();
    }

    @Test
    void a_file_without_amounts_is_read_without_revenue() {
        PurchaseImport result = CsvImporter.purchases(csv("klant;datum\na;2025-01-01\nb;2025-01-02\n"), "x.csv");
        assertThat(result.amounts()).isFalse();
        assertThat(result.customers())
                .allSatisfy(c -> assertThat(c.hasRevenue()).isFalse());
    }

    @Test
    void every_bad_row_is_reported_by_line_what_is_no_purchase_is_counted_and_the_rest_is_used() {
        PurchaseImport result = CsvImporter.purchases(csv("""
                klant;datum;bedrag
                a;2025-01-01;10
                ;2025-01-02;10
                b;32-01-2025;10
                c;2025-01-03;tien
                d;2025-01-04;-5
                e
                f;2025-01-05;1,5
                """), "x.csv");
        assertThat(result.report().rowsRead()).isEqualTo(7);
        assertThat(result.report().rowsRejected()).isEqualTo(3);
        assertThat(result.report().rejections())
                .extracting(RowRejection::line, RowRejection::reason)
                .containsExactly(
                        Tuple.tuple(4L, RowRejection.Reason.BAD_DATE),
                        Tuple.tuple(5L, RowRejection.Reason.BAD_AMOUNT),
                        Tuple.tuple(7L, RowRejection.Reason.MISSING_COLUMNS));
        // a row without a customer and a negative amount are readable, but not a purchase
        assertThat(result.report().skipped())
                .containsExactlyInAnyOrderEntriesOf(Map.of(SkipReason.NO_CUSTOMER, 1L, SkipReason.NEGATIVE, 1L));
        assertThat(result.report().purchases()).isEqualTo(2);
        assertThat(result.customers()).extracting(CustomerStats::id).containsExactlyInAnyOrder("a", "f");
        assertThat(byId(result).get("f").revenueCents()).isEqualTo(150);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            value = {
                "'' | EMPTY",
                "'   \n\n' | EMPTY",
                "'klant;datum;bedrag\n' | EMPTY",
                "'klant;bedrag\na;10\n' | CUSTOMER_LIST",
                "'klant;bedrag;datum_x\na;10;2026-01-01\n' | NO_DATE_COLUMN",
                "'klant;datum\na;gisteren\nb;morgen\n' | NO_VALID_ROWS"
            },
            delimiter = '|')
    void unusable_files_get_a_reason(String text, ImportFailedException.Reason reason) {
        assertThatThrownBy(() -> CsvImporter.purchases(csv(text.replace("\\n", "\n")), "x.csv"))
                .isInstanceOfSatisfying(
                        ImportFailedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void a_binary_file_is_refused() {
        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00};
        assertThatThrownBy(() -> CsvImporter.purchases(new ByteArrayInputStream(zip), "x.xlsx"))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.NOT_TEXT));
    }

    @Test
    void a_file_over_the_size_limit_is_refused_without_reading_it_all() {
        byte[] line = "klant-12345;2025-01-01;10,00\n".getBytes(StandardCharsets.US_ASCII);
        long total = CsvImporter.MAX_BYTES + line.length * 10L;
        InputStream endless = new InputStream() {
            long position;

            @Override
            public int read() {
                return position >= total ? -1 : line[(int) (position++ % line.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) (position++ % line.length)];
                }
                return n;
            }
        };
        assertThatThrownBy(() -> CsvImporter.purchases(endless, "big.csv"))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.TOO_LARGE));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} cents")
    @CsvSource(
            value = {
                "12,50 | 1250",
                "12.50 | 1250",
                "1.234,56 | 123456",
                "1,234.56 | 123456",
                "1.234 | 123400",
                "1,234 | 123400",
                "7 | 700",
                "7,5 | 750",
                "€ 1.000.000,00 | 100000000",
                "'' | 0",
                "-3,00 | -300"
            },
            delimiter = '|')
    void amounts_are_read_in_dutch_and_english(String text, long cents) {
        assertThat(Amounts.parseCents(text)).isEqualTo(cents);
    }

    @ParameterizedTest
    @CsvSource(
            value = {"tien", "1.2.3", "12,345,6", "1,23456", "12-3", "1e5"},
            delimiter = '|')
    void bad_amounts_are_refused(String text) {
        assertThat(Amounts.parseCents(text)).isEqualTo(Amounts.INVALID);
    }

    @Test
    void survey_scores_with_names_give_counts_and_a_call_list() {
        ScoreImport result = CsvImporter.scores(csv("""
                Naam;Score;E-mail;Datum
                Anna;9;anna@example.org;2025-05-01
                Bart;5;bart@example.org;02-05-2025
                ;6;;2025-05-03
                Cees;11;cees@example.org;2025-05-03
                Dirk;goed;;2025-05-03
                Eva;4;eva@example.org;
                """), "enquete.csv");
        assertThat(result.counts()[9]).isEqualTo(1);
        assertThat(result.counts()[5]).isEqualTo(1);
        assertThat(result.counts()[6]).isEqualTo(1);
        assertThat(result.counts()[4]).isEqualTo(1);
        assertThat(result.report().rowsRejected()).isEqualTo(2);
        assertThat(result.report().rejections()).extracting(RowRejection::line).containsExactly(5L, 6L);
        assertThat(result.doubters()).extracting(Doubter::name).containsExactly("Bart", "Eva");
        assertThat(result.doubters().getFirst().respondBy()).contains(LocalDate.of(2025, 5, 4));
        assertThat(result.doubters().get(1).respondBy()).isEmpty();
    }

    @Test
    void survey_scores_without_header_find_the_score_column() {
        ScoreImport result = CsvImporter.scores(csv("Anna,9,anna@example.org\nBart,5,bart@example.org\n"), "x.csv");
        assertThat(result.counts()[9]).isEqualTo(1);
        assertThat(result.doubters()).extracting(Doubter::contact).containsExactly("bart@example.org");
    }

    @Test
    void a_pasted_list_reports_bad_scores_by_line() {
        ScoreImport result = CsvImporter.pastedScores("9 10 8\n5, 6; 4\nzeven 12\n\n7");
        assertThat(result.report().rowsRead()).isEqualTo(9);
        assertThat(result.counts()[9] + result.counts()[10] + result.counts()[8] + result.counts()[7])
                .isEqualTo(4);
        assertThat(result.report().rejections())
                .extracting(RowRejection::line, RowRejection::reason)
                .containsExactly(
                        Tuple.tuple(3L, RowRejection.Reason.BAD_SCORE),
                        Tuple.tuple(3L, RowRejection.Reason.SCORE_RANGE));
    }

    /** A generated file checked against a plain, independent computation from the raw rows. */
    @Test
    void generated_purchases_are_grouped_as_a_simple_count_would() {
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2024, 1, 1);
        StringBuilder file = new StringBuilder("klant;datum;bedrag\n");
        Map<String, List<LocalDate>> raw = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String customer = "K" + random.nextInt(3_000);
            LocalDate date = start.plusDays(random.nextInt(540));
            int cents = random.nextInt(20_000);
            raw.computeIfAbsent(customer, c -> new ArrayList<>()).add(date);
            file.append(customer)
                    .append(';')
                    .append(
                            random.nextBoolean()
                                    ? date.toString()
                                    : String.format(
                                            "%02d-%02d-%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear()))
                    .append(';')
                    .append(cents / 100)
                    .append(',')
                    .append(String.format("%02d", cents % 100))
                    .append('\n');
        }
        PurchaseImport result = CsvImporter.purchases(csv(file.toString()), "generated.csv");
        LocalDate peil = raw.values().stream()
                .flatMap(List::stream)
                .max(LocalDate::compareTo)
                .orElseThrow();
        KlantgroepenResult groups = Klantgroepen.calculate(result.customers(), peil, 60, 3);

        Map<CustomerGroup, Long> expected = new EnumMap<>(CustomerGroup.class);
        for (CustomerGroup g : CustomerGroup.values()) {
            expected.put(g, 0L);
        }
        long repeat = 0;
        for (List<LocalDate> dates : raw.values()) {
            LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
            long days = ChronoUnit.DAYS.between(last, peil);
            CustomerGroup g = days > 60
                    ? CustomerGroup.INACTIEF
                    : dates.size() == 1
                            ? CustomerGroup.EENMALIG
                            : dates.size() >= 3 ? CustomerGroup.LOYAAL : CustomerGroup.HERHAAL;
            expected.merge(g, 1L, Long::sum);
            if (dates.size() >= 2) {
                repeat++;
            }
        }
        assertThat(result.report().rowsRead()).isEqualTo(20_000);
        assertThat(result.report().rowsRejected()).isZero();
        assertThat(groups.counts()).isEqualTo(expected);
        assertThat(groups.repeatBuyers()).isEqualTo(repeat);
    }
}
