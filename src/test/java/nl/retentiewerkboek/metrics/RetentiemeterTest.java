package nl.retentiewerkboek.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentiemeterTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final Locale EN = Locale.forLanguageTag("en-GB");

    private static Map<String, String> answers(String start, String newCustomers, String end, String period) {
        Map<String, String> map = new HashMap<>();
        map.put(Retentiemeter.START, start);
        map.put(Retentiemeter.NEW, newCustomers);
        map.put(Retentiemeter.END, end);
        map.put(Retentiemeter.PERIOD, period);
        return map;
    }

    @Test
    void the_worked_example_gives_80_percent_retention_and_41_percent_per_year() {
        RetentiemeterResult r = Retentiemeter.evaluate(answers("200", "30", "190", "kwartaal"), NL)
                .result()
                .orElseThrow();

        assertThat(r.lost()).isEqualTo(40);
        assertThat(r.retention()).isEqualByComparingTo("80");
        assertThat(r.churn()).isEqualByComparingTo("20");
        assertThat(r.annual()).isEqualByComparingTo("40.96");
        assertThat(r.band()).isEqualTo(RetentionBand.STERK);
        assertThat(LocaleNumbers.percent(r.retention(), NL)).isEqualTo("80,0\u00a0%");
        assertThat(LocaleNumbers.percent(r.churn(), NL)).isEqualTo("20,0\u00a0%");
        assertThat(LocaleNumbers.percent(r.annual(), NL)).isEqualTo("41,0\u00a0%");
        assertThat(LocaleNumbers.percent(r.retention(), EN)).isEqualTo("80.0%");
    }

    @Test
    void retention_and_churn_always_add_up_to_100() {
        RetentiemeterResult r =
                Retentiemeter.calculate(3, 0, 2, Period.MAAND).result().orElseThrow();
        assertThat(r.retention().add(r.churn())).isEqualByComparingTo("100");
        assertThat(LocaleNumbers.percent(r.retention(), NL)).isEqualTo("66,7\u00a0%");
        assertThat(LocaleNumbers.percent(r.churn(), NL)).isEqualTo("33,3\u00a0%");
    }

    @ParameterizedTest(name = "{0} per year: {1}")
    @CsvSource({"maand, 0.8^12 = 6.87194767360\u00a0%, 6.871947673600", "kwartaal, 0.8^4, 40.96", "jaar, 0.8^1, 80"})
    void the_yearly_pace_depends_on_the_period(String period, String description, String expected) {
        RetentiemeterResult r = Retentiemeter.evaluate(answers("200", "30", "190", period), NL)
                .result()
                .orElseThrow();
        assertThat(r.annual()).as(description).isEqualByComparingTo(expected);
    }

    @Test
    void without_a_period_the_quarter_is_assumed() {
        Map<String, String> values = answers("200", "30", "190", null);
        assertThat(Retentiemeter.evaluate(values, NL).result().orElseThrow().period())
                .isEqualTo(Period.KWARTAAL);
    }

    @Test
    void zero_customers_at_the_start_cannot_be_measured() {
        Evaluation<RetentiemeterResult> e = Retentiemeter.evaluate(answers("0", "0", "0", "kwartaal"), NL);
        assertThat(e.isComplete()).isFalse();
        assertThat(e.problemOn(Retentiemeter.START)).contains(Problem.START_ZERO);
    }

    @Test
    void more_new_customers_than_customers_at_the_end_is_refused() {
        Evaluation<RetentiemeterResult> e = Retentiemeter.evaluate(answers("200", "50", "40", "kwartaal"), NL);
        assertThat(e.problemOn(Retentiemeter.END)).contains(Problem.MORE_NEW_THAN_END);
    }

    @Test
    void keeping_more_customers_than_you_had_is_refused() {
        Evaluation<RetentiemeterResult> e = Retentiemeter.evaluate(answers("200", "30", "231", "kwartaal"), NL);
        assertThat(e.problemOn(Retentiemeter.END)).contains(Problem.MORE_RETAINED_THAN_START);
    }

    @Test
    void keeping_every_customer_is_100_percent_and_very_loyal() {
        RetentiemeterResult r = Retentiemeter.evaluate(answers("200", "30", "230", "maand"), NL)
                .result()
                .orElseThrow();
        assertThat(LocaleNumbers.percent(r.retention(), NL)).isEqualTo("100,0\u00a0%");
        assertThat(LocaleNumbers.percent(r.annual(), NL)).isEqualTo("100,0\u00a0%");
        assertThat(r.lost()).isZero();
        assertThat(r.band()).isEqualTo(RetentionBand.ZEER_LOYAAL);
    }

    @Test
    void losing_every_customer_is_0_percent() {
        RetentiemeterResult r = Retentiemeter.evaluate(answers("200", "0", "0", "jaar"), NL)
                .result()
                .orElseThrow();
        assertThat(r.retention()).isEqualByComparingTo("0");
        assertThat(r.churn()).isEqualByComparingTo("100");
        assertThat(r.band()).isEqualTo(RetentionBand.INGRIJPEN);
    }

    @ParameterizedTest(name = "S={0}, E={1}: {2}")
    @CsvSource({
        "2000, 1599, STERK", // 79,95\u00a0% is shown as 80,0\u00a0%, so the band is Stevige basis
        "20000, 15989, RUIMTE", // 79,945\u00a0% is shown as 79,9\u00a0%
        "1000, 950, ZEER_LOYAAL",
        "1000, 949, STERK",
        "1000, 600, RUIMTE",
        "1000, 599, INGRIJPEN"
    })
    void the_band_is_decided_on_the_retention_as_shown(long start, long end, RetentionBand band) {
        RetentiemeterResult r =
                Retentiemeter.calculate(start, 0, end, Period.KWARTAAL).result().orElseThrow();
        assertThat(r.band()).isEqualTo(band);
        BigDecimal shown = LocaleNumbers.roundPercent(r.retention());
        assertThat(shown.compareTo(band.lowerBound())).isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest(name = "{0}: S=1000, E={1} -> {2} per quarter, {3}")
    @CsvSource({
        // R_q = (R/100)^(p/4) x 100, by hand: a month is cubed, a year's fourth root is taken
        "maand, 983, 95.0, ZEER_LOYAAL", // 0,983^3 = 0,949862087 -> 95,0 %
        "maand, 982, 94.7, STERK", // 0,982^3 = 0,946966168 -> 94,7 %
        "maand, 950, 85.7, STERK", // the contract's example: 0,95^3 = 0,857375 -> 85,7 %, not very loyal
        "maand, 929, 80.2, STERK", // 0,929^3 = 0,801765089 -> 80,2 %
        "maand, 928, 79.9, RUIMTE", // 0,928^3 = 0,799178752 -> 79,9 %
        "maand, 844, 60.1, RUIMTE", // 0,844^3 = 0,601211584 -> 60,1 %
        "maand, 843, 59.9, INGRIJPEN", // 0,843^3 = 0,599077107 -> 59,9 %
        "kwartaal, 950, 95.0, ZEER_LOYAAL", // a quarter is its own figure
        "kwartaal, 949, 94.9, STERK",
        "kwartaal, 800, 80.0, STERK",
        "kwartaal, 799, 79.9, RUIMTE",
        "kwartaal, 600, 60.0, RUIMTE",
        "kwartaal, 599, 59.9, INGRIJPEN",
        "jaar, 813, 95.0, ZEER_LOYAAL", // 0,9495^4 = 0,812793 < 0,813: fourth root 0,949560 -> 95,0 %
        "jaar, 812, 94.9, STERK", // 0,949268^4 = 0,812 -> 94,9 %
        "jaar, 409, 80.0, STERK", // 0,7995^4 = 0,408578 < 0,409: fourth root 0,799707 -> 80,0 %
        "jaar, 408, 79.9, RUIMTE", // fourth root 0,799218 -> 79,9 %
        "jaar, 130, 60.0, RUIMTE", // 0,5995^4 = 0,129168 < 0,130: fourth root 0,600462 -> 60,0 %
        "jaar, 129, 59.9, INGRIJPEN" // fourth root 0,599304 -> 59,9 %
    })
    void the_band_is_decided_on_the_retention_per_quarter(
            String period, long end, String quarterly, RetentionBand band) {
        RetentiemeterResult r = Retentiemeter.calculate(
                        1000, 0, end, Period.fromKey(period).orElseThrow())
                .result()
                .orElseThrow();
        assertThat(LocaleNumbers.roundPercent(r.quarterly())).isEqualByComparingTo(quarterly);
        assertThat(r.band()).isEqualTo(band);
    }

    @Test
    void a_monthly_95_percent_is_a_solid_base_not_very_faithful() {
        // worksheets.md, W1's month example: S=1000, N=0, E=950 -> R 95,0 %, R_q 85,7 %, R_y 54,0 %
        RetentiemeterResult r = Retentiemeter.evaluate(answers("1000", "0", "950", "maand"), NL)
                .result()
                .orElseThrow();
        assertThat(LocaleNumbers.percent(r.retention(), NL)).isEqualTo("95,0\u00a0%");
        assertThat(LocaleNumbers.percent(r.quarterly(), NL)).isEqualTo("85,7\u00a0%");
        assertThat(LocaleNumbers.percent(r.annual(), NL)).isEqualTo("54,0\u00a0%");
        assertThat(r.band()).isEqualTo(RetentionBand.STERK);
    }

    @ParameterizedTest(name = "\"{0}\" in Dutch: {1}")
    @CsvSource(
            value = {
                "'' | REQUIRED",
                "abc | NOT_A_NUMBER",
                "12.5 | NOT_WHOLE",
                "12,5 | NOT_WHOLE",
                "-3 | NEGATIVE",
                "1.000.000.001 | TOO_LARGE"
            },
            delimiter = '|')
    void a_bad_count_is_reported_on_its_field(String start, Problem problem) {
        Evaluation<RetentiemeterResult> e = Retentiemeter.evaluate(answers(start, "30", "190", "kwartaal"), NL);
        assertThat(e.isComplete()).isFalse();
        assertThat(e.problemOn(Retentiemeter.START)).contains(problem);
    }

    @Test
    void an_unknown_period_is_reported() {
        Evaluation<RetentiemeterResult> e = Retentiemeter.evaluate(answers("200", "30", "190", "week"), NL);
        assertThat(e.problemOn(Retentiemeter.PERIOD)).contains(Problem.UNKNOWN_PERIOD);
    }

    @Test
    void dutch_and_english_grouping_read_the_same_numbers() {
        RetentiemeterResult nl = Retentiemeter.evaluate(answers("1.200", "300", "1.140", "jaar"), NL)
                .result()
                .orElseThrow();
        RetentiemeterResult en = Retentiemeter.evaluate(answers("1,200", "300", "1,140", "jaar"), EN)
                .result()
                .orElseThrow();
        assertThat(nl).isEqualTo(en);
        assertThat(LocaleNumbers.percent(nl.retention(), NL)).isEqualTo("70,0\u00a0%");
    }

    @Test
    void the_largest_allowed_counts_still_compute_exactly() {
        RetentiemeterResult r = Retentiemeter.calculate(1_000_000_000L, 1_000_000_000L, 1_999_999_999L, Period.MAAND)
                .result()
                .orElseThrow();
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.retention()).isEqualByComparingTo("99.9999999");
        assertThat(LocaleNumbers.percent(r.retention(), NL)).isEqualTo("100,0\u00a0%");
    }
}
