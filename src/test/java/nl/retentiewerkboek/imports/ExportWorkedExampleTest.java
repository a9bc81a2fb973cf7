package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.ExportNumbers;
import nl.retentiewerkboek.metrics.Klantgroepen;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import nl.retentiewerkboek.metrics.Period;
import nl.retentiewerkboek.metrics.Retentiemeter;
import org.junit.jupiter.api.Test;

/** The worked example of imports.md ("One upload feeds W1, W2 and W5"), read as a participant would upload it. */
class ExportWorkedExampleTest {

    private static final String FILE = """
            klant;datum;bedrag
            A;2026-06-15;100
            A;2026-09-10;50
            B;2026-06-01;80
            C;2026-05-20;40
            C;2026-07-15;60
            D;2026-08-20;200
            E;2026-01-10;30
            E;2026-09-25;70
            F;2026-07-05;25
            G;2026-06-30;10
            G;2026-08-02;90
            H;2026-05-01;55
            I;2026-10-15;45
            J;2026-09-30;120
            """;

    private static PurchaseImport read() {
        return CsvImporter.purchases(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), "voorbeeld.csv");
    }

    @Test
    void w1_and_w2_numbers_are_those_of_the_worked_example() {
        PurchaseImport upload = read();
        assertThat(upload.latest()).isEqualTo(LocalDate.of(2026, 10, 15));
        ExportNumbers numbers = ExportNumbers.calculate(upload.history(), upload.latest(), Period.KWARTAAL, 60);
        assertThat(numbers.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(numbers.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(numbers.s()).isEqualTo(4); // A, B, C, G
        assertThat(numbers.e()).isEqualTo(5); // A, D, E, G, J
        assertThat(numbers.n()).isEqualTo(3); // D, E, J
        assertThat(numbers.yearCustomers()).isEqualTo(10);
        assertThat(numbers.yearRevenue()).isEqualByComparingTo("975");
        assertThat(numbers.arpc()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("97.50"));
        // W1's own formula on these numbers: R = (E − N) / S = 50,0 %, L = S + N − E = 2 (B and C)
        var w1 = Retentiemeter.evaluate(
                        Map.of(
                                Retentiemeter.START, "4",
                                Retentiemeter.NEW, "3",
                                Retentiemeter.END, "5",
                                Retentiemeter.PERIOD, "kwartaal"),
                        Locale.forLanguageTag("nl-NL"))
                .result()
                .orElseThrow();
        assertThat(w1.retention()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(w1.lost()).isEqualTo(2);
    }

    @Test
    void w5_on_the_same_file_gives_the_groups_of_the_worked_example() {
        PurchaseImport upload = read();
        KlantgroepenResult groups = Klantgroepen.calculate(upload.customers(), upload.latest(), 60, 3);
        assertThat(groups.counts())
                .containsEntry(CustomerGroup.EENMALIG, 3L)
                .containsEntry(CustomerGroup.HERHAAL, 2L)
                .containsEntry(CustomerGroup.LOYAAL, 0L)
                .containsEntry(CustomerGroup.INACTIEF, 5L);
    }

    @Test
    void the_period_is_the_last_full_one_up_to_the_peildatum() {
        PurchaseImport upload = read();
        ExportNumbers month = ExportNumbers.calculate(upload.history(), LocalDate.of(2026, 10, 15), Period.MAAND, 60);
        assertThat(month.start()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(month.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        ExportNumbers onLastDay =
                ExportNumbers.calculate(upload.history(), LocalDate.of(2026, 9, 30), Period.KWARTAAL, 60);
        assertThat(onLastDay.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        ExportNumbers year = ExportNumbers.calculate(upload.history(), LocalDate.of(2026, 10, 15), Period.JAAR, 60);
        assertThat(year.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2025, 12, 31));
        // nobody bought in 2025: no one at the start, no one at the end
        assertThat(year.s()).isZero();
        assertThat(year.e()).isZero();
    }
}
