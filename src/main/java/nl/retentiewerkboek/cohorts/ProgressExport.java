package nl.retentiewerkboek.cohorts;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import nl.retentiewerkboek.base.SpreadsheetCells;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.metrics.LocaleNumbers;

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
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(';')
                .lineDelimiter(LineDelimiter.CRLF)
                .build(out)) {
            List<String> header = new ArrayList<>(List.of(
                    t.apply("cohorts.column.name", new Object[0]),
                    t.apply("cohorts.column.company", new Object[0]),
                    t.apply("dashboard.done", new Object[0])));
            modules.forEach(m -> header.add(m.order() + ". " + m.title()));
            header.addAll(List.of(
                    t.apply("dashboard.last-activity", new Object[0]),
                    t.apply("dashboard.plan", new Object[0]),
                    t.apply("cohorts.column.retention", new Object[0])));
            csv.writeRecord(header.stream().map(SpreadsheetCells::safe).toList());
            for (CohortOverview.ParticipantRow row : cohort.participants()) {
                List<String> fields =
                        new ArrayList<>(List.of(row.name(), row.company(), row.done() + "/" + row.total()));
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
                csv.writeRecord(fields.stream().map(SpreadsheetCells::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }
}
