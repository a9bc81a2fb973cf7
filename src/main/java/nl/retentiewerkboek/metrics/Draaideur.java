package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** W3: how much of the recruiting only fills the gaps left by customers who leave. */
public final class Draaideur {

    public static final String ACQUISITION = "acquisition";
    public static final String RETENTION = "retention";
    public static final String W1 = "w1";
    public static final List<String> FIELDS = List.of(ACQUISITION, RETENTION);

    private Draaideur() {}

    public static Evaluation<DraaideurResult> evaluate(
            Evaluation<RetentiemeterResult> w1, Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        BigDecimal acquisition = in.money(ACQUISITION);
        BigDecimal retention = in.money(RETENTION);
        if (!w1.isComplete()) {
            in.problem(W1, Problem.NEEDS_RETENTIEMETER);
        }
        if (in.hasProblems()) {
            return Evaluation.failed(in.problems());
        }
        return Evaluation.of(calculate(w1.result().orElseThrow(), acquisition, retention));
    }

    public static DraaideurResult calculate(RetentiemeterResult w1, BigDecimal acquisition, BigDecimal retention) {
        long n = w1.newCustomers();
        long lost = w1.lost();
        BigDecimal growth = BigDecimal.valueOf(w1.end() - w1.start())
                .multiply(Metrics.HUNDRED)
                .divide(BigDecimal.valueOf(w1.start()), Metrics.PRECISION);
        long gapFillers = Math.min(lost, n);
        Optional<BigDecimal> share = Optional.empty();
        Optional<BigDecimal> cac = Optional.empty();
        Optional<BigDecimal> refill = Optional.empty();
        if (n > 0) {
            BigDecimal newCustomers = BigDecimal.valueOf(n);
            share = Optional.of(
                    BigDecimal.valueOf(gapFillers).multiply(Metrics.HUNDRED).divide(newCustomers, Metrics.PRECISION));
            BigDecimal costPerCustomer = acquisition.divide(newCustomers, Metrics.PRECISION);
            cac = Optional.of(costPerCustomer);
            refill = Optional.of(costPerCustomer.multiply(BigDecimal.valueOf(gapFillers)));
        }
        Optional<BigDecimal> ratio = retention.signum() == 0
                ? Optional.empty()
                : Optional.of(acquisition.divide(retention, Metrics.PRECISION));
        return new DraaideurResult(w1, acquisition, retention, n - lost, growth, gapFillers, share, cac, refill, ratio);
    }
}
