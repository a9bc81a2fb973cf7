package nl.retentiewerkboek.cohorts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.NpsResult;
import nl.retentiewerkboek.metrics.TeamsportResult;
import nl.retentiewerkboek.metrics.Workbook;

/**
 * A cohort's anonymous numbers for the beamer: median and spread of retention, NPS and doubter
 * share, and the team-sport average per department. A number is only shown when at least
 * {@link #MIN_PARTICIPANTS} participants filled it in, so no one can be recognised.
 */
public record GroupNumbers(
        int participants,
        Optional<Spread> retention,
        Optional<Spread> nps,
        Optional<Spread> doubterShare,
        Optional<Map<Department, BigDecimal>> team,
        int retentionCount,
        int npsCount,
        int teamCount) {

    public static final int MIN_PARTICIPANTS = 5;

    /** Median, lowest and highest of a set of values. */
    public record Spread(BigDecimal median, BigDecimal lowest, BigDecimal highest) {}

    public static GroupNumbers of(List<Workbook> workbooks) {
        List<BigDecimal> retention = new ArrayList<>();
        List<BigDecimal> nps = new ArrayList<>();
        List<BigDecimal> doubters = new ArrayList<>();
        List<TeamsportResult> teams = new ArrayList<>();
        for (Workbook book : workbooks) {
            book.retentiemeter().result().ifPresent(r -> retention.add(r.retention()));
            book.nps().result().ifPresent(r -> {
                nps.add(((NpsResult) r).nps());
                doubters.add(r.doubterShare());
            });
            book.teamsport().result().ifPresent(teams::add);
        }
        Optional<Map<Department, BigDecimal>> team = Optional.empty();
        if (teams.size() >= MIN_PARTICIPANTS) {
            Map<Department, BigDecimal> averages = new EnumMap<>(Department.class);
            for (Department d : Department.values()) {
                int sum = teams.stream().mapToInt(t -> t.scores().get(d)).sum();
                averages.put(
                        d, BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(teams.size()), MathContext.DECIMAL128));
            }
            team = Optional.of(averages);
        }
        return new GroupNumbers(
                workbooks.size(),
                spread(retention),
                spread(nps),
                spread(doubters),
                team,
                retention.size(),
                nps.size(),
                teams.size());
    }

    private static Optional<Spread> spread(List<BigDecimal> values) {
        if (values.size() < MIN_PARTICIPANTS) {
            return Optional.empty();
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
        return Optional.of(new Spread(median, sorted.getFirst(), sorted.getLast()));
    }
}
