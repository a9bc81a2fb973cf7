package nl.retentiewerkboek.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every worked example of worksheets.md W2, W3, W6–W9, to the cent, as the screen shows it. */
class WorkedExamplesTest {

    static final Locale NL = Locale.forLanguageTag("nl-NL");
    static final Locale EN = Locale.forLanguageTag("en-GB");
    static final Map<String, String> W1 = Map.of("start", "200", "new", "30", "end", "190", "period", "kwartaal");
    static final Map<String, String> W2 =
            Map.of("arpc", "1.200", "margin", "40", "cac", "350", "delta", "5", "horizon", "3");

    static Workbook workbook(Map<Worksheet, Map<String, String>> sheets) {
        Map<Worksheet, Workbook.Answers> answers = new EnumMap<>(Worksheet.class);
        sheets.forEach((w, v) -> answers.put(w, new Workbook.Answers(v, NL)));
        return new Workbook(answers);
    }

    @Test
    void w2_the_cost_of_losing_customers_and_of_doing_nothing() {
        KostenResult r = workbook(Map.of(Worksheet.RETENTIEMETER, W1, Worksheet.KOSTEN, W2))
                .kosten()
                .result()
                .orElseThrow();

        assertThat(r.annualChurn()).isEqualByComparingTo("0.5904");
        assertThat(r.lostPerYear()).isEqualByComparingTo("118.08");
        assertThat(LocaleNumbers.whole(r.lostPerYear(), NL)).isEqualTo("118");
        assertThat(r.revenueLost()).isEqualByComparingTo("141696");
        assertThat(LocaleNumbers.euros(r.revenueLost(), NL)).isEqualTo("€\u00a0141.696");
        assertThat(r.marginLost()).isEqualByComparingTo("56678.4");
        assertThat(LocaleNumbers.euros(r.marginLost(), NL)).isEqualTo("€\u00a056.678");
        assertThat(LocaleNumbers.eurosAndCents(r.marginLost(), NL)).isEqualTo("€\u00a056.678,40");
        assertThat(r.replacementCost()).isEqualByComparingTo("41328");
        assertThat(LocaleNumbers.euros(r.replacementCost(), NL)).isEqualTo("€\u00a041.328");
        assertThat(LocaleNumbers.euros(r.clv().orElseThrow(), NL)).isEqualTo("€\u00a0813");
        assertThat(LocaleNumbers.eurosAndCents(r.clv().orElseThrow(), NL)).isEqualTo("€\u00a0813,01");
        assertThat(LocaleNumbers.decimal(r.lifetimeYears().orElseThrow(), 1, NL))
                .isEqualTo("1,7");
        assertThat(r.nothing()).hasSize(13);
        assertThat(LocaleNumbers.whole(r.customersNothing(), NL)).isEqualTo("153");
        assertThat(LocaleNumbers.whole(r.customersImproved(), NL)).isEqualTo("200");
        assertThat(LocaleNumbers.euros(r.revenueGap(), NL)).isEqualTo("€\u00a0124.123");
        assertThat(LocaleNumbers.euros(r.revenueGap(), EN)).isEqualTo("€124,123");
    }

    @Test
    void w3_the_revolving_door() {
        DraaideurResult r = workbook(Map.of(
                        Worksheet.RETENTIEMETER,
                        W1,
                        Worksheet.DRAAIDEUR,
                        Map.of("acquisition", "10.500", "retention", "1.500")))
                .draaideur()
                .result()
                .orElseThrow();

        assertThat(r.netGrowth()).isEqualTo(-10);
        assertThat(LocaleNumbers.signedWhole(BigDecimal.valueOf(r.netGrowth()), NL))
                .isEqualTo("−10");
        assertThat(LocaleNumbers.percent(r.growthPercent(), NL)).isEqualTo("−5,0\u00a0%");
        assertThat(r.gapFillers()).isEqualTo(30);
        assertThat(LocaleNumbers.percent(r.gapFillerShare().orElseThrow(), NL)).isEqualTo("100,0\u00a0%");
        assertThat(LocaleNumbers.euros(r.acquisitionCost().orElseThrow(), NL)).isEqualTo("€\u00a0350");
        assertThat(LocaleNumbers.euros(r.refillSpend().orElseThrow(), NL)).isEqualTo("€\u00a010.500");
        assertThat(LocaleNumbers.ratio(r.budgetRatio().orElseThrow(), NL)).isEqualTo("7 : 1");
        assertThat(r.neededToStayLevel()).isEqualTo(40);
    }

