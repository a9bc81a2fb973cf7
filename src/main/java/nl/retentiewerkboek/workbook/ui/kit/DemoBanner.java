package nl.retentiewerkboek.workbook.ui.kit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import nl.retentiewerkboek.workbook.WorkbookService;

/**
 * On every page of a trainer's or beheerder's own workbook: that it is a demo for the beamer, counted in no group, and
 * a button to empty it (after a confirmation), so the next day starts blank.
 */
public class DemoBanner extends Div {

    /** The route of the demo workbook's front page. */
    public static final String ROUTE = "demo";
    /** The query parameter the front page shows "emptied" for. */
    public static final String EMPTIED = "leeggemaakt";

    private final WorkbookService workbook;

    public DemoBanner(WorkbookService workbook) {
        this.workbook = workbook;
        addClassName("demo-banner");
        setId("demo-banner");
        getElement().setAttribute("role", "note");
        Span label = new Span(getTranslation("demo.label"));
        label.addClassName("demo-label");
        Span text = new Span(getTranslation("demo.text"));
        text.addClassName("demo-text");
        Button reset = new Button(getTranslation("demo.reset"), VaadinIcon.ERASER.create(), e -> confirm());
        reset.setId("demo-reset");
        reset.addThemeVariants(ButtonVariant.SMALL);
        add(label, text, reset);
    }

    private void confirm() {
        Dialog dialog = new Dialog();
        dialog.setId("demo-reset-dialog");
        dialog.setHeaderTitle(getTranslation("demo.reset.title"));
        dialog.add(new Paragraph(getTranslation("demo.reset.text")));
        Button yes = new Button(getTranslation("demo.reset.yes"), click -> {
            workbook.resetMyDemo();
            dialog.close();
            // a fresh page: the menu's progress, the fields and the results all start from the empty workbook
            getUI().ifPresent(ui -> ui.getPage().setLocation(ROUTE + "?" + EMPTIED));
        });
        yes.setId("demo-reset-yes");
        yes.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        Button no = new Button(getTranslation("demo.reset.no"), click -> dialog.close());
        no.setId("demo-reset-no");
        dialog.getFooter().add(no, yes);
        dialog.open();
    }
}
