package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** W2: what losing customers costs per year, and what doing nothing costs over a horizon. */
public final class Kosten {

    public static final String ARPC = "arpc";
    public static final String MARGIN = "margin";
    public static final String CAC = "cac";
    public static final String DELTA = "delta";
    public static final String HORIZON = "horizon";
    /** Pseudo-field on which a missing W1 is reported. */
    public static final String W1 = "w1";

    public static final List<String> FIELDS = List.of(ARPC, MARGIN, CAC, DELTA, HORIZON);

    public static final BigDecimal DEFAULT_DELTA = new BigDecimal("5");
    public static final int DEFAULT_HORIZON = 3;
    public static final int MAX_HORIZON = 10;

    private Kosten() {}

    /**
     * Evaluates W2's answers on top of the participant's W1 evaluation.
     */
    public static Evaluation<KostenResult> evaluate(
            Evaluation<RetentiemeterResult> w1, Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        BigDecimal arpc = in.money(ARPC);
        BigDecimal margin = in.percent(MARGIN, null);
        BigDecimal cac = in.money(CAC);
        BigDecimal delta = in.percent(DELTA, DEFAULT_DELTA);
        Integer horizon = in.whole(HORIZON, 1, MAX_HORIZON, DEFAULT_HORIZON);
        if (!w1.isComplete()) {
            in.problem(W1, Problem.NEEDS_RETENTIEMETER);
        }
        if (in.hasProblems()) {
            return Evaluation.failed(in.problems());
        }
        return Evaluation.of(calculate(w1.result().orElseThrow(), arpc, margin, cac, delta, horizon));
    }

    /** r' = min(1, r + Δ/100). */
    static BigDecimal improved(BigDecimal r, BigDecimal delta) {
        return r.add(delta.divide(Metrics.HUNDRED, Metrics.PRECISION)).min(BigDecimal.ONE);
    }

    public static KostenResult calculate(
            RetentiemeterResult w1,
            BigDecimal arpc,
            BigDecimal marginPercent,
            BigDecimal cac,
            BigDecimal delta,
            int horizonYears) {
        BigDecimal s = BigDecimal.valueOf(w1.start());
        BigDecimal n = BigDecimal.valueOf(w1.newCustomers());
        int p = w1.period().perYear();
        BigDecimal margin = marginPercent.divide(Metrics.HUNDRED, Metrics.PRECISION);

        BigDecimal churn = BigDecimal.ONE.subtract(w1.annual().divide(Metrics.HUNDRED, Metrics.PRECISION));
        BigDecimal lost = s.multiply(churn);
        BigDecimal revenueLost = lost.multiply(arpc);
        BigDecimal marginLost = revenueLost.multiply(margin);
        BigDecimal replacement = lost.multiply(cac);
        Optional<BigDecimal> lifetime =
                churn.signum() == 0 ? Optional.empty() : Optional.of(BigDecimal.ONE.divide(churn, Metrics.PRECISION));
        Optional<BigDecimal> clv = churn.signum() == 0
                ? Optional.empty()
                : Optional.of(arpc.multiply(margin).divide(churn, Metrics.PRECISION));

        BigDecimal r = w1.retentionFraction();
        BigDecimal rImproved = improved(r, delta);
        List<BigDecimal> nothing = project(s, n, r, horizonYears * p);
        List<BigDecimal> better = project(s, n, rImproved, horizonYears * p);
        BigDecimal gap = BigDecimal.ZERO;
        for (int k = 1; k < nothing.size(); k++) {
            gap = gap.add(better.get(k).subtract(nothing.get(k)));
        }
        BigDecimal revenueGap = gap.multiply(arpc).divide(BigDecimal.valueOf(p), Metrics.PRECISION);
        return new KostenResult(
                w1,
                arpc,
                marginPercent,
                cac,
                delta,
                horizonYears,
                churn,
                lost,
                revenueLost,
                marginLost,
                replacement,
                lifetime,
                clv,
                nothing,
                better,
                revenueGap);
    }

    /** Customers period by period: start, then next = current × r + N. */
    static List<BigDecimal> project(BigDecimal start, BigDecimal newPerPeriod, BigDecimal r, int periods) {
        List<BigDecimal> values = new ArrayList<>(periods + 1);
        BigDecimal current = start;
        values.add(current);
        for (int k = 0; k < periods; k++) {
            current = current.multiply(r, Metrics.PRECISION).add(newPerPeriod);
            values.add(current);
        }
        return values;
    }
}
