package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import nl.retentiewerkboek.imports.ImportFailedException;
import nl.retentiewerkboek.imports.RowRejection;

/** "N regels gelezen, M afgewezen", with the rejected rows by line number; or why a file was refused. */
class ImportReportPanel extends Composite<Div> {

    private final String idPrefix;

    ImportReportPanel(String idPrefix) {
        this.idPrefix = idPrefix;
        getContent().setId(idPrefix + "-report");
        getContent().addClassName("import-report");
        getContent().getElement().setAttribute("aria-live", "polite");
        getContent().setVisible(false);
    }

    void show(long read, long rejected, List<RowRejection> rows) {
        Div box = getContent();
        box.removeAll();
        box.removeClassName("failed");
        Paragraph summary = new Paragraph(box.getTranslation("import.summary", read, rejected));
        summary.setId(idPrefix + "-report-summary");
        box.add(summary);
        if (!rows.isEmpty()) {
            UnorderedList list = new UnorderedList();
            for (RowRejection r : rows) {
                String value = r.value().isEmpty() ? "" : " (“" + r.value() + "”)";
                list.add(new ListItem(box.getTranslation(
                                "import.row",
                                r.line(),
                                box.getTranslation(r.reason().messageKey()))
                        + value));
            }
            if (rejected > rows.size()) {
                list.add(new ListItem(box.getTranslation("import.more-rejected", rejected - rows.size())));
            }
            Details details = new Details(box.getTranslation("import.show-rejected"), list);
            details.setId(idPrefix + "-rejected");
            box.add(details);
        }
        box.setVisible(true);
    }

    void failed(ImportFailedException e) {
        Div box = getContent();
        box.removeAll();
        box.addClassName("failed");
        Paragraph message = new Paragraph(box.getTranslation(e.messageKey()));
        message.setId(idPrefix + "-report-summary");
        box.add(message);
        box.setVisible(true);
    }

    void hide() {
        getContent().setVisible(false);
    }
}
