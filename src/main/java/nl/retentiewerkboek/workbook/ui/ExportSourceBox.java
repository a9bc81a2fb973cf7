package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/**
 * "Neem over uit je export" on W1 and W2: what the purchases upload of W5 says the numbers are, the button that puts
 * them in the fields, how they were counted, and where the numbers in the fields now come from.
 */
class ExportSourceBox extends Composite<Div> {

    private final Paragraph summary = new Paragraph();
    private final Paragraph origin = new Paragraph();
    private final Div how = new Div();
    private final Button take;

    ExportSourceBox(String idPrefix, Runnable onTake) {
        Div box = getContent();
        box.setId(idPrefix + "-export");
        box.addClassName("export-source");
        Span title = new Span(box.getTranslation("export.title"));
        title.addClassName("kicker");
        summary.setId(idPrefix + "-export-summary");
        take = new Button(box.getTranslation("export.take"), VaadinIcon.DOWNLOAD_ALT.create(), e -> onTake.run());
        take.setId(idPrefix + "-export-take");
        take.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        origin.setId(idPrefix + "-export-origin");
        origin.addClassName("form-hint");
        origin.getElement().setAttribute("aria-live", "polite");
        how.addClassName("how");
        Details details = new Details(box.getTranslation("worksheet.how"), how);
        details.setId(idPrefix + "-export-how");
        box.add(title, summary, take, origin, details);
        box.setVisible(false);
    }

    /** What the export says, how it was counted, and where the fields' numbers come from now (empty: say nothing). */
    void show(String summaryText, List<String> howLines, String originText) {
        summary.setText(summaryText);
        how.removeAll();
        howLines.forEach(line -> how.add(new Paragraph(line)));
        origin.setText(originText);
        origin.setVisible(!originText.isEmpty());
        getContent().setVisible(true);
    }

    void hide() {
        getContent().setVisible(false);
    }
}
