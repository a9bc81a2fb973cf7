package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.retentiewerkboek.imports.ImportFailedException;
import nl.retentiewerkboek.imports.ImportReport;
import nl.retentiewerkboek.imports.RowRejection;
import nl.retentiewerkboek.metrics.LocaleNumbers;

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

    /** What reading the file gave: the counts, how dates were read where that was a choice, and the rejected rows. */
    void show(ImportReport report) {
        Div box = getContent();
        show(
                report,
                report.skipped().isEmpty()
                        ? box.getTranslation("import.summary", report.rowsRead(), report.rowsRejected())
                        : counts("import.summary.scores", report));
    }

    /** What reading a purchases file gave: purchases counted, what was not a purchase and why, and the rejected rows. */
    void showPurchases(ImportReport report) {
        show(report, counts("import.summary.purchases", report));
    }

    private String counts(String key, ImportReport report) {
        return getContent()
                .getTranslation(
                        key,
                        whole(report.rowsRead()),
                        whole(report.purchases()),
                        whole(report.skippedTotal()),
                        whole(report.rowsRejected()));
    }

    private void show(ImportReport report, String summaryText) {
        Div box = getContent();
        box.removeAll();
        box.removeClassName("failed");
        Paragraph summary = new Paragraph(summaryText);
        summary.setId(idPrefix + "-report-summary");
        box.add(summary);
        addSkipped(box, report);
        addDateOrder(box, report);
        addRejections(box, report);
        box.setVisible(true);
    }

    private String whole(long value) {
        return LocaleNumbers.whole(BigDecimal.valueOf(value), getLocale());
    }

    private void addSkipped(Div box, ImportReport report) {
        if (report.skipped().isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId(idPrefix + "-skipped");
        report.skipped().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> list.add(new ListItem(box.getTranslation(
                        "import.skipped.item", box.getTranslation(e.getKey().messageKey()), whole(e.getValue())))));
        Paragraph title = new Paragraph(box.getTranslation("import.skipped.title"));
        title.addClassName("form-hint");
        box.add(title, list);
    }

    /** Why a file was refused; when it was read to the end first, also why each row was rejected. */
    void failed(ImportFailedException e) {
        Div box = getContent();
        box.removeAll();
        box.addClassName("failed");
        Paragraph message = new Paragraph(box.getTranslation(e.messageKey()));
        message.setId(idPrefix + "-report-summary");
        box.add(message);
        e.report().ifPresent(report -> {
            addSkipped(box, report);
            addDateOrder(box, report);
            addRejections(box, report);
        });
        box.setVisible(true);
    }

    private void addDateOrder(Div box, ImportReport report) {
        String key = switch (report.dateOrder()) {
            case MONTH_FIRST -> "import.dates.month-first";
            case MONTH_FIRST_ASSUMED -> "import.dates.month-first-assumed";
            case DAY_FIRST_ASSUMED -> "import.dates.day-first-assumed";
            case DAY_FIRST, NOT_NEEDED, CHOSEN_DAY_FIRST, CHOSEN_MONTH_FIRST -> null;
        };
        if (key != null) {
            Paragraph dates = new Paragraph(box.getTranslation(key));
            dates.setId(idPrefix + "-report-dates");
            dates.addClassName("form-hint");
            box.add(dates);
        }
    }

    private void addRejections(Div box, ImportReport report) {
        List<RowRejection> rows = report.rejections();
        if (rows.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        for (RowRejection r : rows) {
            String value = r.value().isEmpty() ? "" : " (“" + r.value() + "”)";
            list.add(new ListItem(box.getTranslation(
                            "import.row",
                            r.line(),
                            box.getTranslation(r.reason().messageKey()))
                    + value));
        }
        if (report.rowsRejected() > rows.size()) {
            list.add(new ListItem(box.getTranslation("import.more-rejected", report.rowsRejected() - rows.size())));
        }
        Details details = new Details(box.getTranslation("import.show-rejected"), list);
        details.setId(idPrefix + "-rejected");
        box.add(details);
    }

    void hide() {
        getContent().setVisible(false);
    }
}
