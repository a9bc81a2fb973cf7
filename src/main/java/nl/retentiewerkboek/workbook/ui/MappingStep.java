package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import nl.retentiewerkboek.imports.ImportFailedException;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.imports.Mapping;
import nl.retentiewerkboek.imports.PreviewRow;
import nl.retentiewerkboek.imports.PurchaseImport;
import nl.retentiewerkboek.imports.PurchaseRead;
import nl.retentiewerkboek.imports.StagedUpload;
import nl.retentiewerkboek.metrics.LocaleNumbers;

/**
 * The mapping step after a purchases upload, before anything is stored: the system recognised, the column chosen for
 * each meaning (changeable), the date order where the file is ambiguous, the first rows as read, and the counts;
 * only then "use these". The uploaded file waits in a {@link StagedUpload} and is removed when the step ends.
 */
class MappingStep extends Composite<Div> {

    private final String idPrefix;
    private final ImportService imports;
    private final Consumer<PurchaseImport> onUsed;
    private final Runnable onCancelled;
    private final ImportReportPanel report;
    private final Div columns = new Div();
    private final Div preview = new Div();
    private final Paragraph system = new Paragraph();
    private final Button use;
    private final Paragraph reading = new Paragraph();
    private StagedUpload staged;
    private PurchaseRead read;
    private int generation;

    /** Re-reads with other columns; the service bounds how many run at once. */
    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    MappingStep(String idPrefix, ImportService imports, Consumer<PurchaseImport> onUsed, Runnable onCancelled) {
        this.idPrefix = idPrefix;
        this.imports = imports;
        this.onUsed = onUsed;
        this.onCancelled = onCancelled;
        this.report = new ImportReportPanel(idPrefix + "-mapping");
        Div box = getContent();
        box.setId(idPrefix + "-mapping");
        box.addClassName("mapping-step");
        H3 title = new H3(box.getTranslation("mapping.title"));
        Paragraph intro = new Paragraph(box.getTranslation("mapping.intro"));
        intro.addClassName("form-hint");
        system.setId(idPrefix + "-mapping-system");
        columns.addClassName("mapping-columns");
        preview.addClassName("mapping-preview");
        use = new Button(box.getTranslation("mapping.use"), e -> use());
        use.setId(idPrefix + "-mapping-use");
        use.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(box.getTranslation("mapping.cancel"), e -> cancel());
        cancel.setId(idPrefix + "-mapping-cancel");
        cancel.addThemeVariants(ButtonVariant.TERTIARY);
        Div buttons = new Div(use, cancel);
        buttons.addClassName("mapping-buttons");
        Paragraph kept = new Paragraph(box.getTranslation("mapping.kept"));
        kept.addClassName("form-hint");
        reading.setText(box.getTranslation("mapping.reading"));
        reading.setId(idPrefix + "-mapping-reading");
        reading.addClassName("form-hint");
        reading.setVisible(false);
        box.add(title, intro, system, columns, reading, preview, report, buttons, kept);
        box.setVisible(false);
    }

    /** Shows a fresh upload as first read (recognised or remembered columns). */
    void start(StagedUpload upload, PurchaseRead firstRead) {
        close();
        this.staged = upload;
        busy(false);
        show(firstRead);
        getContent().setVisible(true);
        getContent().scrollIntoView();
    }

    boolean isOpen() {
        return staged != null;
    }

    /**
     * Reads the file again with other columns, off the UI thread (a big file, or a wait for a turn, would otherwise
     * freeze every tab of the session); only the answer to the latest choice is shown.
     */
    private void reread(Mapping mapping) {
        UI ui = UI.getCurrent();
        StagedUpload upload = staged;
        int mine = ++generation;
        Supplier<PurchaseRead> reading;
        try {
            reading = imports.purchasesReader(upload, mapping); // who may read: checked here, signed in
        } catch (ImportFailedException e) {
            report.failed(e);
            use.setEnabled(false);
            return;
        }
        busy(true);
        READERS.execute(() -> {
            Object outcome;
            try {
                outcome = reading.get();
            } catch (ImportFailedException e) {
                outcome = e;
            } catch (RuntimeException e) {
                outcome = new ImportFailedException(ImportFailedException.Reason.UNREADABLE);
            }
            Object done = outcome;
            try {
                ui.access(() -> {
                    if (mine != generation || staged != upload) {
                        return; // a later choice, or the step was closed meanwhile
                    }
                    busy(false);
                    if (done instanceof PurchaseRead r) {
                        show(r);
                    } else {
                        report.failed((ImportFailedException) done);
                        use.setEnabled(false);
                    }
                });
            } catch (UIDetachedException e) {
                // the participant left the page: the step closed the file already
            }
        });
    }

