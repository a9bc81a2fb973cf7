package nl.retentiewerkboek.metrics;

import static nl.retentiewerkboek.metrics.WorkedExamplesTest.EN;
import static nl.retentiewerkboek.metrics.WorkedExamplesTest.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsEdgeCasesTest {

    private static Map<String, String> w1(long s, long n, long e, String period) {
        return Map.of("start", Long.toString(s), "new", Long.toString(n), "end", Long.toString(e), "period", period);
    }

    private static Workbook book(Locale locale, Map<Worksheet, Map<String, String>> sheets) {
        Map<Worksheet, Workbook.Answers> answers = new EnumMap<>(Worksheet.class);
        sheets.forEach((w, v) -> answers.put(w, new Workbook.Answers(v, locale)));
        return new Workbook(answers);
    }

    private static final Map<String, String> W2 = Map.of("arpc", "1200", "margin", "40", "cac", "350");

    @Test
    void keeping_everyone_makes_the_customer_lifetime_unlimited_and_hides_clv() {
        KostenResult r = book(NL, Map.of(Worksheet.RETENTIEMETER, w1(200, 30, 230, "kwartaal"), Worksheet.KOSTEN, W2))
                .kosten()
                .result()
                .orElseThrow();
        assertThat(r.lostPerYear()).isEqualByComparingTo("0");
        assertThat(r.lifetimeYears()).isEmpty();
        assertThat(r.clv()).isEmpty();
        assertThat(r.revenueGap()).isEqualByComparingTo("0");
    }

    @Test
    void losing_everyone_loses_every_customer_in_a_year() {
        KostenResult r = book(NL, Map.of(Worksheet.RETENTIEMETER, w1(200, 0, 0, "jaar"), Worksheet.KOSTEN, W2))
                .kosten()
                .result()
                .orElseThrow();
        assertThat(r.lostPerYear()).isEqualByComparingTo("200");
        assertThat(r.customersNothing()).isEqualByComparingTo("0");
        assertThat(LocaleNumbers.euros(r.clv().orElseThrow(), NL)).isEqualTo("€\u00a0480");
    }

    @Test
    void an_improvement_past_100_percent_is_capped_at_keeping_everyone() {
        Map<String, String> w2 = new HashMap<>(W2);
        w2.put("delta", "30");
        KostenResult r = book(NL, Map.of(Worksheet.RETENTIEMETER, w1(200, 30, 190, "kwartaal"), Worksheet.KOSTEN, w2))
                .kosten()
                .result()
                .orElseThrow();
        assertThat(r.improvedFraction()).isEqualByComparingTo("1");
        // keeping everyone and adding 30 a quarter for 12 quarters
        assertThat(r.customersImproved()).isEqualByComparingTo("560");
    }

    @Test
    void no_new_customers_leaves_out_what_cannot_be_computed_in_w3() {
        DraaideurResult r = book(
                        NL,
                        Map.of(
                                Worksheet.RETENTIEMETER,
                                w1(200, 0, 180, "maand"),
                                Worksheet.DRAAIDEUR,
                                Map.of("acquisition", "1000", "retention", "0")))
                .draaideur()
                .result()
                .orElseThrow();
        assertThat(r.gapFillers()).isZero();
        assertThat(r.gapFillerShare()).isEmpty();
        assertThat(r.acquisitionCost()).isEmpty();
        assertThat(r.refillSpend()).isEmpty();
        assertThat(r.budgetRatio()).isEmpty();
        assertThat(r.netGrowth()).isEqualTo(-20);
    }

    @Test
    void worksheets_that_build_on_w1_say_so_when_w1_is_missing() {
        Workbook empty = book(
                NL,
                Map.of(
                        Worksheet.KOSTEN,
                        W2,
                        Worksheet.DRAAIDEUR,
                        Map.of("acquisition", "1", "retention", "1"),
                        Worksheet.BEGROTING,
                        Map.of("budget", "6000")));
        assertThat(empty.kosten().problemOn(Kosten.W1)).contains(Problem.NEEDS_RETENTIEMETER);
        assertThat(empty.draaideur().problemOn(Draaideur.W1)).contains(Problem.NEEDS_RETENTIEMETER);
        assertThat(empty.begroting().problemOn(Begroting.W2)).contains(Problem.NEEDS_KOSTEN);
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource(
            value = {
                "arpc | -5 | NEGATIVE",
                "arpc | 1.000.000.000.001 | TOO_LARGE_MONEY",
                "arpc | 0,0001 | BELOW_CENT",
                "cac | 0,009 | BELOW_CENT",
                "arpc | twaalfhonderd | NOT_A_NUMBER",
                "margin | 140 | PERCENT_ABOVE_100",
                "margin | 40.5 | USE_DECIMAL_COMMA",
                "cac | '' | REQUIRED",
                "delta | 101 | PERCENT_ABOVE_100",
                "horizon | 0 | HORIZON_RANGE",
                "horizon | 11 | HORIZON_RANGE",
                "horizon | 2,5 | NOT_WHOLE"
            },
            delimiter = '|')
    void bad_w2_input_is_reported_on_its_field(String field, String value, Problem problem) {
        Map<String, String> w2 = new HashMap<>(Map.of("arpc", "1200", "margin", "40", "cac", "350"));
        w2.put(field, value);
        Evaluation<KostenResult> e = book(
                        NL, Map.of(Worksheet.RETENTIEMETER, w1(200, 30, 190, "kwartaal"), Worksheet.KOSTEN, w2))
                .kosten();
        assertThat(e.problemOn(field)).contains(problem);
    }

    @Test
    void a_budget_below_a_cent_is_refused_instead_of_giving_figures_of_dozens_of_digits() {
        Evaluation<BegrotingResult> e = book(
                        NL,
                        Map.of(
                                Worksheet.RETENTIEMETER,
                                w1(200, 30, 190, "kwartaal"),
                                Worksheet.KOSTEN,
                                W2,
                                Worksheet.BEGROTING,
                                Map.of("budget", "0,0001")))
                .begroting();
        assertThat(e.problemOn(Begroting.BUDGET)).contains(Problem.BELOW_CENT);
        Evaluation<BegrotingResult> cent = book(
                        NL,
                        Map.of(
                                Worksheet.RETENTIEMETER,
                                w1(200, 30, 190, "kwartaal"),
                                Worksheet.KOSTEN,
                                W2,
                                Worksheet.BEGROTING,
                                Map.of("budget", "0,01")))
                .begroting();
        assertThat(cent.isComplete()).isTrue();
    }

    @Test
    void a_zero_budget_has_no_return_on_investment() {
        Evaluation<BegrotingResult> e = book(
                        NL,
                        Map.of(
                                Worksheet.RETENTIEMETER,
                                w1(200, 30, 190, "kwartaal"),
                                Worksheet.KOSTEN,
                                W2,
                                Worksheet.BEGROTING,
                                Map.of("budget", "0")))
                .begroting();
        assertThat(e.problemOn(Begroting.BUDGET)).contains(Problem.BUDGET_ZERO);
    }

    @Test
    void english_input_gives_the_same_result_as_dutch() {
        KostenResult nl = book(
                        NL,
                        Map.of(
                                Worksheet.RETENTIEMETER,
                                w1(200, 30, 190, "kwartaal"),
                                Worksheet.KOSTEN,
                                Map.of("arpc", "1.200,50", "margin", "40,5", "cac", "350")))
                .kosten()
                .result()
                .orElseThrow();
        KostenResult en = book(
                        EN,
                        Map.of(
                                Worksheet.RETENTIEMETER,
                                w1(200, 30, 190, "kwartaal"),
                                Worksheet.KOSTEN,
                                Map.of("arpc", "1,200.50", "margin", "40.5", "cac", "350")))
                .kosten()
                .result()
                .orElseThrow();
        assertThat(nl.revenueLost()).isEqualByComparingTo(en.revenueLost());
        assertThat(nl.revenueGap()).isEqualByComparingTo(en.revenueGap());
    }

    @Test
    void the_largest_allowed_magnitudes_compute_without_overflow() {
        KostenResult r = book(
                        NL,
                        Map.of(
                                Worksheet.RETENTIEMETER,
                                w1(1_000_000_000, 500_000_000, 1_000_000_000, "maand"),
                                Worksheet.KOSTEN,
                                Map.of(
                                        "arpc",
                                        "1.000.000.000.000",
                                        "margin",
                                        "100",
                                        "cac",
                                        "1.000.000.000.000",
                                        "horizon",
                                        "10")))
                .kosten()
                .result()
                .orElseThrow();
        assertThat(r.nothing()).hasSize(121);
        assertThat(LocaleNumbers.euros(r.revenueLost(), NL)).startsWith("€\u00a0");
        assertThat(r.revenueGap().signum()).isPositive();
    }

    @Test
    void a_reason_row_without_a_reason_or_with_a_bad_count_is_reported() {
        Evaluation<RedenenResult> e =
                Redenen.evaluate(Map.of("row.0.count", "3", "row.1.reason", "prijs", "row.1.count", "x"), NL);
        assertThat(e.problemOn("row.0.reason")).contains(Problem.REQUIRED);
        assertThat(e.problemOn("row.1.count")).contains(Problem.NOT_A_NUMBER);
        assertThat(Redenen.evaluate(Map.of(), NL).problemOn(Redenen.ROWS)).contains(Problem.NO_REASONS);
    }

    @Test
    void team_scores_must_be_1_to_5_for_every_department() {
        Map<String, String> scores = new HashMap<>();
        for (Department d : Department.values()) {
            scores.put(Teamsport.field(d), "3");
        }
        scores.put(Teamsport.field(Department.CULTUUR), "6");
        scores.remove(Teamsport.field(Department.SALES));
        Evaluation<TeamsportResult> e = Teamsport.evaluate(scores, NL);
        assertThat(e.problemOn("score.cultuur")).contains(Problem.SCORE_RANGE);
        assertThat(e.problemOn("score.sales")).contains(Problem.REQUIRED);
    }

    /** One rule says which problems are mistakes to fix and which mean "fill in the earlier worksheet first". */
    @Test
    void a_worksheet_waiting_for_w1_or_w2_asks_for_that_one_not_for_a_fix() {
        Evaluation<?> waitsForW1 =
                Kosten.evaluate(Retentiemeter.evaluate(Map.of(), NL), Map.of("customers", "200"), NL);
        assertThat(waitsForW1.problems()).extracting(FieldProblem::problem).contains(Problem.NEEDS_RETENTIEMETER);
        assertThat(waitsForW1.hasErrors()).isFalse();
        assertThat(Problem.NEEDS_KOSTEN.needsEarlierWorksheet()).isTrue();
        assertThat(Problem.REQUIRED.isError()).isFalse();
        assertThat(Problem.NOT_A_NUMBER.isError()).isTrue();
        assertThat(Problem.NOT_A_NUMBER.needsEarlierWorksheet()).isFalse();
    }
}
