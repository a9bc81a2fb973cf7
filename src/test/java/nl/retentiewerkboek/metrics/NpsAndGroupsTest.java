package nl.retentiewerkboek.metrics;

import static nl.retentiewerkboek.metrics.WorkedExamplesTest.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NpsAndGroupsTest {

    @Test
    void w4_the_worked_example() {
        Map<String, String> answers = new HashMap<>();
        long[] counts = {2, 1, 3, 4, 5, 9, 11, 20, 25, 30, 40};
        for (int s = 0; s <= 10; s++) {
            answers.put(Nps.countField(s), Long.toString(counts[s]));
        }
        NpsResult r = Nps.evaluate(answers, NL).result().orElseThrow();
        assertThat(r.total()).isEqualTo(150);
        assertThat(r.promoters()).isEqualTo(70);
        assertThat(r.passives()).isEqualTo(45);
        assertThat(r.detractors()).isEqualTo(35);
        assertThat(r.npsShown()).isEqualTo(23);
        assertThat(r.doubters()).isEqualTo(25);
        assertThat(LocaleNumbers.percent(r.doubterShare(), NL)).isEqualTo("16,7\u00a0%");
        assertThat(LocaleNumbers.whole(r.npsIfAllMoved(), NL)).isEqualTo("40");
        assertThat(LocaleNumbers.whole(r.npsIfHalfMoved(), NL)).isEqualTo("32");
    }

    @Test
    void w4_without_answers_or_with_a_bad_count_gives_no_nps() {
        Map<String, String> zeros = new HashMap<>();
        for (int s = 0; s <= 10; s++) {
            zeros.put(Nps.countField(s), "0");
        }
        assertThat(Nps.evaluate(zeros, NL).problemOn(Nps.TOTAL)).contains(Problem.NO_ANSWERS);
        assertThat(Nps.evaluate(Map.of(), NL).problemOn(Nps.TOTAL)).contains(Problem.REQUIRED);
        assertThat(Nps.evaluate(Map.of("count.5", "2,5"), NL).problemOn("count.5"))
                .contains(Problem.NOT_WHOLE);
    }

    @Test
    void w4_nps_ranges_from_minus_100_to_100() {
        assertThat(Nps.calculate(List.of(5L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L))
                        .npsShown())
                .isEqualTo(-100);
        assertThat(Nps.calculate(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 3L))
                        .npsShown())
                .isEqualTo(100);
    }

    @Test
    void w5_typed_counts_give_shares_and_the_repeat_rate() {
        KlantgroepenResult r = Klantgroepen.evaluateCounts(
                        Map.of(
                                "count.eenmalig",
                                "120",
                                "count.herhaal",
                                "60",
                                "count.loyaal",
                                "45",
                                "count.inactief",
                                "75"),
                        NL)
                .result()
                .orElseThrow();
        assertThat(r.total()).isEqualTo(300);
        assertThat(LocaleNumbers.percent(r.share(CustomerGroup.EENMALIG), NL)).isEqualTo("40,0\u00a0%");
        assertThat(LocaleNumbers.percent(r.share(CustomerGroup.INACTIEF), NL)).isEqualTo("25,0\u00a0%");
        assertThat(LocaleNumbers.percent(r.repeatRate(), NL)).isEqualTo("35,0\u00a0%");
    }

    private static CustomerStats customer(String id, long n, String first, String last, long cents, long mask) {
        return new CustomerStats(id, n, LocalDate.parse(first), LocalDate.parse(last), cents, mask);
    }

    /** One definition of "W5 is complete" (progress, dashboard, the W5 screen), and it agrees with the full evaluation. */
    @Test
    void w5_is_complete_by_one_rule_that_never_disagrees_with_its_evaluation() {
        Map<String, String> typed =
                Map.of("count.eenmalig", "120", "count.herhaal", "60", "count.loyaal", "45", "count.inactief", "75");
        Map<String, String> typedButUpload = new HashMap<>(typed);
        typedButUpload.put(Workbook.SOURCE, Workbook.SOURCE_UPLOAD);
        List<CustomerStats> two = List.of(
                customer("a", 2, "2025-05-01", "2025-06-01", 3000, 0b11),
                customer("b", 1, "2025-06-20", "2025-06-20", 1000, 1));
        PurchaseData uploaded = new PurchaseData(2, LocalDate.parse("2025-06-30"), () -> two);
        PurchaseData empty = new PurchaseData(0, LocalDate.parse("2025-06-30"), List::of);

        record Case(
                String what,
                Map<String, String> values,
                Optional<PurchaseData> data,
                boolean complete,
                boolean waits) {}
        List<Case> cases = List.of(
                new Case("typed counts", typed, Optional.empty(), true, false),
                new Case(
                        "upload chosen, none uploaded (typed counts do not count)",
                        typedButUpload,
                        Optional.empty(),
                        false,
                        true),
                new Case(
                        "upload chosen and uploaded",
                        Map.of(Workbook.SOURCE, Workbook.SOURCE_UPLOAD),
                        Optional.of(uploaded),
                        true,
                        false),
                new Case(
                        "upload with a bad parameter",
                        Map.of(Workbook.SOURCE, Workbook.SOURCE_UPLOAD, "inactive-days", "20"),
                        Optional.of(uploaded),
                        false,
                        false),
                new Case(
                        "upload without customers",
                        Map.of(Workbook.SOURCE, Workbook.SOURCE_UPLOAD),
                        Optional.of(empty),
                        false,
                        false),
                new Case("typed counts beside an upload", typed, Optional.of(uploaded), true, false));
        for (Case c : cases) {
            Workbook book = new Workbook(Map.of(), c.data()).with(Worksheet.KLANTGROEPEN, c.values(), NL);
            assertThat(book.klantgroepenComplete()).as(c.what()).isEqualTo(c.complete());
            assertThat(book.klantgroepenWaitsForUpload()).as(c.what()).isEqualTo(c.waits());
            if (!c.waits()) {
                assertThat(book.klantgroepen().isComplete())
                        .as(c.what() + ": the evaluation agrees")
                        .isEqualTo(c.complete());
            }
        }
    }

    @Test
    void w5_groups_follow_the_order_of_precedence() {
        LocalDate peil = LocalDate.parse("2025-06-30");
        List<CustomerStats> customers = List.of(
                customer("a", 5, "2025-01-10", "2025-03-01", 10000, 0b111), // 121 days: inactive beats loyal
                customer("b", 1, "2025-06-01", "2025-06-01", 2000, 1), // once, 29 days: one-time buyer
                customer("c", 3, "2025-02-01", "2025-05-20", 9000, 0b1001), // 3 purchases, 41 days: loyal and at risk
                customer("d", 2, "2025-04-01", "2025-06-30", 4000, 0b101), // 2 purchases: repeat buyer
                customer("e", 1, "2025-04-30", "2025-04-30", 500, 1)); // exactly 61 days: inactive
        KlantgroepenResult r = Klantgroepen.calculate(customers, peil, 60, 3);
        assertThat(r.counts())
                .containsEntry(CustomerGroup.INACTIEF, 2L)
                .containsEntry(CustomerGroup.EENMALIG, 1L)
                .containsEntry(CustomerGroup.LOYAAL, 1L)
                .containsEntry(CustomerGroup.HERHAAL, 1L);
        assertThat(r.repeatBuyers()).isEqualTo(3);
        assertThat(LocaleNumbers.percent(r.repeatRate(), NL)).isEqualTo("60,0\u00a0%");
        assertThat(r.revenue(CustomerGroup.INACTIEF))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("105.00"));
        assertThat(r.atRisk()).extracting(KlantgroepenResult.Listed::id).containsExactly("c");
        assertThat(r.reactivation()).extracting(KlantgroepenResult.Listed::id).containsExactly("e", "a");
        assertThat(r.reactivation().getFirst().daysSinceLast()).isEqualTo(61);
        // cohort January 2025: customer a, bought in months 0, 1 and 2
        KlantgroepenResult.StartMonthRow january = r.startMonths().getFirst();
        assertThat(january.month()).hasToString("2025-01");
        assertThat(january.shares().get(0))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(january.shares().get(3))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
        assertThat(january.shares().get(6)).isEmpty(); // July 2025 is after the peildatum
    }

    @Test
    void w5_lists_run_by_days_and_keep_the_export_s_order_on_equal_days() {
        LocalDate peil = LocalDate.parse("2025-06-30");
        List<CustomerStats> customers = List.of(
                customer("zeta", 2, "2025-01-01", "2025-05-31", 100, 1), // 30 days
                customer("alfa", 2, "2025-01-01", "2025-05-01", 100, 1), // 60 days
                customer("mid", 2, "2025-01-01", "2025-05-31", 100, 1), // 30 days
                customer("beta", 2, "2025-01-01", "2025-05-01", 100, 1), // 60 days
                customer("old", 2, "2024-01-01", "2024-06-30", 100, 1), // 365 days
                customer("late", 2, "2025-01-01", "2025-04-30", 100, 1), // 61 days
                customer("also", 2, "2025-01-01", "2025-04-30", 100, 1)); // 61 days
        KlantgroepenResult r = Klantgroepen.calculate(customers, peil, 60, 3);
        assertThat(r.atRisk()).extracting(KlantgroepenResult.Listed::id).containsExactly("alfa", "beta", "zeta", "mid");
        assertThat(r.reactivation()).extracting(KlantgroepenResult.Listed::id).containsExactly("late", "also", "old");
    }

    @Test
    void w5_parameters_are_checked() {
        LocalDate latest = LocalDate.parse("2025-06-30");
        List<CustomerStats> one = List.of(customer("a", 1, "2025-06-01", "2025-06-01", 0, 1));
        assertThat(Klantgroepen.evaluateCustomers(one, latest, Map.of("peildatum", "2025-05-01"), NL)
                        .problemOn("peildatum"))
                .contains(Problem.PEILDATUM_BEFORE_DATA);
        assertThat(Klantgroepen.evaluateCustomers(one, latest, Map.of("peildatum", "31-02-2025"), NL)
                        .problemOn("peildatum"))
                .contains(Problem.DATE_INVALID);
        assertThat(Klantgroepen.evaluateCustomers(one, latest, Map.of("inactive-days", "20"), NL)
                        .problemOn("inactive-days"))
                .contains(Problem.DAYS_RANGE);
        assertThat(Klantgroepen.evaluateCustomers(one, latest, Map.of("loyal-from", "2"), NL)
                        .problemOn("loyal-from"))
                .contains(Problem.LOYAL_RANGE);
        assertThat(Klantgroepen.evaluateCustomers(
                                one, latest, Map.of("peildatum", "15-07-2025", "inactive-days", "40"), NL)
                        .result()
                        .orElseThrow()
                        .counts())
                .containsEntry(CustomerGroup.INACTIEF, 1L);
    }

    @Test
    void dates_are_read_in_iso_and_dutch_forms() {
        assertThat(Dates.parse("2025-03-31")).contains(LocalDate.of(2025, 3, 31));
        assertThat(Dates.parse("31-03-2025")).contains(LocalDate.of(2025, 3, 31));
        assertThat(Dates.parse("1-3-2025")).contains(LocalDate.of(2025, 3, 1));
        assertThat(Dates.parse("31/03/2025")).contains(LocalDate.of(2025, 3, 31));
        assertThat(Dates.parse("2025-03-31 14:02:00")).contains(LocalDate.of(2025, 3, 31));
        assertThat(Dates.parse("2025-03-31T14:02")).contains(LocalDate.of(2025, 3, 31));
        assertThat(Dates.parse("31-02-2025")).isEmpty();
        assertThat(Dates.parse("2025/03-31")).isEmpty();
        assertThat(Dates.parse("maart")).isEmpty();
        assertThat(Dates.parse("")).isEmpty();
        assertThat(Dates.parse("03-31-25")).isEmpty();
    }
}
