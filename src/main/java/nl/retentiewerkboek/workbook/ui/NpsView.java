package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.charts.WorksheetCharts;
import nl.retentiewerkboek.imports.CsvImporter;
import nl.retentiewerkboek.imports.Doubter;
import nl.retentiewerkboek.imports.ImportFailedException;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.imports.ScoreImport;
import nl.retentiewerkboek.imports.ScoreRead;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Nps;
import nl.retentiewerkboek.metrics.NpsResult;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W4 NPS en de twijfelaars: counts typed, pasted or uploaded; NPS, the doubters, and whom to call. */
@Route("werkblad/nps")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class NpsView extends WorksheetView {

    static final List<String> STEPS = List.of("luister", "reageer", "zichtbaar", "verantwoordelijkheid", "beloon");
    /** Rows the call list reads per request. */
    private static final int CALL_PAGE = 50;

    private final ImportService imports;
    private final Clock clock;
    private final Map<String, Checkbox> steps = new LinkedHashMap<>();
    private final ImportReportPanel report = new ImportReportPanel("nps");
    private SurveyMappingStep mapping;
    private final Div callList = new Div();
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Div chart = new Div();
    private final Paragraph moved = new Paragraph();
    private final Span total = resultValue("total");
    private final Span score = resultValue("score");
    private final Span promoters = resultValue("promoters");
    private final Span passives = resultValue("passives");
    private final Span detractors = resultValue("detractors");
    private final Span doubters = resultValue("doubters");
    private final Span doubterShare = resultValue("doubter-share");
    private final Span half = resultValue("half");
    private final Span all = resultValue("all");

    NpsView(WorkbookService workbook, LessonCatalogue catalogue, ImportService imports, Clock clock) {
        super(Worksheet.NPS, workbook, catalogue);
        this.clock = clock;
        this.imports = imports;
    }

    @Override
    protected void buildForm(Div form) {
        form.add(new H3(getTranslation("nps.counts")));
        Div grid = new Div();
        grid.addClassName("count-grid");
        for (int s = 0; s <= 10; s++) {
            TextField count = numberField(Nps.countField(s), true);
            count.setId("nps-count-" + s);
            count.setLabel(getTranslation("nps.count-label", s));
            count.setHelperText(null);
            grid.add(count);
        }
        form.add(grid);

        form.add(new H3(getTranslation("nps.paste.title")));
        TextArea paste = new TextArea(getTranslation("nps.paste"));
        paste.setId("nps-paste");
        paste.setHelperText(getTranslation("nps.paste.help"));
        paste.setMaxLength(CsvImporter.MAX_PASTED_CHARS);
        paste.setWidthFull();
        Button apply = new Button(getTranslation("nps.paste.apply"), VaadinIcon.CHECK.create(), e -> {
            try {
                ScoreImport result = imports.readPastedScores(paste.getValue());
                applyCounts(result.counts());
                report.show(result.report());
            } catch (ImportFailedException failure) {
                report.failed(failure);
            }
        });
        apply.setId("nps-paste-apply");
        form.add(paste, apply);

        form.add(new H3(getTranslation("nps.upload.title")));
        Paragraph kept = new Paragraph(getTranslation("nps.upload.kept"));
        kept.addClassName("form-hint");
        mapping = new SurveyMappingStep(
                "nps",
                imports,
                result -> {
                    applyCounts(result.counts());
                    report.show(result.report());
                    showCallList();
                },
                () -> {
                    report.hide();
                    Notification.show(getTranslation("mapping.cancelled"), 4000, Notification.Position.BOTTOM_START);
                });
        UploadBox<MappingStep.Staged<ScoreRead>> upload =
                mapping.uploadBox("nps-upload", "import.limit.scores", Worksheet.NPS, report::hide, report::failed);
        Button delete = new Button(getTranslation("nps.upload.delete"), VaadinIcon.TRASH.create(), e -> {
            imports.deleteMine(Worksheet.NPS);
            report.hide();
            showCallList();
        });
        delete.setId("nps-delete");
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        form.add(kept, upload, mapping, report, delete);
    }

    private void applyCounts(long[] counts) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int s = 0; s <= 10; s++) {
            values.put(Nps.countField(s), Long.toString(counts[s]));
        }
        fill(values);
    }

    @Override
    protected void buildResults(Section results) {
        message.addClassName("results-message");
        message.setId("nps-message");
        figures.addClassName("result-grid");
        figures.add(
                tile("score", score),
                tile("total", total),
                tile("promoters", promoters),
                tile("passives", passives),
                tile("detractors", detractors),
                tile("doubters", doubters),
                tile("doubter-share", doubterShare),
                tile("half", half),
                tile("all", all));
        moved.addClassName("result-explain");
        chart.setId("nps-chart");
        callList.setId("nps-call-list");
        callList.addClassName("call-list");
        Div checklist = new Div();
        checklist.addClassName("band-box");
        checklist.setId("nps-steps");
        Span label = new Span(getTranslation("nps.steps"));
        label.addClassName("result-label");
        checklist.add(label);
        for (String step : STEPS) {
            Checkbox box = new Checkbox(getTranslation("nps.step." + step));
            box.setId("nps-step-" + step);
            box.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    changed();
                }
            });
            steps.put(step, box);
            checklist.add(box);
        }
        results.add(message, figures, moved, chart, callList, checklist);
        showCallList();
    }

    private void showCallList() {
        callList.removeAll();
        ImportService.CallListSize size = imports.myCallListSize();
        int count = size.kept();
        if (count == 0) {
            callList.setVisible(false);
            return;
        }
        callList.setVisible(true);
        Locale locale = getLocale();
        H3 title = new H3(getTranslation("nps.call-list", count));
        Paragraph order = new Paragraph(getTranslation("nps.call-list.order"));
        order.addClassName("form-hint");
        // three columns that fit a phone: when to call (date and time, the list is sorted by it), who, the score
        Grid<Doubter> grid = new Grid<>();
        grid.setId("nps-call-grid");
        grid.addClassName("call-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(count <= 20);
        grid.setPageSize(CALL_PAGE);
        grid.addColumn(d -> respondBy(d, locale))
                .setHeader(getTranslation("nps.call.respond-by"))
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::who)
                .setHeader(getTranslation("nps.call.who"))
                .setWidth("7rem")
                .setFlexGrow(1);
        grid.addColumn(Doubter::score)
                .setHeader(getTranslation("nps.call.score"))
                .setWidth("4rem")
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        // read page by page: the view never holds the whole list
        grid.setItems(query -> imports.myDoubters(query.getOffset(), query.getLimit()).stream(), query -> count);
        callList.add(
                title,
                order,
                grid,
                new TakeAwayLinks(
                        "nps-call-download",
                        getTranslation("takeaway.file.call-list"),
                        List.of(
                                getTranslation("nps.call.name"),
                                getTranslation("nps.call.contact"),
                                getTranslation("nps.call.score"),
                                getTranslation("nps.call.answered"),
                                getTranslation("nps.call.respond-by")),
                        this::callListRows,
                        locale,
                        LocalDate.now(clock)));
        if (size.found() > count) {
            Paragraph capped = new Paragraph(getTranslation(
                    "nps.call-list.capped", LocaleNumbers.whole(BigDecimal.valueOf(CsvImporter.MAX_DOUBTERS), locale)));
            capped.setId("nps-call-capped");
            capped.addClassName("form-hint");
            callList.add(capped);
        }
    }

    /** When to call: the day and time 48 hours after the answer (the day only when the file has no time). */
    private String respondBy(Doubter d, Locale locale) {
        return d.respondByAt()
                .map(moment -> LocaleNumbers.dateAndTime(moment, locale))
                .or(() -> d.respondBy().map(date -> LocaleNumbers.date(date, locale)))
                .orElse(getTranslation("nps.call.asap"));
    }

    /** The name with the contact under it, both wrapping rather than cut off. */
    private Div who(Doubter d) {
        Div cell = new Div();
        cell.addClassName("call-who");
        if (!d.name().isBlank()) {
            Span name = new Span(d.name());
            name.addClassName("call-name");
            cell.add(name);
        }
        if (!d.contact().isBlank()) {
            Span contact = new Span(d.contact());
            contact.addClassName("call-contact");
            cell.add(contact);
        }
        return cell;
    }

    /** The whole call list (at most the doubters kept), with the answer's date and the date to respond by. */
    private List<List<Object>> callListRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Doubter d : imports.myDoubters(0, CsvImporter.MAX_DOUBTERS)) {
            rows.add(Arrays.asList(
                    d.name(),
                    d.contact(),
                    d.score(),
                    d.answeredAt().<Object>map(t -> t).or(() -> d.answered()).orElse(null),
                    d.respondByAt().<Object>map(t -> t).or(() -> d.respondBy()).orElse(null)));
        }
        return rows;
    }

    @Override
    protected Map<String, String> currentValues() {
        Map<String, String> values = new LinkedHashMap<>(textValues());
        steps.forEach((key, box) -> {
            if (box.getValue()) {
                values.put("step." + key, "ja");
            }
        });
        return values;
    }

    @Override
    protected void applyOtherValues(Map<String, String> values) {
        steps.forEach((key, box) -> box.setValue("ja".equals(values.get("step." + key))));
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        Evaluation<NpsResult> evaluation = withCurrent(values).nps();
        for (int s = 0; s <= 10; s++) {
            showProblem(
                    Nps.countField(s), evaluation.problemOn(Nps.countField(s)).orElse(null));
        }
        boolean complete = evaluation.isComplete();
        figures.setVisible(complete);
        chart.setVisible(complete);
        moved.setVisible(complete);
        message.setVisible(!complete);
        if (!complete) {
            boolean noAnswers =
                    evaluation.problemOn(Nps.TOTAL).filter(p -> p.isError()).isPresent();
            message.setText(getTranslation(
                    noAnswers
                            ? "problem.no-answers"
                            : evaluation.hasErrors() ? "worksheet.fix-errors" : "nps.waiting"));
            List.of(total, score, promoters, passives, detractors, doubters, doubterShare, half, all)
                    .forEach(x -> x.setText(""));
            return;
        }
        NpsResult r = evaluation.result().orElseThrow();
        total.setText(LocaleNumbers.whole(BigDecimal.valueOf(r.total()), locale));
        score.setText(signed(r.nps()));
        promoters.setText(LocaleNumbers.whole(BigDecimal.valueOf(r.promoters()), locale));
        passives.setText(LocaleNumbers.whole(BigDecimal.valueOf(r.passives()), locale));
        detractors.setText(LocaleNumbers.whole(BigDecimal.valueOf(r.detractors()), locale));
        doubters.setText(LocaleNumbers.whole(BigDecimal.valueOf(r.doubters()), locale));
        doubterShare.setText(LocaleNumbers.percent(r.doubterShare(), locale));
        half.setText(signed(r.npsIfHalfMoved()));
        all.setText(signed(r.npsIfAllMoved()));
        moved.setText(getTranslation("nps.moved", doubters.getText(), score.getText(), all.getText()));
        showChart(
                chart,
                WorksheetCharts.npsDistribution(r, chartText()),
                getTranslation("nps.chart.description", score.getText(), total.getText(), doubters.getText()),
                640,
                300);
    }

    /** NPS shown as a whole number with a real minus. */
    private String signed(BigDecimal nps) {
        return LocaleNumbers.whole(nps.setScale(0, RoundingMode.HALF_UP), getLocale());
    }
}
