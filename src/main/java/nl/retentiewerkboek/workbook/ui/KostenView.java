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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.charts.WorksheetCharts;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.Kosten;
import nl.retentiewerkboek.metrics.KostenResult;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W2 Kosten van klantverlies en van niets doen. */
@Route("werkblad/kosten")
@RolesAllowed(AppRoles.DEELNEMER)
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
    private Details details;

    KostenView(WorkbookService workbook, LessonCatalogue catalogue) {
        super(Worksheet.KOSTEN, workbook, catalogue);
    }

    @Override
    protected void buildForm(Div form) {
        form.add(source);
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
        figures.add(
                tile("lost-per-year", lostPerYear),
                tile("revenue-lost", revenueLost),
                tile("margin-lost", marginLost),
                tile("replacement", replacement),
                tile("clv", clv),
                tile("lifetime", lifetime),
                tile("customers-nothing", customersNothing),
                tile("customers-improved", customersImproved),
                tile("revenue-gap", revenueGap));
        horizonText.addClassName("result-explain");
        chart.setId("kosten-chart");
        details = howDetails(how);
        results.add(message, figures, horizonText, chart, details);
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        Workbook book = withCurrent(values);
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
        customersNothing.setText(LocaleNumbers.whole(r.customersNothing(), locale));
        customersImproved.setText(LocaleNumbers.whole(r.customersImproved(), locale));
        revenueGap.setText(LocaleNumbers.euros(r.revenueGap(), locale));
        horizonText.setText(getTranslation(
                "kosten.horizon.explain",
                r.horizonYears(),
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
