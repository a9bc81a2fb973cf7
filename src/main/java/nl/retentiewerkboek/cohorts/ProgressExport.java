package nl.retentiewerkboek.cohorts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.spreadsheets.Sheet;

/**
 * A cohort's progress as CSV that opens in Excel with Dutch settings: {@code ;}, UTF-8 with BOM;
 * every cell spreadsheet-safe (names and companies are typed by participants).
 */
final class ProgressExport {

    private ProgressExport() {}

    static byte[] csv(
            CohortOverview cohort,
            List<Lesson> modules,
            Locale locale,
            ZoneId zone,
            BiFunction<String, Object[], String> t) {
        List<String> header = new ArrayList<>(List.of(
                t.apply("cohorts.column.name", new Object[0]),
                t.apply("cohorts.column.company", new Object[0]),
                t.apply("dashboard.done", new Object[0])));
        modules.forEach(m -> header.add(m.order() + ". " + m.title()));
        header.addAll(List.of(
                t.apply("dashboard.last-activity", new Object[0]),
                t.apply("dashboard.plan", new Object[0]),
                t.apply("cohorts.column.retention", new Object[0])));
        List<List<Object>> rows = new ArrayList<>();
        for (CohortOverview.ParticipantRow row : cohort.participants()) {
            List<Object> fields = new ArrayList<>(List.of(row.name(), row.company(), row.done() + "/" + row.total()));
            for (Lesson module : modules) {
                fields.add(t.apply(
                        CohortOverview.ModuleState.of(row.progress().of(module.id()))
                                .messageKey(),
                        new Object[0]));
            }
            fields.add(row.lastActivity()
                    .map(at -> LocaleNumbers.spreadsheetDateTime(at, zone))
                    .orElse(""));
            fields.add(t.apply(row.planDownloaded() ? "common.yes" : "common.no", new Object[0]));
            fields.add(row.retention()
                    .map(r -> LocaleNumbers.percent(r.retention(), locale))
                    .orElse(""));
            rows.add(fields);
        }
        return new Sheet(cohort.name(), header, rows).csv(locale);
    }
}
