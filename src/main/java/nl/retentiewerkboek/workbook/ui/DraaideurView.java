package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.charts.WorksheetCharts;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Draaideur;
import nl.retentiewerkboek.metrics.DraaideurResult;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W3 Draaideur: recruiting to fill the gaps. */
@Route("werkblad/draaideur")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class DraaideurView extends WorksheetView {

    private final Div source = new Div();
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Div chart = new Div();
    private final Div how = new Div();
    private final Paragraph stayLevel = new Paragraph();
    private final Span netGrowth = resultValue("net-growth");
    private final Span growth = resultValue("growth");
    private final Span gapFillers = resultValue("gap-fillers");
    private final Span cac = resultValue("cac");
    private final Span refillSpend = resultValue("refill-spend");
    private final Span ratio = resultValue("ratio");
    private final Span gapShare = new Span();
    private Details details;

    DraaideurView(WorkbookService workbook, LessonCatalogue catalogue) {
        super(Worksheet.DRAAIDEUR, workbook, catalogue);
    }

    @Override
    protected void buildForm(Div form) {
        form.add(source, numberField(Draaideur.ACQUISITION, false), numberField(Draaideur.RETENTION, false));
    }

    @Override
    protected void buildResults(Section results) {
        message.addClassName("results-message");
        message.setId("draaideur-message");
        figures.addClassName("result-grid");
        gapShare.setId("draaideur-gap-share");
        gapShare.addClassName("result-sub");
        Div gapTile = tile("gap-fillers", gapFillers);
        gapTile.add(gapShare);
        figures.add(
                tile("net-growth", netGrowth),
                tile("growth", growth),
                gapTile,
                tile("cac", cac),
                tile("refill-spend", refillSpend),
                tile("ratio", ratio));
        stayLevel.setId("draaideur-stay-level");
        stayLevel.addClassName("result-explain");
        chart.setId("draaideur-chart");
        details = howDetails(how);
        results.add(message, figures, stayLevel, chart, details);
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        Workbook book = withCurrent(values);
        Evaluation<RetentiemeterResult> w1 = book.retentiemeter();
        showSource(
                source,
                w1.isComplete(),
                w1.result()
                        .map(r -> getTranslation(
                                "draaideur.source",
                                LocaleNumbers.whole(BigDecimal.valueOf(r.start()), locale),
                                LocaleNumbers.whole(BigDecimal.valueOf(r.newCustomers()), locale),
                                LocaleNumbers.whole(BigDecimal.valueOf(r.lost()), locale),
                                LocaleNumbers.whole(BigDecimal.valueOf(r.end()), locale),
                                getTranslation("period." + r.period().key()).toLowerCase(locale)))
                        .orElse(""),
                RetentiemeterView.class,
                "worksheet.source.needs-w1",
                "worksheet.source.change");
        Evaluation<DraaideurResult> evaluation = book.draaideur();
        for (String field : Draaideur.FIELDS) {
            showProblem(field, evaluation.problemOn(field).orElse(null));
        }
        if (!showOutcome(
                evaluation,
                message,
                "worksheet.waiting",
                List.of(figures, chart, stayLevel, details),
                List.of(netGrowth, growth, gapFillers, gapShare, cac, refillSpend, ratio))) {
            return;
        }
        DraaideurResult r = evaluation.result().orElseThrow();
        String notShown = getTranslation("draaideur.no-new");
        netGrowth.setText(LocaleNumbers.signedWhole(BigDecimal.valueOf(r.netGrowth()), locale));
        growth.setText(LocaleNumbers.percent(r.growthPercent(), locale));
        gapFillers.setText(LocaleNumbers.whole(BigDecimal.valueOf(r.gapFillers()), locale));
        gapShare.setText(r.gapFillerShare()
                .map(share -> getTranslation("draaideur.share-of-new", LocaleNumbers.percent(share, locale)))
                .orElse(""));
        cac.setText(r.acquisitionCost().map(v -> LocaleNumbers.euros(v, locale)).orElse(notShown));
        refillSpend.setText(
                r.refillSpend().map(v -> LocaleNumbers.euros(v, locale)).orElse(notShown));
        ratio.setText(r.budgetRatio()
                .map(v -> LocaleNumbers.ratio(v, locale))
                .orElse(getTranslation("draaideur.no-retention-budget")));
        showsWords(ratio, r.budgetRatio().isEmpty());
        showsWords(cac, r.acquisitionCost().isEmpty());
        showsWords(refillSpend, r.refillSpend().isEmpty());
        stayLevel.setText(getTranslation(
                "draaideur.stay-level", LocaleNumbers.whole(BigDecimal.valueOf(r.neededToStayLevel()), locale)));
        RetentiemeterResult w = r.retention();
        showChart(
                chart,
                WorksheetCharts.revolvingDoor(r, chartText()),
                getTranslation(
                        "draaideur.chart.description",
                        LocaleNumbers.whole(BigDecimal.valueOf(w.start()), locale),
                        LocaleNumbers.whole(BigDecimal.valueOf(w.newCustomers()), locale),
                        LocaleNumbers.whole(BigDecimal.valueOf(w.lost()), locale),
                        LocaleNumbers.whole(BigDecimal.valueOf(w.end()), locale)),
                640,
                300);
        how.removeAll();
        how.add(new Paragraph(getTranslation(
                "draaideur.how.growth",
                LocaleNumbers.whole(BigDecimal.valueOf(w.newCustomers()), locale),
                LocaleNumbers.whole(BigDecimal.valueOf(w.lost()), locale),
                netGrowth.getText(),
                LocaleNumbers.whole(BigDecimal.valueOf(w.end()), locale),
                LocaleNumbers.whole(BigDecimal.valueOf(w.start()), locale),
                growth.getText())));
        how.add(new Paragraph(getTranslation(
                "draaideur.how.gap",
                LocaleNumbers.whole(BigDecimal.valueOf(w.lost()), locale),
                LocaleNumbers.whole(BigDecimal.valueOf(w.newCustomers()), locale),
                LocaleNumbers.whole(BigDecimal.valueOf(r.gapFillers()), locale))));
        r.acquisitionCost()
                .ifPresent(c -> how.add(new Paragraph(getTranslation(
                        "draaideur.how.cac",
                        LocaleNumbers.euros(r.acquisitionBudget(), locale),
                        LocaleNumbers.whole(BigDecimal.valueOf(w.newCustomers()), locale),
                        LocaleNumbers.euros(c, locale),
                        LocaleNumbers.whole(BigDecimal.valueOf(r.gapFillers()), locale),
                        refillSpend.getText()))));
        r.budgetRatio()
                .ifPresent(v -> how.add(new Paragraph(getTranslation(
                        "draaideur.how.ratio",
                        LocaleNumbers.euros(r.acquisitionBudget(), locale),
                        LocaleNumbers.euros(r.retentionBudget(), locale),
                        ratio.getText()))));
    }
}
