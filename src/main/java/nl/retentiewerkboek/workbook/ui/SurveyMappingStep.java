package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.imports.Mapping;
import nl.retentiewerkboek.imports.ScoreImport;
import nl.retentiewerkboek.imports.ScoreRead;
import nl.retentiewerkboek.imports.StagedUpload;
import nl.retentiewerkboek.imports.SurveyColumns;
import nl.retentiewerkboek.metrics.LocaleNumbers;

/** The mapping step of a survey upload (W4): the 0–10 answer, the name (one or two columns), contact and answer date. */
class SurveyMappingStep extends MappingStep<SurveyColumns, ScoreRead> {

    private final Consumer<ScoreImport> onUsed;

    SurveyMappingStep(String idPrefix, ImportService imports, Consumer<ScoreImport> onUsed, Runnable onCancelled) {
        super(idPrefix, imports, "mapping.kept.survey", onCancelled);
        this.onUsed = onUsed;
    }

    @Override
    protected Supplier<ScoreRead> reader(StagedUpload upload, SurveyColumns columns) {
        return imports.scoresReader(upload, columns);
    }

    @Override
    protected String systemText(ScoreRead r) {
        if (r.header().isEmpty()) {
            return getContent().getTranslation("mapping.no-header.survey");
        }
        String tool = r.mapping().systemName();
        return tool.isEmpty()
                ? getContent().getTranslation("import.system.own.survey")
                : getContent()
                        .getTranslation("import.system", tool, getContent().getTranslation("import.kind.survey"));
    }

    @Override
    protected void showColumns(ScoreRead r, Div columns) {
        SurveyColumns m = r.mapping();
        int count = Math.max(r.columns(), r.header().size());
        IntFunction<String> name = columnName(r.header());
        columns.add(select("score", count, name, m.score(), false, m::withScore));
        columns.add(select("name", count, name, m.name(), true, m::withName));
        columns.add(select("last-name", count, name, m.lastName(), true, m::withLastName));
        columns.add(select("contact", count, name, m.contact(), true, m::withContact));
        columns.add(select("answered", count, name, m.date(), true, m::withDate));
        RadioButtonGroup<Mapping.DateChoice> dates = dateChoice(r.dateOrder(), m::withDates);
        if (dates != null) {
            columns.add(dates);
        }
    }

    @Override
    protected void showPreview(ScoreRead r, Div preview) {
        if (r.preview().isEmpty()) {
            return;
        }
        if (r.result().isEmpty()
                && r.failure().isPresent()
                && r.preview().stream()
                        .allMatch(p -> p.name().isEmpty() && p.score().isEmpty())) {
            // no score column yet: the rows as written, to choose one from
            NativeTable table = previewTable(
                    preview,
                    rawHeadings(r.header(), Math.max(r.columns(), r.header().size())));
            r.preview().forEach(row -> rawRow(table, row.line(), row.fields()));
            return;
        }
        Locale locale = getLocale();
        NativeTable table = previewTable(
                preview,
                List.of(
                        getContent().getTranslation("mapping.preview.line"),
                        getContent().getTranslation("mapping.column.name"),
                        getContent().getTranslation("mapping.column.score"),
                        getContent().getTranslation("mapping.column.answered"),
                        getContent().getTranslation("mapping.preview.outcome")));
        for (ScoreRead.Row row : r.preview()) {
            NativeTableRow tr = table.getBody().addRow();
            tr.add(
                    new NativeTableCell(Long.toString(row.line())),
                    new NativeTableCell(row.name()),
                    new NativeTableCell(
                            row.score().isPresent()
                                    ? Integer.toString(row.score().getAsInt())
                                    : ""),
                    new NativeTableCell(row.answered()
                            .map(d -> LocaleNumbers.date(d, locale))
                            .orElse("")),
                    outcome(row.outcome(), row.reasonKey(), "mapping.answer"));
        }
    }

    @Override
    protected void showReport(ScoreRead r) {
        r.result()
                .ifPresentOrElse(
                        result -> report.show(result.report()),
                        () -> report.failed(r.failure().orElseThrow()));
    }

    @Override
    protected boolean usable(ScoreRead r) {
        return r.result().isPresent();
    }

    @Override
    protected void used(StagedUpload upload) {
        onUsed.accept(imports.useScores(upload));
    }
}
