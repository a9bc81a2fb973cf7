package nl.retentiewerkboek.cohorts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.LeaveReason;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.RedenenResult;
import nl.retentiewerkboek.metrics.TeamsportResult;

/**
 * A cohort's anonymous numbers for the dashboard and the room screen. Each topic says how many participants it is
 * based on, and has a value only when at least {@link #MIN_PARTICIPANTS} participants filled it in, so no one can be
 * recognised. Only participants of the cohort count: a trainer's demo workbook is never in one.
 */
public record GroupNumbers(
        int participants,
        Topic<Spread> retention,
        Topic<Spread> annual,
        Topic<Spread> nps,
        Topic<Spread> doubterShare,
        Topic<Map<CustomerGroup, BigDecimal>> groups,
        Topic<Reasons> reasons,
        Topic<Map<Department, BigDecimal>> team,
        Topic<List<Missing>> offboarding) {

    public static final int MIN_PARTICIPANTS = 5;

    /** One topic: how many participants filled it in, and its value once there are enough of them. */
    public record Topic<T>(int count, Optional<T> value) {

        static <T> Topic<T> of(int count, Function<Integer, T> value) {
            return new Topic<>(count, count >= MIN_PARTICIPANTS ? Optional.of(value.apply(count)) : Optional.empty());
        }

        /** How many more participants the topic needs before it shows (0 when it shows). */
        public int needed() {
            return Math.max(0, MIN_PARTICIPANTS - count);
        }
    }

    /** Median, lowest and highest of a set of values, and all of them in order (for a plot without names). */
    public record Spread(BigDecimal median, BigDecimal lowest, BigDecimal highest, List<BigDecimal> values) {

        public Spread {
            values = List.copyOf(values);
        }
    }

    /**
     * Why the participants' customers left: per category (frustration, competitor, other) the average share of a
     * participant's lost customers, and the reasons named by the most participants.
     */
    public record Reasons(Map<LeaveReason.Category, BigDecimal> shares, List<Named> mostNamed) {}

    /** A leaving reason and how many participants named it for at least one customer. */
    public record Named(LeaveReason reason, int participants) {}

    /** An offboarding step and how many participants do not take it yet. */
    public record Missing(OffboardingStep step, int participants) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Most reasons the room screen lists. */
    static final int MOST_NAMED = 3;

    public static GroupNumbers of(Collection<ParticipantFacts> all) {
        List<BigDecimal> retention = new ArrayList<>();
        List<BigDecimal> annual = new ArrayList<>();
        List<BigDecimal> nps = new ArrayList<>();
        List<BigDecimal> doubters = new ArrayList<>();
        List<Map<CustomerGroup, Long>> groups = new ArrayList<>();
        List<RedenenResult> reasons = new ArrayList<>();
        List<TeamsportResult> teams = new ArrayList<>();
        List<List<OffboardingStep>> missing = new ArrayList<>();
        for (ParticipantFacts f : all) {
            f.retention().ifPresent(r -> {
                retention.add(r.retention());
                annual.add(r.annual());
            });
            f.nps().ifPresent(r -> {
                nps.add(r.nps());
                doubters.add(r.doubterShare());
            });
            f.groups()
                    .filter(g -> g.values().stream().mapToLong(Long::longValue).sum() > 0)
                    .ifPresent(groups::add);
            f.reasons().filter(r -> r.total() > 0).ifPresent(reasons::add);
            f.team().ifPresent(teams::add);
            f.offboarding().ifPresent(o -> missing.add(o.missing()));
        }
        return new GroupNumbers(
                all.size(),
                Topic.of(retention.size(), n -> spread(retention)),
                Topic.of(annual.size(), n -> spread(annual)),
                Topic.of(nps.size(), n -> spread(nps)),
                Topic.of(doubters.size(), n -> spread(doubters)),
                Topic.of(groups.size(), n -> groupShares(groups)),
                Topic.of(reasons.size(), n -> reasons(reasons)),
                Topic.of(teams.size(), n -> teamAverages(teams)),
                Topic.of(missing.size(), n -> missingSteps(missing)));
    }

    private static Spread spread(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
        return new Spread(median, sorted.getFirst(), sorted.getLast(), sorted);
    }

    /** Per group, the average over the participants of the share of their customers in it (each company counts once). */
    private static Map<CustomerGroup, BigDecimal> groupShares(List<Map<CustomerGroup, Long>> all) {
        Map<CustomerGroup, BigDecimal> sums = new EnumMap<>(CustomerGroup.class);
        for (CustomerGroup g : CustomerGroup.values()) {
            sums.put(g, BigDecimal.ZERO);
        }
        for (Map<CustomerGroup, Long> counts : all) {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            for (CustomerGroup g : CustomerGroup.values()) {
                BigDecimal share = BigDecimal.valueOf(counts.getOrDefault(g, 0L))
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
                sums.merge(g, share, BigDecimal::add);
            }
        }
        sums.replaceAll((g, sum) -> sum.divide(BigDecimal.valueOf(all.size()), MathContext.DECIMAL128));
        return sums;
    }

    /**
     * Per category, the average over the participants of the share of their lost customers in it: each company counts
     * once, so one company that lost many customers cannot show its own split as the group's.
     */
    private static Reasons reasons(List<RedenenResult> all) {
        Map<LeaveReason.Category, BigDecimal> shares = new EnumMap<>(LeaveReason.Category.class);
        for (LeaveReason.Category c : LeaveReason.Category.values()) {
            shares.put(c, BigDecimal.ZERO);
        }
        Map<LeaveReason, Integer> naming = new EnumMap<>(LeaveReason.class);
        for (RedenenResult r : all) {
            long total = 0;
            for (LeaveReason.Category c : LeaveReason.Category.values()) {
                total += r.byCategory().getOrDefault(c, 0L);
            }
            for (LeaveReason.Category c : LeaveReason.Category.values()) {
                BigDecimal share = total == 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(r.byCategory().getOrDefault(c, 0L))
                                .multiply(HUNDRED)
                                .divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
                shares.merge(c, share, BigDecimal::add);
            }
            r.byReason().stream()
                    .filter(c -> c.count() > 0)
                    .map(RedenenResult.ReasonCount::reason)
                    .distinct()
                    .forEach(reason -> naming.merge(reason, 1, Integer::sum));
        }
        shares.replaceAll((c, sum) -> sum.divide(BigDecimal.valueOf(all.size()), MathContext.DECIMAL128));
        List<Named> named = naming.entrySet().stream()
                .map(e -> new Named(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Named::participants).reversed().thenComparing(Named::reason))
                .limit(MOST_NAMED)
                .toList();
        return new Reasons(shares, named);
    }

    private static Map<Department, BigDecimal> teamAverages(List<TeamsportResult> teams) {
        Map<Department, BigDecimal> averages = new EnumMap<>(Department.class);
        for (Department d : Department.values()) {
            int sum = teams.stream().mapToInt(t -> t.scores().get(d)).sum();
            averages.put(d, BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(teams.size()), MathContext.DECIMAL128));
        }
        return averages;
    }

    /** The steps by how many participants miss them, most missed first; steps nobody misses are left out. */
    private static List<Missing> missingSteps(List<List<OffboardingStep>> all) {
        Map<OffboardingStep, Integer> counts = new EnumMap<>(OffboardingStep.class);
        for (List<OffboardingStep> steps : all) {
            steps.stream().distinct().forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .map(e -> new Missing(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Missing::participants)
                        .reversed()
                        .thenComparing(Missing::step))
                .toList();
    }
}