    @Test
    void w9_retention_in_the_budget() {
        BegrotingResult r = workbook(Map.of(
                        Worksheet.RETENTIEMETER,
                        W1,
                        Worksheet.KOSTEN,
                        W2,
                        Worksheet.BEGROTING,
                        Map.of("budget", "6.000", "delta", "5")))
                .begroting()
                .result()
                .orElseThrow();

        assertThat(r.improvedAnnual()).isEqualByComparingTo("52.200625");
        assertThat(LocaleNumbers.percent(r.improvedAnnual(), NL)).isEqualTo("52,2\u00a0%");
        assertThat(r.savedPerYear()).isEqualByComparingTo("22.48125");
        assertThat(LocaleNumbers.decimal(r.savedPerYear(), 1, NL)).isEqualTo("22,5");
        assertThat(r.marginSaved()).isEqualByComparingTo("10791");
        assertThat(LocaleNumbers.euros(r.marginSaved(), NL)).isEqualTo("€\u00a010.791");
        assertThat(LocaleNumbers.percent(r.roi(), NL)).isEqualTo("79,9\u00a0%");
        assertThat(LocaleNumbers.decimal(r.paybackMonths().orElseThrow(), 1, NL))
                .isEqualTo("6,7");
    }

    @Test
    void w6_why_customers_leave() {
        Map<String, String> rows = Map.of(
                "row.0.reason",
                "service",
                "row.0.count",
                "6",
                "row.1.reason",
                "facturatie",
                "row.1.count",
                "2",
                "row.2.reason",
                "prijs",
                "row.2.count",
                "4",
                "row.3.reason",
                "aanbod",
                "row.3.count",
                "3",
                "row.4.reason",
                "verhuisd",
                "row.4.count",
                "1");
        RedenenResult r = Redenen.evaluate(rows, NL).result().orElseThrow();

        assertThat(r.total()).isEqualTo(16);
        assertThat(LocaleNumbers.percent(r.share(LeaveReason.Category.FRUSTRATIE), NL))
                .isEqualTo("50,0\u00a0%");
        assertThat(LocaleNumbers.percent(r.share(LeaveReason.Category.CONCURRENT), NL))
                .isEqualTo("43,8\u00a0%");
        assertThat(LocaleNumbers.percent(r.share(LeaveReason.Category.OVERIG), NL))
                .isEqualTo("6,3\u00a0%");
        assertThat(r.top())
                .extracting(RedenenResult.ReasonCount::reason)
                .containsExactly(LeaveReason.SERVICE, LeaveReason.PRIJS, LeaveReason.AANBOD);
        assertThat(LeaveReason.SERVICE.owner()).contains(Department.KLANTENSERVICE);
        assertThat(LeaveReason.VERHUISD.owner()).isEmpty();
    }

    @Test
    void w7_retention_is_a_team_sport() {
        Map<String, String> scores = Map.of(
                "score.sales",
                "4",
                "score.kanalen",
                "3",
                "score.marketing",
                "2",
                "score.klantenservice",
                "4",
                "score.online",
                "3",
                "score.operations",
                "4",
                "score.finance",
                "2",
                "score.cultuur",
                "3");
        TeamsportResult r = Teamsport.evaluate(scores, NL).result().orElseThrow();
        assertThat(r.average()).isEqualByComparingTo("3.125");
        assertThat(LocaleNumbers.decimal(r.average(), 1, NL)).isEqualTo("3,1");
        assertThat(r.weakest()).containsExactly(Department.MARKETING, Department.FINANCE);
    }

    @Test
    void w8_offboarding_shows_the_missing_steps() {
        Map<String, String> steps = new HashMap<>();
        for (OffboardingStep step : OffboardingStep.values()) {
            steps.put(Offboarding.usedField(step), Offboarding.NO);
        }
        steps.put(Offboarding.usedField(OffboardingStep.OPZEGGEN), Offboarding.YES);
        steps.put(Offboarding.usedField(OffboardingStep.BEVESTIGING), Offboarding.YES);
        steps.put(Offboarding.usedField(OffboardingStep.OVERDRACHT), Offboarding.YES);
        steps.put(Offboarding.ownerField(OffboardingStep.OPZEGGEN), "Klantenservice");
        OffboardingResult r = Offboarding.evaluate(steps, NL).result().orElseThrow();
        assertThat(r.inUse()).isEqualTo(3);
        assertThat(r.missing())
                .containsExactly(
                        OffboardingStep.EXITGESPREK,
                        OffboardingStep.VERTREKREDEN,
                        OffboardingStep.TERUGKEER,
                        OffboardingStep.FEEDBACK);
        assertThat(r.steps().get(OffboardingStep.OPZEGGEN).owner()).isEqualTo("Klantenservice");
    }
}
