package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.charts.WorksheetCharts;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.ExportNumbers;
import nl.retentiewerkboek.metrics.Kosten;
import nl.retentiewerkboek.metrics.KostenResult;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Period;
import nl.retentiewerkboek.metrics.PurchaseData;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W2 Kosten van klantverlies en van niets doen. */
@Route("werkblad/kosten")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class KostenView extends WorksheetView {

    private final Div source = new Div();
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Div chart = new Div();
    private final Div how = new Div();
    private final Span lostPerYear = resultValue("lost-per-year");
    private final Span revenueLost = resultValue("revenue-lost");
    private final Span marginLost = resultValue("margin-lost");
    private final Span replacement = resultValue("replacement");
    private final Span clv = resultValue("clv");
    private final Span lifetime = resultValue("lifetime");
    private final Span customersNothing = resultValue("customers-nothing");
    private final Span customersImproved = resultValue("customers-improved");
    private final Span revenueGap = resultValue("revenue-gap");
    private final Paragraph horizonText = new Paragraph();
    private final ExportSourceBox export = new ExportSourceBox("kosten", this::takeFromExport);
    /** The ARPC as last taken from the export, saved with the answers so the screen can say where it came from. */
    private String exportMarker = "";

    private Details details;
    private Div tileNothing;
    private Div tileImproved;
    private Div tileGap;

    KostenView(WorkbookService workbook, LessonCatalogue catalogue) {
        super(Worksheet.KOSTEN, workbook, catalogue);
    }

    @Override
    protected void buildForm(Div form) {
        form.add(source, export);
        TextField delta = numberField(Kosten.DELTA, false);
        delta.setPlaceholder(LocaleNumbers.forInput(Kosten.DEFAULT_DELTA, getLocale()));
        TextField horizon = numberField(Kosten.HORIZON, true);
        horizon.setPlaceholder(Integer.toString(Kosten.DEFAULT_HORIZON));
        form.add(
                numberField(Kosten.ARPC, false),
                numberField(Kosten.MARGIN, false),
                numberField(Kosten.CAC, false),
                delta,
                horizon);
    }

    @Override
    protected void buildResults(Section results) {
        message.addClassName("results-message");
        message.setId("kosten-message");
        figures.addClassName("result-grid");
        tileNothing = tile("customers-nothing", customersNothing);
        tileImproved = tile("customers-improved", customersImproved);
        tileGap = tile("revenue-gap", revenueGap);
        figures.add(
                tile("lost-per-year", lostPerYear),
                tile("revenue-lost", revenueLost),
                tile("margin-lost", marginLost),
                tile("replacement", replacement),
                tile("clv", clv),
                tile("lifetime", lifetime),
                tileNothing,
                tileImproved,
                tileGap);
        horizonText.addClassName("result-explain");
        chart.setId("kosten-chart");
        details = howDetails(how);
        results.add(message, figures, horizonText, chart, details);
    }

    @Override
    protected Map<String, String> currentValues() {
        Map<String, String> values = new LinkedHashMap<>(textValues());
        if (!exportMarker.isEmpty()) {
            values.put(RetentiemeterView.FROM_EXPORT, exportMarker);
        }
        return values;
    }

    @Override
    protected void applyOtherValues(Map<String, String> values) {
        exportMarker = values.getOrDefault(RetentiemeterView.FROM_EXPORT, "");
    }

    /** Puts the export's ARPC into its field (the participant can still change it), and saves. */
    private void takeFromExport() {
        withCurrent(currentValues())
                .fromExport(Period.DEFAULT)
                .flatMap(ExportNumbers::arpc)
                .ifPresent(arpc -> {
                    exportMarker = LocaleNumbers.moneyForInput(arpc, getLocale());
                    fill(Map.of(Kosten.ARPC, exportMarker));
                });
    }

    private void showExport(Workbook book, Map<String, String> values) {
        Optional<ExportNumbers> numbers =
                book.fromExport(Period.DEFAULT).filter(x -> x.arpc().isPresent());
        if (numbers.isEmpty()) {
            export.hide();
            return;
        }
        Locale locale = getLocale();
        ExportNumbers x = numbers.get();
        String arpc = LocaleNumbers.eurosAndCents(x.arpc().orElseThrow(), locale);
        String from = LocaleNumbers.date(x.peildatum().minusDays(ExportNumbers.YEAR_DAYS - 1), locale);
        String to = LocaleNumbers.date(x.peildatum(), locale);
        String summary = getTranslation(
                "export.w2.summary",
                book.purchases().map(PurchaseData::fileName).orElse(""),
                arpc,
                from,
                to);
        List<String> how = List.of(getTranslation(
                "export.how.arpc",
                from,
                to,
                LocaleNumbers.euros(x.yearRevenue(), locale),
                LocaleNumbers.whole(BigDecimal.valueOf(x.yearCustomers()), locale),
                arpc));
        String typed = values.getOrDefault(Kosten.ARPC, "").strip();
        String origin = exportMarker.isEmpty() || typed.isEmpty()
                ? ""
                : getTranslation(typed.equals(exportMarker) ? "export.origin.arpc" : "export.origin.arpc-changed");
        export.show(summary, how, origin);
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        Workbook book = withCurrent(values);
        showExport(book, values);
        Evaluation<RetentiemeterResult> w1 = book.retentiemeter();
        showSource(
                source,
                w1.isComplete(),
                w1.result().map(this::w1Summary).orElse(""),
                RetentiemeterView.class,
                "worksheet.source.needs-w1",
                "worksheet.source.change");
        Evaluation<KostenResult> evaluation = book.kosten();
        for (String field : Kosten.FIELDS) {
            showProblem(field, evaluation.problemOn(field).orElse(null));
        }
        if (!showOutcome(
                evaluation,
                message,
                "worksheet.waiting",
                List.of(figures, chart, details, horizonText),
                List.of(
                        lostPerYear,
                        revenueLost,
                        marginLost,
                        replacement,
                        clv,
                        lifetime,
                        customersNothing,
                        customersImproved,
                        revenueGap))) {
            return;
        }
        KostenResult r = evaluation.result().orElseThrow();
        lostPerYear.setText(LocaleNumbers.whole(r.lostPerYear(), locale));
        revenueLost.setText(LocaleNumbers.euros(r.revenueLost(), locale));
        marginLost.setText(LocaleNumbers.euros(r.marginLost(), locale));
        replacement.setText(LocaleNumbers.euros(r.replacementCost(), locale));
        clv.setText(r.clv().map(v -> LocaleNumbers.euros(v, locale)).orElse(getTranslation("kosten.unlimited")));
        lifetime.setText(r.lifetimeYears()
                .map(v -> getTranslation("kosten.years", LocaleNumbers.decimal(v, 1, locale)))
                .orElse(getTranslation("kosten.unlimited")));
        showsWords(clv, r.clv().isEmpty());
        showsWords(lifetime, r.lifetimeYears().isEmpty());
        customersNothing.setText(LocaleNumbers.whole(r.customersNothing(), locale));
        customersImproved.setText(LocaleNumbers.whole(r.customersImproved(), locale));
        revenueGap.setText(LocaleNumbers.euros(r.revenueGap(), locale));
        // the labels name the horizon chosen: "Klanten over 3 jaar als je niets doet"
        label(tileNothing, "kosten.customers-nothing.horizon", r.horizonYears());
        label(tileImproved, "kosten.customers-improved.horizon", r.horizonYears());
        label(tileGap, "kosten.revenue-gap.horizon", r.horizonYears());
        // new customers can outgrow the loss: then doing nothing still grows, and the sentence says so
        String direction = switch (Integer.signum(r.directionNothing())) {
            case -1 -> "shrink";
            case 1 -> "grow";
            default -> "same";
        };
        horizonText.setId("kosten-horizon-explain");
        horizonText.setText(getTranslation(
                "kosten.horizon.explain." + direction,
                r.horizonYears(),
                LocaleNumbers.whole(BigDecimal.valueOf(r.retention().start()), locale),
                LocaleNumbers.whole(r.customersNothing(), locale),
                LocaleNumbers.whole(r.customersImproved(), locale),
                LocaleNumbers.euros(r.revenueGap(), locale)));
        showChart(
                chart,
                WorksheetCharts.customerCurves(r, chartText()),
                getTranslation(
                        "kosten.chart.description",
                        r.horizonYears(),
                        LocaleNumbers.whole(r.customersNothing(), locale),
                        LocaleNumbers.whole(r.customersImproved(), locale)),
                640,
                320);
        showHow(r, locale);
    }

    private void label(Div tile, String key, int years) {
        tile.getChildren()
                .findFirst()
                .map(Span.class::cast)
                .ifPresent(label -> label.setText(getTranslation(key, years)));
    }

    private String w1Summary(RetentiemeterResult r) {
        Locale locale = getLocale();
        return getTranslation(
                "worksheet.source.w1",
                LocaleNumbers.whole(BigDecimal.valueOf(r.start()), locale),
                LocaleNumbers.whole(BigDecimal.valueOf(r.newCustomers()), locale),
                LocaleNumbers.whole(BigDecimal.valueOf(r.end()), locale),
                getTranslation("period." + r.period().key()).toLowerCase(locale),
                LocaleNumbers.percent(r.retention(), locale),
                LocaleNumbers.percent(r.annual(), locale));
    }

    private void showHow(KostenResult r, Locale locale) {
        how.removeAll();
        String s = LocaleNumbers.whole(BigDecimal.valueOf(r.retention().start()), locale);
        String ry = LocaleNumbers.percent(r.retention().annual(), locale);
        String cy = LocaleNumbers.percent(r.annualChurn().multiply(BigDecimal.valueOf(100)), locale);
        String ly = LocaleNumbers.decimal(r.lostPerYear(), 2, locale);
        String arpc = LocaleNumbers.euros(r.revenuePerCustomer(), locale);
        String m = LocaleNumbers.decimal(r.marginPercent(), 1, locale);
        how.add(new Paragraph(getTranslation("kosten.how.churn", ry, cy)));
        how.add(new Paragraph(getTranslation("kosten.how.lost", s, cy, ly)));
        how.add(new Paragraph(
                getTranslation("kosten.how.revenue", ly, arpc, LocaleNumbers.euros(r.revenueLost(), locale))));
        how.add(new Paragraph(getTranslation(
                "kosten.how.margin",
                LocaleNumbers.euros(r.revenueLost(), locale),
                m,
                LocaleNumbers.euros(r.marginLost(), locale))));
        how.add(new Paragraph(getTranslation(
                "kosten.how.replacement",
                ly,
                LocaleNumbers.euros(r.acquisitionCost(), locale),
                LocaleNumbers.euros(r.replacementCost(), locale))));
        r.clv()
                .ifPresent(v -> how.add(
                        new Paragraph(getTranslation("kosten.how.clv", arpc, m, cy, LocaleNumbers.euros(v, locale)))));
        how.add(new Paragraph(getTranslation(
                "kosten.how.projection",
                LocaleNumbers.percent(r.retention().retention(), locale),
                LocaleNumbers.percent(r.improvedFraction().multiply(BigDecimal.valueOf(100)), locale),
                LocaleNumbers.whole(BigDecimal.valueOf(r.retention().newCustomers()), locale),
                r.horizonYears() * r.retention().period().perYear())));
        how.add(new Paragraph(getTranslation(
                "kosten.how.gap",
                arpc,
                Integer.toString(r.retention().period().perYear()),
                LocaleNumbers.euros(r.revenueGap(), locale))));
    }
}
