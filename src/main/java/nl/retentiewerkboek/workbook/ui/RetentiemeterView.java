package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.ExportNumbers;
import nl.retentiewerkboek.metrics.FieldProblem;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.metrics.Period;
import nl.retentiewerkboek.metrics.Problem;
import nl.retentiewerkboek.metrics.PurchaseData;
import nl.retentiewerkboek.metrics.Retentiemeter;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.HistoryPanel;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W1 Retentiemeter: three counts and a period in, retention, churn, customers lost and the yearly pace out. */
@Route("werkblad/retentiemeter")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class RetentiemeterView extends WorksheetView {

    /** The answer that records what was taken from the export. */
    static final String FROM_EXPORT = "from-export";

    private final RadioButtonGroup<Period> period = new RadioButtonGroup<>();
    private final Span retention = resultValue("retention");
    private final Span churn = resultValue("churn");
    private final Span lost = resultValue("lost");
    private final Span annual = resultValue("annual");
    private final Span band = resultValue("band");
    private final Paragraph advice = new Paragraph();
    private final Paragraph bandBasis = new Paragraph();
    private final Paragraph annualExplain = new Paragraph();
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Div how = new Div();
    private final Div bandBox = new Div();
    private final ExportSourceBox export = new ExportSourceBox("retentiemeter", this::takeFromExport);
    /** S|N|E as last taken from the export, saved with the answers so the screen can say where the numbers came from. */
    private String exportMarker = "";

    private Details details;
    private final Div history = new Div();

    RetentiemeterView(WorkbookService workbook, LessonCatalogue catalogue) {
        super(Worksheet.RETENTIEMETER, workbook, catalogue);
    }

    @Override
    protected void buildForm(Div form) {
        form.add(export);
        form.add(
                numberField(Retentiemeter.START, true),
                numberField(Retentiemeter.NEW, true),
                numberField(Retentiemeter.END, true));
        period.setId("retentiemeter-period");
        period.setLabel(getTranslation("retentiemeter.period"));
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("period." + p.key()));
        period.setValue(Period.DEFAULT);
        period.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed();
            }
        });
        // the export's numbers follow the period chosen; showResults shows them again after each change
        form.add(period);
    }

    @Override
    protected void buildResults(Section results) {
        message.setId("retentiemeter-message");
        message.addClassName("results-message");
        figures.addClassName("result-grid");
        figures.add(tile("retention", retention), tile("churn", churn), tile("lost", lost), tile("annual", annual));
        figures.add(annualExplain);
        annualExplain.addClassName("result-explain");
        bandBox.addClassName("band-box");
        Span bandLabel = new Span(getTranslation("retentiemeter.band"));
        bandLabel.addClassName("result-label");
        advice.setId("retentiemeter-advice");
        bandBasis.setId("retentiemeter-band-basis");
        bandBasis.addClassName("result-explain");
        bandBox.add(bandLabel, band, bandBasis, advice);
        details = howDetails(how);
        history.setId("retentiemeter-history");
        List<MeasurementHistory.Input> measurements = showHistory();
        if (measurements.size() > 1) {
            Span current = new Span(getTranslation("history.current", measurements.size()));
            current.addClassName("kicker");
            current.setId("retentiemeter-measurement");
            results.addComponentAsFirst(current);
        }
        results.add(message, figures, bandBox, details, history);
    }

    /** The measurements side by side as stored now: after each save, so a re-measurement shows without a reload. */
    private List<MeasurementHistory.Input> showHistory() {
        List<MeasurementHistory.Input> measurements = workbook.myMeasurements().stream()
                .map(WorkbookService.Measurement::input)
                .toList();
        history.removeAll();
        Div table = HistoryPanel.of(
                MeasurementHistory.of(measurements), getLocale(), (key, args) -> getTranslation(key, args));
        history.add(table);
        history.setVisible(table.isVisible());
        return measurements;
    }

    @Override
    protected void afterStored() {
        showHistory();
    }

    @Override
    protected Map<String, String> currentValues() {
        Map<String, String> values = new LinkedHashMap<>(textValues());
        values.put(
                Retentiemeter.PERIOD,
                period.getValue() == null
                        ? Period.DEFAULT.key()
                        : period.getValue().key());
        if (!exportMarker.isEmpty()) {
            values.put(FROM_EXPORT, exportMarker);
        }
        return values;
    }

    @Override
    protected void applyOtherValues(Map<String, String> values) {
        period.setValue(Period.fromKey(values.get(Retentiemeter.PERIOD)).orElse(Period.DEFAULT));
        exportMarker = values.getOrDefault(FROM_EXPORT, "");
    }

    private Period chosenPeriod() {
        return period.getValue() == null ? Period.DEFAULT : period.getValue();
    }

    /** Puts the export's S, N and E into the fields (the participant can still change them), and saves. */
    private void takeFromExport() {
        withCurrent(currentValues()).fromExport(chosenPeriod()).ifPresent(x -> {
            exportMarker = x.s() + "|" + x.n() + "|" + x.e();
            fill(Map.of(
                    Retentiemeter.START, Long.toString(x.s()),
                    Retentiemeter.NEW, Long.toString(x.n()),
                    Retentiemeter.END, Long.toString(x.e())));
        });
    }

    private void showExport(Map<String, String> values) {
        Workbook book = withCurrent(values);
        Optional<ExportNumbers> numbers = book.fromExport(chosenPeriod());
        if (numbers.isEmpty()) {
            export.hide();
            return;
        }
        Locale locale = getLocale();
        ExportNumbers x = numbers.get();
        String file = book.purchases().map(PurchaseData::fileName).orElse("");
        String before = LocaleNumbers.date(x.start().minusDays(1), locale);
        String last = LocaleNumbers.date(x.end(), locale);
        String summary = getTranslation(
                "export.w1.summary",
                file,
                LocaleNumbers.date(x.start(), locale),
                last,
                count(x.s()),
                count(x.e()),
                count(x.n()));
        List<String> how = List.of(
                getTranslation("export.how.active", x.inactiveDays()),
                getTranslation(
                        "export.how.period",
                        getTranslation("export.period." + x.period().key()),
                        LocaleNumbers.date(x.peildatum(), locale),
                        LocaleNumbers.date(x.start(), locale),
                        last),
                getTranslation("export.how.s", before, count(x.s())),
                getTranslation("export.how.e", last, count(x.e())),
                getTranslation("export.how.n", last, before, count(x.n())),
                getTranslation("export.how.r"));
        export.show(summary, how, origin(values));
    }

    /** Which of S, N and E still hold what was taken from the export, and which the participant changed. */
    private String origin(Map<String, String> values) {
        String[] taken = exportMarker.split("\\|");
        if (taken.length != 3) {
            return "";
        }
        List<String> fields = List.of(Retentiemeter.START, Retentiemeter.NEW, Retentiemeter.END);
        List<String> letters = List.of("S", "N", "E");
        List<String> fromExport = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String value = values.getOrDefault(fields.get(i), "").strip();
            (value.equals(taken[i]) ? fromExport : typed).add(letters.get(i));
        }
        if (fromExport.isEmpty()) {
            return "";
        }
        if (typed.isEmpty()) {
            return getTranslation("export.origin.all", String.join(", ", fromExport));
        }
        return getTranslation("export.origin.some", String.join(", ", fromExport), String.join(", ", typed));
    }

    private String count(long value) {
        return LocaleNumbers.whole(BigDecimal.valueOf(value), getLocale());
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        showExport(values);
        Evaluation<RetentiemeterResult> evaluation = withCurrent(values).retentiemeter();
        for (String field : List.of(Retentiemeter.START, Retentiemeter.NEW, Retentiemeter.END)) {
            showProblem(field, evaluation.problemOn(field).orElse(null));
        }
        boolean complete = evaluation.isComplete();
        figures.setVisible(complete);
        bandBox.setVisible(complete);
        details.setVisible(complete);
        if (!complete) {
            boolean errors =
                    evaluation.problems().stream().map(FieldProblem::problem).anyMatch(Problem::isError);
            message.setText(getTranslation(errors ? "worksheet.fix-errors" : "worksheet.waiting"));
            message.setVisible(true);
            for (Span span : List.of(retention, churn, lost, annual, band)) {
                span.setText("");
            }
            return;
        }
        message.setVisible(false);
        RetentiemeterResult r = evaluation.result().orElseThrow();
        retention.setText(LocaleNumbers.percent(r.retention(), locale));
        churn.setText(LocaleNumbers.percent(r.churn(), locale));
        lost.setText(LocaleNumbers.whole(BigDecimal.valueOf(r.lost()), locale));
        annual.setText(LocaleNumbers.percent(r.annual(), locale));
        BigDecimal keptAfterYear =
                BigDecimal.valueOf(r.start()).multiply(r.annual()).divide(BigDecimal.valueOf(100));
        annualExplain.setText(getTranslation(
                "retentiemeter.annual.explain",
                LocaleNumbers.whole(BigDecimal.valueOf(r.start()), locale),
                LocaleNumbers.whole(keptAfterYear, locale)));
        band.setText(getTranslation(r.band().messageKey() + ".title"));
        band.getElement().setAttribute("data-band", r.band().name().toLowerCase(Locale.ROOT));
        bandBox.getElement().setAttribute("data-band", r.band().name().toLowerCase(Locale.ROOT));
        advice.setText(getTranslation(r.band().messageKey() + ".advice"));
        // the bands are for a quarter: a month or a year says which figure decided
        boolean quarter = r.period() == Period.KWARTAAL;
        bandBasis.setVisible(!quarter);
        bandBasis.setText(
                quarter
                        ? ""
                        : getTranslation(
                                "retentiemeter.band.basis." + r.period().key(),
                                LocaleNumbers.percent(r.quarterly(), locale),
                                LocaleNumbers.percent(r.retention(), locale)));
        showHow(r, locale);
    }

    private void showHow(RetentiemeterResult r, Locale locale) {
        how.removeAll();
        String s = LocaleNumbers.whole(BigDecimal.valueOf(r.start()), locale);
        String n = LocaleNumbers.whole(BigDecimal.valueOf(r.newCustomers()), locale);
        String e = LocaleNumbers.whole(BigDecimal.valueOf(r.end()), locale);
        String l = LocaleNumbers.whole(BigDecimal.valueOf(r.lost()), locale);
        String p = Integer.toString(r.period().perYear());
        how.add(new Paragraph(getTranslation("retentiemeter.how.lost", s, n, e, l)));
        how.add(new Paragraph(
                getTranslation("retentiemeter.how.retention", e, n, s, LocaleNumbers.percent(r.retention(), locale))));
        how.add(new Paragraph(
                getTranslation("retentiemeter.how.churn", l, s, LocaleNumbers.percent(r.churn(), locale))));
        how.add(new Paragraph(getTranslation(
                "retentiemeter.how.annual",
                p,
                LocaleNumbers.decimal(r.retentionFraction(), 4, locale),
                LocaleNumbers.percent(r.annual(), locale),
                getTranslation("period." + r.period().key() + ".per-year"))));
        how.add(new Paragraph(getTranslation("retentiemeter.how.band", LocaleNumbers.percent(r.quarterly(), locale))));
    }
}
