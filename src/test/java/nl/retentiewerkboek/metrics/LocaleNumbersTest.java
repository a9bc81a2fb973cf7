package nl.retentiewerkboek.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleNumbersTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final Locale EN = Locale.forLanguageTag("en-GB");

    @ParameterizedTest(name = "Dutch \"{0}\" is {1}")
    @CsvSource(
            value = {
                "1.234,56 | 1234.56",
                "1234,56 | 1234.56",
                "12,5 | 12.5",
                "1.234 | 1234",
                "1.234.567 | 1234567",
                "€ 1.200 | 1200",
                "12,5\u00a0% | 12.5",
                " 200 | 200",
                "0 | 0",
                "-0 | 0"
            },
            delimiter = '|')
    void dutch_input_is_read_with_a_decimal_comma(String text, BigDecimal expected) {
        LocaleNumbers.Parsed parsed = LocaleNumbers.parseDecimal(text, NL);
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "English \"{0}\" is {1}")
    @CsvSource(
            value = {
                "1,234.56 | 1234.56",
                "1234.56 | 1234.56",
                "12.5 | 12.5",
                "1,234 | 1234",
                "€1,200 | 1200",
                "12.5% | 12.5"
            },
            delimiter = '|')
    void english_input_is_read_with_a_decimal_point(String text, BigDecimal expected) {
        LocaleNumbers.Parsed parsed = LocaleNumbers.parseDecimal(text, EN);
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" in {1}: {2}")
    @CsvSource(
            value = {
                "12.5 | nl | USE_DECIMAL_COMMA",
                "12,5 | en | USE_DECIMAL_POINT",
                "1.23.4 | nl | NOT_A_NUMBER",
                "12,5,6 | nl | NOT_A_NUMBER",
                "twaalf | nl | NOT_A_NUMBER",
                "1e5 | en | NOT_A_NUMBER",
                "NaN | en | NOT_A_NUMBER",
                "Infinity | en | NOT_A_NUMBER",
                "- | nl | NOT_A_NUMBER",
                "-5 | nl | NEGATIVE",
                "'' | nl | REQUIRED",
                "'   ' | en | REQUIRED"
            },
            delimiter = '|')
    void bad_input_gets_a_reason(String text, String language, Problem problem) {
        assertThat(LocaleNumbers.parseDecimal(text, Locale.of(language)).problem())
                .isEqualTo(problem);
    }

    @ParameterizedTest(name = "count \"{0}\": {1}")
    @CsvSource(
            value = {
                "200,0 | ''",
                "200,5 | NOT_WHOLE",
                "1.000.000.000 | ''",
                "1.000.000.001 | TOO_LARGE",
                "12.5 | NOT_WHOLE"
            },
            delimiter = '|')
    void counts_are_whole_and_bounded(String text, String problem) {
        LocaleNumbers.Parsed parsed = LocaleNumbers.parseCount(text, NL);
        if (problem.isEmpty()) {
            assertThat(parsed.ok()).isTrue();
        } else {
            assertThat(parsed.problem()).isEqualTo(Problem.valueOf(problem));
        }
    }

    @ParameterizedTest(name = "{0} shows as {1} and {2}")
    @CsvSource(
            value = {
                "80 | 80,0\u00a0% | 80.0%",
                "40.96 | 41,0\u00a0% | 41.0%",
                "16.66666 | 16,7\u00a0% | 16.7%",
                "0.05 | 0,1\u00a0% | 0.1%",
                "0.04999 | 0,0\u00a0% | 0.0%",
                "1234.5 | 1.234,5\u00a0% | 1,234.5%"
            },
            delimiter = '|')
    void percentages_show_one_decimal_rounded_half_up(BigDecimal value, String dutch, String english) {
        assertThat(LocaleNumbers.percent(value, NL)).isEqualTo(dutch);
        assertThat(LocaleNumbers.percent(value, EN)).isEqualTo(english);
    }

    @ParameterizedTest(name = "{0} shows as {1} and {2} in whole percents")
    @CsvSource(
            value = {"12.5 | 13\u00a0% | 13%", "0.4 | 0\u00a0% | 0%", "100 | 100\u00a0% | 100%"},
            delimiter = '|')
    void whole_percentages_round_half_up(BigDecimal value, String dutch, String english) {
        assertThat(LocaleNumbers.wholePercent(value, NL)).isEqualTo(dutch);
        assertThat(LocaleNumbers.wholePercent(value, EN)).isEqualTo(english);
    }

    @ParameterizedTest(name = "{0} shows as {1} and {2}")
    @CsvSource(
            value = {
                "124123 | €\u00a0124.123 | €124,123",
                "124122.5 | €\u00a0124.123 | €124,123",
                "56678.4 | €\u00a056.678 | €56,678",
                "0 | €\u00a00 | €0",
                "-10500 | −€\u00a010.500 | −€10,500"
            },
            delimiter = '|')
    void money_shows_whole_euros_in_summaries(BigDecimal value, String dutch, String english) {
        assertThat(LocaleNumbers.euros(value, NL)).isEqualTo(dutch);
        assertThat(LocaleNumbers.euros(value, EN)).isEqualTo(english);
    }

    @ParameterizedTest(name = "{0} shows as {1} and {2}")
    @CsvSource(
            value = {"1234.565 | €\u00a01.234,57 | €1,234.57", "0.5 | €\u00a00,50 | €0.50"},
            delimiter = '|')
    void money_shows_cents_in_tables(BigDecimal value, String dutch, String english) {
        assertThat(LocaleNumbers.eurosAndCents(value, NL)).isEqualTo(dutch);
        assertThat(LocaleNumbers.eurosAndCents(value, EN)).isEqualTo(english);
    }

    @ParameterizedTest(name = "{0} typed back as {1} / {2}")
    @CsvSource(
            value = {"1234.5 | 1234,5 | 1234.5", "200 | 200 | 200", "2E+2 | 200 | 200"},
            delimiter = '|')
    void values_move_between_languages_in_the_form(BigDecimal value, String dutch, String english) {
        assertThat(LocaleNumbers.forInput(value, NL)).isEqualTo(dutch);
        assertThat(LocaleNumbers.forInput(value, EN)).isEqualTo(english);
    }

    @Test
    void chart_formats_write_numbers_as_the_page_does() {
        assertThat(LocaleNumbers.wholePercentFormat(NL).format(42.5)).isEqualTo("43\u00a0%");
        assertThat(LocaleNumbers.wholePercentFormat(EN).format(42.5)).isEqualTo("43%");
        assertThat(LocaleNumbers.wholePercentFormat(NL).format(1234)).isEqualTo("1.234\u00a0%");
        assertThat(LocaleNumbers.oneDecimalFormat(NL).format(3.25)).isEqualTo("3,3");
        assertThat(LocaleNumbers.oneDecimalFormat(EN).format(3)).isEqualTo("3.0");
    }
}
