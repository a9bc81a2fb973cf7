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
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Begroting;
import nl.retentiewerkboek.metrics.BegrotingResult;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.Kosten;
import nl.retentiewerkboek.metrics.KostenResult;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W9 Retentie op de begroting: what a retention budget brings back. */
@Route("werkblad/begroting")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class BegrotingView extends WorksheetView {

    private final Div source = new Div();
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Div how = new Div();
    private final Span improved = resultValue("improved-annual");
    private final Span saved = resultValue("saved");
    private final Span marginSaved = resultValue("margin-saved");
    private final Span roi = resultValue("roi");
    private final Span payback = resultValue("payback");
    private Details details;

    BegrotingView(WorkbookService workbook, LessonCatalogue catalogue) {
        super(Worksheet.BEGROTING, workbook, catalogue);
    }

    @Override
    protected void buildForm(Div form) {
        TextField delta = numberField(Begroting.DELTA, false);
        delta.setPlaceholder(LocaleNumbers.forInput(Kosten.DEFAULT_DELTA, getLocale()));
        form.add(source, numberField(Begroting.BUDGET, false), delta);
    }

    @Override
    protected void buildResults(Section results) {
        message.addClassName("results-message");
        message.setId("begroting-message");
        figures.addClassName("result-grid");
        figures.add(
                tile("improved-annual", improved),
                tile("saved", saved),
                tile("margin-saved", marginSaved),
                tile("roi", roi),
                tile("payback", payback));
        details = howDetails(how);
        results.add(message, figures, details);
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        Workbook book = withCurrent(values);
        Evaluation<KostenResult> w2 = book.kosten();
        showSource(
                source,
                w2.isComplete(),
                w2.result()
                        .map(c -> getTranslation(
                                "begroting.source",
                                LocaleNumbers.percent(c.retention().retention(), locale),
                                LocaleNumbers.percent(c.retention().annual(), locale),
                                LocaleNumbers.euros(c.revenuePerCustomer(), locale),
                                LocaleNumbers.decimal(c.marginPercent(), 1, locale)))
                        .orElse(""),
                KostenView.class,
                "worksheet.source.needs-w2",
                "worksheet.source.change-w2");
        Evaluation<BegrotingResult> evaluation = book.begroting();
        for (String field : Begroting.FIELDS) {
            showProblem(field, evaluation.problemOn(field).orElse(null));
        }
        if (!showOutcome(
                evaluation,
                message,
                "worksheet.waiting",
                List.of(figures, details),
                List.of(improved, saved, marginSaved, roi, payback))) {
            return;
        }
        BegrotingResult r = evaluation.result().orElseThrow();
        improved.setText(LocaleNumbers.percent(r.improvedAnnual(), locale));
        // customers are whole: "ongeveer 22"; the money keeps the exact figure
        String savedWhole = LocaleNumbers.whole(r.savedPerYear(), locale);
        saved.setText(r.savedIsWhole() ? savedWhole : getTranslation("begroting.saved.about", savedWhole));
        String savedExact = LocaleNumbers.decimal(r.savedPerYear(), 2, locale);
        marginSaved.setText(LocaleNumbers.euros(r.marginSaved(), locale));
        roi.setText(LocaleNumbers.percent(r.roi(), locale));
        payback.setText(r.paybackMonths()
                .map(m -> getTranslation("begroting.months", LocaleNumbers.decimal(m, 1, locale)))
                .orElse(getTranslation("begroting.no-payback")));
        showsWords(payback, r.paybackMonths().isEmpty());
        KostenResult c = r.cost();
        how.removeAll();
        how.add(new Paragraph(getTranslation(
                "begroting.how.improved",
                LocaleNumbers.percent(c.retention().retention(), locale),
                LocaleNumbers.decimal(r.improvement(), 1, locale),
                Integer.toString(c.retention().period().perYear()),
                improved.getText())));
        how.add(new Paragraph(getTranslation(
                "begroting.how.saved",
                LocaleNumbers.whole(BigDecimal.valueOf(c.retention().start()), locale),
                improved.getText(),
                LocaleNumbers.percent(c.retention().annual(), locale),
                savedExact)));
        how.add(new Paragraph(getTranslation(
                "begroting.how.margin",
                savedExact,
                LocaleNumbers.euros(c.revenuePerCustomer(), locale),
                LocaleNumbers.decimal(c.marginPercent(), 1, locale),
                marginSaved.getText())));
        how.add(new Paragraph(getTranslation(
                "begroting.how.roi", marginSaved.getText(), LocaleNumbers.euros(r.budget(), locale), roi.getText())));
        r.paybackMonths()
                .ifPresent(m -> how.add(new Paragraph(getTranslation(
                        "begroting.how.payback",
                        LocaleNumbers.euros(r.budget(), locale),
                        marginSaved.getText(),
                        LocaleNumbers.decimal(m, 1, locale)))));
    }
}
