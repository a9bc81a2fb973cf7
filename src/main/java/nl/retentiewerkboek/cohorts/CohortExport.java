package nl.retentiewerkboek.cohorts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.LeaveReason;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.spreadsheets.Sheet;

/**
 * A cohort as one table for the trainer's own spreadsheet: per participant their progress and every key number of W1 to
 * W9 and the re-measurements, as real numbers (amounts and percentages as decimals, counts as whole numbers, the last
 * activity as a date and time), so that Dutch Excel computes with them; nothing that Excel would turn into a date
 * ({@code 3/9} is written as two numbers). Text cells are made spreadsheet-safe by {@link Sheet}.
 */
final class CohortExport {

    private CohortExport() {}

    /** One column: its header's message key and how to read it from a participant's line. */
    private record Column(String key, Function<Line, Object> cell) {}

    /** What one line is made of. */
    record Line(CohortOverview.ParticipantRow row, List<MeasurementHistory.Row> measurements) {

        ParticipantFacts facts() {
            return row.facts();
        }
    }

    private static final List<Column> NUMBERS = List.of(
            new Column(
                    "export.w1.start",
                    l -> l.facts().retention().map(r -> r.start()).orElse(null)),
            new Column(
                    "export.w1.new",
                    l -> l.facts().retention().map(r -> r.newCustomers()).orElse(null)),
            new Column(
                    "export.w1.end",
                    l -> l.facts().retention().map(r -> r.end()).orElse(null)),
            new Column("export.w1.retention", l -> percent(l.facts().retention().map(r -> r.retention()))),
            new Column("export.w1.churn", l -> percent(l.facts().retention().map(r -> r.churn()))),
            new Column("export.w1.annual", l -> percent(l.facts().retention().map(r -> r.annual()))),
            new Column("export.w2.revenue-lost", l -> money(l.facts().cost().map(c -> c.revenueLost()))),
            new Column("export.w2.clv", l -> money(l.facts().cost().flatMap(c -> c.clv()))),
            new Column(
                    "export.w3.net-growth",
                    l -> l.facts().door().map(d -> d.netGrowth()).orElse(null)),
            new Column(
                    "export.w3.gap-fillers",
                    l -> l.facts().door().map(d -> d.gapFillers()).orElse(null)),
            new Column("export.w4.nps", l -> round(l.facts().nps().map(n -> n.nps()), 0)),
            new Column("export.w4.doubters", l -> percent(l.facts().nps().map(n -> n.doubterShare()))),
            new Column(
                    "export.w4.answers",
                    l -> l.facts().nps().map(n -> n.total()).orElse(null)),
            new Column("export.w5.eenmalig", l -> group(l, CustomerGroup.EENMALIG)),
            new Column("export.w5.herhaal", l -> group(l, CustomerGroup.HERHAAL)),
            new Column("export.w5.loyaal", l -> group(l, CustomerGroup.LOYAAL)),
            new Column("export.w5.inactief", l -> group(l, CustomerGroup.INACTIEF)),
            new Column(
                    "export.w6.total",
                    l -> l.facts().reasons().map(r -> r.total()).orElse(null)),
            new Column("export.w6.frustratie", l -> reason(l, LeaveReason.Category.FRUSTRATIE)),
            new Column("export.w6.concurrent", l -> reason(l, LeaveReason.Category.CONCURRENT)),
            new Column("export.w6.overig", l -> reason(l, LeaveReason.Category.OVERIG)),
            new Column("export.w7.average", l -> round(l.facts().team().map(t -> t.average()), 1)),
            new Column(
                    "export.w8.missing",
                    l -> l.facts()
                            .offboarding()
                            .map(o -> (long) o.missing().size())
                            .orElse(null)),
            new Column("export.w9.budget", l -> money(l.facts().budget().map(b -> b.budget()))),
            new Column("export.w9.roi", l -> round(l.facts().budget().map(b -> b.roi()), 1)),
            new Column("export.w9.payback", l -> round(l.facts().budget().flatMap(b -> b.paybackMonths()), 1)),
            new Column("export.measurements", l -> (long) l.measurements().size()),
            new Column(
                    "export.first-retention",
                    l -> l.measurements().size() < 2
                            ? null
                            : percent(l.measurements().getFirst().retention().map(r -> r.retention()))),
            new Column(
                    "export.change",
                    l -> l.measurements().size() < 2
                            ? null
                            : round(
                                    l.measurements()
                                            .getLast()
                                            .retention()
                                            .flatMap(last -> l.measurements()
                                                    .getFirst()
                                                    .retention()
                                                    .map(first ->
                                                            last.retention().subtract(first.retention()))),
                                    1)));

    static Sheet sheet(
            CohortOverview cohort,
            List<Line> lines,
            List<Lesson> modules,
            ZoneId zone,
            BiFunction<String, Object[], String> t) {
        List<String> header = new ArrayList<>(List.of(
                t.apply("cohorts.column.name", new Object[0]),
                t.apply("cohorts.column.company", new Object[0]),
                t.apply("export.done", new Object[0]),
                t.apply("export.open", new Object[0])));
        modules.forEach(m -> header.add(m.order() + ". " + m.title()));
        header.add(t.apply("dashboard.last-activity", new Object[0]));
        header.add(t.apply("dashboard.plan", new Object[0]));
        NUMBERS.forEach(c -> header.add(t.apply(c.key(), new Object[0])));
        List<List<Object>> rows = new ArrayList<>();
        for (Line line : lines) {
            CohortOverview.ParticipantRow row = line.row();
            List<Object> cells = new ArrayList<>();
            cells.add(row.name());
            cells.add(row.company());
            cells.add((long) row.done());
            cells.add((long) row.total());
            for (Lesson module : modules) {
                cells.add(t.apply(
                        CohortOverview.ModuleState.of(row.progress().of(module.id()))
                                .messageKey(),
                        new Object[0]));
            }
            cells.add(row.lastActivity()
                    .map(at -> LocalDateTime.ofInstant(at, zone).withSecond(0).withNano(0))
                    .orElse(null));
            cells.add(t.apply(row.planDownloaded() ? "common.yes" : "common.no", new Object[0]));
            for (Column c : NUMBERS) {
                cells.add(c.cell().apply(line));
            }
            rows.add(cells);
        }
        return new Sheet(cohort.name(), header, rows);
    }

    private static Long group(Line line, CustomerGroup group) {
        return line.facts().groups().map(g -> g.getOrDefault(group, 0L)).orElse(null);
    }

    private static Long reason(Line line, LeaveReason.Category category) {
        return line.facts()
                .reasons()
                .map(r -> r.byCategory().getOrDefault(category, 0L))
                .orElse(null);
    }

    /** A percentage with one decimal, as the screens show it ({@code 80,0}); the header says it is in %. */
    private static BigDecimal percent(Optional<BigDecimal> value) {
        return round(value, 1);
    }

    private static BigDecimal money(Optional<BigDecimal> value) {
        return round(value, 2);
    }

    private static BigDecimal round(Optional<BigDecimal> value, int decimals) {
        return value.map(v -> v.setScale(decimals, RoundingMode.HALF_UP)).orElse(null);
    }
}
