package nl.retentiewerkboek.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the calculations over many generated inputs. */
class MetricsPropertiesTest {

    record Counts(long start, long newCustomers, long end) {}

    /** Valid W1 inputs: S ≥ 1, N ≥ 0, N ≤ E ≤ S + N. */
    @Provide
    Arbitrary<Counts> validCounts() {
        return Combinators.combine(
                        Arbitraries.longs().between(1, 1_000_000),
                        Arbitraries.longs().between(0, 1_000_000),
                        Arbitraries.doubles().between(0, 1))
                .as((s, n, f) -> new Counts(s, n, n + Math.round(s * f)));
    }

    private static RetentiemeterResult w1(Counts c, Period period) {
        return Retentiemeter.calculate(c.start(), c.newCustomers(), c.end(), period)
                .result()
                .orElseThrow();
    }

    @Property
    void retention_plus_churn_is_100(@ForAll("validCounts") Counts c, @ForAll Period period) {
        RetentiemeterResult r = w1(c, period);
        assertThat(r.retention().add(r.churn())).isEqualByComparingTo("100");
        assertThat(r.retention()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        assertThat(r.annual())
                .isLessThanOrEqualTo(r.retention().max(BigDecimal.ZERO).add(BigDecimal.ONE.movePointLeft(20)));
    }

    @Property
    void improving_never_ends_below_doing_nothing(
            @ForAll("validCounts") Counts c,
            @ForAll Period period,
            @ForAll @BigRange(min = "0", max = "100") BigDecimal delta,
            @ForAll @IntRange(min = 1, max = 10) int horizon) {
        KostenResult r = Kosten.calculate(
                w1(c, period), new BigDecimal("1200"), new BigDecimal("40"), new BigDecimal("350"), delta, horizon);
        for (int k = 0; k < r.nothing().size(); k++) {
            assertThat(r.improved().get(k)).isGreaterThanOrEqualTo(r.nothing().get(k));
        }
        assertThat(r.revenueGap()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(r.improvedFraction()).isLessThanOrEqualTo(BigDecimal.ONE);
    }

    @Property
    void roi_falls_as_the_budget_grows(
            @ForAll("validCounts") Counts c,
            @ForAll @BigRange(min = "1", max = "1000000") BigDecimal budget,
            @ForAll @BigRange(min = "0.01", max = "1000000") BigDecimal more) {
        KostenResult w2 = Kosten.calculate(
                w1(c, Period.KWARTAAL),
                new BigDecimal("1200"),
                new BigDecimal("40"),
                new BigDecimal("350"),
                new BigDecimal("5"),
                3);
        BegrotingResult small = Begroting.calculate(w2, budget, new BigDecimal("5"));
        BegrotingResult large = Begroting.calculate(w2, budget.add(more), new BigDecimal("5"));
        assertThat(large.roi()).isLessThanOrEqualTo(small.roi());
        assertThat(large.marginSaved()).isEqualByComparingTo(small.marginSaved());
    }

    @Property
    void gap_fillers_are_never_more_than_the_new_or_the_lost_customers(@ForAll("validCounts") Counts c) {
        DraaideurResult r = Draaideur.calculate(w1(c, Period.MAAND), new BigDecimal("1000"), new BigDecimal("100"));
        assertThat(r.gapFillers())
                .isLessThanOrEqualTo(c.newCustomers())
                .isLessThanOrEqualTo(r.retention().lost());
        assertThat(r.netGrowth()).isEqualTo(c.end() - c.start());
    }
}