    private void busy(boolean reading) {
        this.reading.setVisible(reading);
        columns.setEnabled(!reading);
        use.setEnabled(!reading && read != null && read.result().isPresent());
    }

    private void show(PurchaseRead r) {
        this.read = r;
        Locale locale = getLocale();
        Mapping m = r.mapping();
        String kind = getContent().getTranslation("import.kind." + m.preset().kind());
        system.setText(
                r.header().isEmpty()
                        ? getContent().getTranslation("mapping.no-header")
                        : m.preset().name().isEmpty()
                                ? getContent().getTranslation("import.system.own")
                                : getContent()
                                        .getTranslation(
                                                "import.system", m.preset().name(), kind));
        showColumns(r, m);
        showPreview(r, locale);
        r.result()
                .ifPresentOrElse(
                        result -> report.showPurchases(result.report()),
                        () -> report.failed(r.failure().orElseThrow()));
        use.setEnabled(r.result().isPresent());
    }

    private void showColumns(PurchaseRead r, Mapping m) {
        columns.removeAll();
        int count = Math.max(r.columns(), r.header().size());
        IntFunction<String> name = i -> i < 0
                ? getContent().getTranslation("mapping.column.none")
                : i < r.header().size() && !r.header().get(i).isBlank()
                        ? r.header().get(i)
                        : getContent().getTranslation("mapping.column.number", i + 1);
        columns.add(select("customer", count, name, m.customerColumn(), false, m::withCustomer));
        columns.add(select("date", count, name, m.date(), false, m::withDate));
        columns.add(select("amount", count, name, m.amountColumn(), true, m::withAmount));
        columns.add(select("order", count, name, m.order(), true, m::withOrder));
        if (!m.preset().rules().isEmpty()) {
            columns.add(select("status", count, name, m.status(), true, m::withStatus));
        }
        if (r.dateOrder().ambiguous()) {
            RadioButtonGroup<Mapping.DateChoice> dates =
                    new RadioButtonGroup<>(getContent().getTranslation("mapping.dates"));
            dates.setId(idPrefix + "-mapping-dates");
            dates.setItems(Mapping.DateChoice.DAY_FIRST, Mapping.DateChoice.MONTH_FIRST);
            dates.setItemLabelGenerator(c -> getContent()
                    .getTranslation(
                            c == Mapping.DateChoice.DAY_FIRST
                                    ? "mapping.dates.day-first"
                                    : "mapping.dates.month-first"));
            dates.setValue(r.dateOrder().monthFirst() ? Mapping.DateChoice.MONTH_FIRST : Mapping.DateChoice.DAY_FIRST);
            dates.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    reread(m.withDates(e.getValue()));
                }
            });
            columns.add(dates);
        }
    }

    private Select<Integer> select(
            String role,
            int count,
            IntFunction<String> name,
            int current,
            boolean optional,
            IntFunction<Mapping> with) {
        Select<Integer> select = new Select<>();
        select.setId(idPrefix + "-mapping-" + role);
        select.setLabel(getContent().getTranslation("mapping.column." + role));
        String help = getContent().getTranslation("mapping.column." + role + ".help");
        if (!help.startsWith("!")) {
            select.setHelperText(help);
        }
        List<Integer> items = new ArrayList<>();
        if (optional || current < 0) {
            items.add(-1);
        }
        for (int i = 0; i < count; i++) {
            items.add(i);
        }
        select.setItems(items);
        select.setItemLabelGenerator(name::apply);
        select.setValue(current);
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                reread(with.apply(e.getValue()));
            }
        });
        return select;
    }

    private void showPreview(PurchaseRead r, Locale locale) {
        preview.removeAll();
        if (r.preview().isEmpty()) {
            return;
        }
        preview.add(new H3(getContent().getTranslation("mapping.preview")));
        NativeTable table = new NativeTable();
        table.setId(idPrefix + "-mapping-preview");
        table.addClassName("customer-table");
        NativeTableRow head = table.getHead().addRow();
        boolean readable = r.mapping().complete();
        if (readable) {
            head.add(
                    new NativeTableHeaderCell(getContent().getTranslation("mapping.preview.line")),
                    new NativeTableHeaderCell(getContent().getTranslation("mapping.column.customer")),
                    new NativeTableHeaderCell(getContent().getTranslation("mapping.column.date")),
                    new NativeTableHeaderCell(getContent().getTranslation("mapping.column.amount")),
                    new NativeTableHeaderCell(getContent().getTranslation("mapping.preview.outcome")));
        } else {
            head.add(new NativeTableHeaderCell(getContent().getTranslation("mapping.preview.line")));
            int count = Math.max(r.columns(), r.header().size());
            for (int i = 0; i < Math.min(count, 8); i++) {
                head.add(new NativeTableHeaderCell(
                        i < r.header().size()
                                ? r.header().get(i)
                                : getContent().getTranslation("mapping.column.number", i + 1)));
            }
        }
        for (PreviewRow row : r.preview()) {
            NativeTableRow tr = table.getBody().addRow();
            tr.add(new NativeTableCell(Long.toString(row.line())));
            if (readable) {
                tr.add(
                        new NativeTableCell(row.customer()),
                        new NativeTableCell(row.date()
                                .map(d -> LocaleNumbers.date(d, locale))
                                .orElse("")),
                        new NativeTableCell(
                                row.cents().isPresent()
                                        ? LocaleNumbers.eurosAndCents(
                                                BigDecimal.valueOf(row.cents().getAsLong(), 2), locale)
                                        : ""),
                        outcome(row));
            } else {
                for (int i = 0; i < Math.min(row.fields().size(), 8); i++) {
                    tr.add(new NativeTableCell(cut(row.fields().get(i))));
                }
            }
        }
        Div scroll = new Div(table);
        scroll.addClassName("list-scroll");
        scroll.getElement().setAttribute("tabindex", "0");
        preview.add(scroll);
    }

    private NativeTableCell outcome(PreviewRow row) {
        String reason = row.reasonKey().isEmpty() ? "" : getContent().getTranslation(row.reasonKey());
        UnaryOperator<String> lower =
                s -> s.isEmpty() ? s : s.substring(0, 1).toLowerCase(getLocale()) + s.substring(1);
        NativeTableCell cell = new NativeTableCell(
                switch (row.outcome()) {
                    case USED -> getContent().getTranslation("mapping.outcome.used");
                    case SKIPPED -> getContent().getTranslation("mapping.outcome.skipped", lower.apply(reason));
                    case REJECTED -> getContent().getTranslation("mapping.outcome.rejected", reason);
                });
        cell.addClassName("outcome-" + row.outcome().name().toLowerCase(Locale.ROOT));
        return cell;
    }

    private static String cut(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private void use() {
        if (staged == null || read == null) {
            return;
        }
        try {
            PurchaseImport result = imports.usePurchases(staged);
            staged = null;
            read = null;
            getContent().setVisible(false);
            onUsed.accept(result);
        } catch (ImportFailedException e) {
            report.failed(e);
        }
    }

    private void cancel() {
        close();
        getContent().setVisible(false);
        onCancelled.run();
    }

    /** Removes the waiting file, if any. */
    void close() {
        generation++; // a read still running for the old file is not shown
        if (staged != null) {
            staged.close();
            staged = null;
        }
        read = null;
        busy(false);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        close();
        getContent().setVisible(false);
        super.onDetach(detachEvent);
    }
}
