package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** W9: what a retention budget brings back, in customers, margin, ROI and months to earn it back. */
public final class Begroting {

    public static final String BUDGET = "budget";
    public static final String DELTA = "delta";
    public static final String W2 = "w2";
    public static final List<String> FIELDS = List.of(BUDGET, DELTA);

    private Begroting() {}

    public static Evaluation<BegrotingResult> evaluate(
            Evaluation<KostenResult> w2, Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        BigDecimal budget = in.money(BUDGET);
        BigDecimal delta = in.percent(DELTA, Kosten.DEFAULT_DELTA);
        if (budget != null && budget.signum() == 0) {
            in.problem(BUDGET, Problem.BUDGET_ZERO);
        }
        if (!w2.isComplete()) {
            in.problem(W2, Problem.NEEDS_KOSTEN);
        }
        if (in.hasProblems()) {
            return Evaluation.failed(in.problems());
        }
        return Evaluation.of(calculate(w2.result().orElseThrow(), budget, delta));
    }

    public static BegrotingResult calculate(KostenResult w2, BigDecimal budget, BigDecimal delta) {
        if (budget.signum() <= 0) {
            throw new IllegalArgumentException("the budget must be positive");
        }
        RetentiemeterResult w1 = w2.retention();
        BigDecimal improvedAnnual = Kosten.improved(w1.retentionFraction(), delta)
                .pow(w1.period().perYear(), Metrics.PRECISION)
                .multiply(Metrics.HUNDRED);
        BigDecimal saved = BigDecimal.valueOf(w1.start())
                .multiply(improvedAnnual.subtract(w1.annual()))
                .divide(Metrics.HUNDRED, Metrics.PRECISION);
        BigDecimal marginSaved = saved.multiply(w2.revenuePerCustomer())
                .multiply(w2.marginPercent())
                .divide(Metrics.HUNDRED, Metrics.PRECISION);
        BigDecimal roi = marginSaved.subtract(budget).multiply(Metrics.HUNDRED).divide(budget, Metrics.PRECISION);
        Optional<BigDecimal> payback = marginSaved.signum() <= 0
                ? Optional.empty()
                : Optional.of(budget.multiply(BigDecimal.valueOf(12)).divide(marginSaved, Metrics.PRECISION));
        return new BegrotingResult(w2, budget, delta, improvedAnnual, saved, marginSaved, roi, payback);
    }
}
