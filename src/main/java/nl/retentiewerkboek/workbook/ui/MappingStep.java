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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import nl.retentiewerkboek.imports.ImportFailedException;
import nl.retentiewerkboek.imports.ImportReport;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.imports.Mapping;
import nl.retentiewerkboek.imports.PreviewRow;
import nl.retentiewerkboek.imports.StagedUpload;
import nl.retentiewerkboek.metrics.Worksheet;

/**
 * The mapping step after an upload, before anything is stored: the system recognised, the column chosen for each
 * meaning (changeable), the date order where the file is ambiguous, the first rows as read, and the counts; only then
 * "use these". The uploaded file waits in a {@link StagedUpload} and is removed when the step ends. What differs
 * between a purchases file (W5) and a survey file (W4) is in {@link PurchaseMappingStep} and
 * {@link SurveyMappingStep}.
 *
 * @param <M> the choice of columns
 * @param <R> the file as read with one choice
 */
abstract class MappingStep<M, R> extends Composite<Div> {

    protected final String idPrefix;
    protected final ImportService imports;
    protected final ImportReportPanel report;
    private final Runnable onCancelled;
    private final Div columns = new Div();
    private final Div preview = new Div();
    private final Paragraph system = new Paragraph();
    private final Button use;
    private final Paragraph reading = new Paragraph();
    private StagedUpload staged;
    private R read;
    private int generation;

    /** Re-reads with other columns; the service bounds how many run at once. */
    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    MappingStep(String idPrefix, ImportService imports, String keptKey, Runnable onCancelled) {
        this.idPrefix = idPrefix;
        this.imports = imports;
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
        Paragraph kept = new Paragraph(box.getTranslation(keptKey));
        kept.addClassName("form-hint");
        reading.setText(box.getTranslation("mapping.reading"));
        reading.setId(idPrefix + "-mapping-reading");
        reading.addClassName("form-hint");
        reading.setVisible(false);
        box.add(title, intro, system, columns, reading, preview, report, buttons, kept);
        box.setVisible(false);
    }

    /** The reading of the kept file with other columns; who may read is checked when this is called. */
    protected abstract Supplier<R> reader(StagedUpload upload, M mapping);

    /** What the step says it recognised. */
    protected abstract String systemText(R read);

    /** The choices of columns (and dates) for this read, each re-reading on a change. */
    protected abstract void showColumns(R read, Div columns);

    protected abstract void showPreview(R read, Div preview);

    /** The counts, or why the file cannot be used like this. */
    protected abstract void showReport(R read);

    protected abstract boolean usable(R read);

    /** "Use these": stores the file as last read; the step closes afterwards. */
    protected abstract void used(StagedUpload upload);

    /** An upload waiting in the mapping step, with how it was first read. */
    record Staged<R>(StagedUpload upload, R read) implements AutoCloseable {
        @Override
        public void close() {
            upload.close();
        }
    }

    /**
     * An upload box whose files come to this step: kept for the worksheet, read once with the columns found (or
     * remembered), then shown here.
     */
    UploadBox<Staged<R>> uploadBox(
            String id,
            String limitKey,
            Worksheet worksheet,
            Runnable beforeShown,
            Consumer<ImportFailedException> onFailure) {
        return new UploadBox<>(
                id,
                limitKey,
                (in, name) -> {
                    StagedUpload upload = imports.stage(worksheet, in, name);
                    try {
                        return new Staged<>(upload, reader(upload, null).get());
                    } catch (RuntimeException e) {
                        upload.close();
                        throw e;
                    }
                },
                staged -> {
                    beforeShown.run();
                    start(staged.upload(), staged.read());
                },
                failure -> {
                    close();
                    onFailure.accept(failure);
                });
    }

    /** Shows a fresh upload as first read (recognised or remembered columns). */
    void start(StagedUpload upload, R firstRead) {
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
    protected void reread(M mapping) {
        StagedUpload upload = staged;
        Supplier<R> reading;
        try {
            reading = reader(upload, mapping); // who may read: checked here, signed in
        } catch (ImportFailedException e) {
            report.failed(e);
            use.setEnabled(false);
            return;
        }
        reread(upload, reading, false);
    }

    /** Another sheet of a workbook, read with the columns found in it. */
    private void rereadSheet(int index) {
        StagedUpload upload = staged;
        Runnable choose;
        Supplier<R> reading;
        try {
            choose = imports.sheetChooser(upload, index); // checked here, signed in
            reading = reader(upload, null);
        } catch (ImportFailedException e) {
            report.failed(e);
            use.setEnabled(false);
            return;
        }
        reread(
                upload,
                () -> {
                    choose.run();
                    return reading.get();
                },
                true);
    }

    /** @param sheetChange whether another sheet is read: when that fails, the old sheet's columns no longer apply */
    private void reread(StagedUpload upload, Supplier<R> reading, boolean sheetChange) {
        UI ui = UI.getCurrent();
        int mine = ++generation;
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
                    if (done instanceof ImportFailedException failure) {
                        report.failed(failure);
                        if (sheetChange) {
                            // only the sheet can be chosen now, set to the sheet the file holds
                            read = null;
                            columns.removeAll();
                            sheetChoice();
                            preview.removeAll();
                        }
                        use.setEnabled(false);
                    } else {
                        @SuppressWarnings("unchecked")
                        R r = (R) done;
                        show(r);
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
        use.setEnabled(!reading && read != null && usable(read));
    }

    private void show(R r) {
        this.read = r;
        system.setText(systemText(r));
        columns.removeAll();
        sheetChoice();
        showColumns(r, columns);
        preview.removeAll();
        showPreview(r, preview);
        showReport(r);
        use.setEnabled(usable(r));
    }

    /** The choice of sheet, for a workbook of more than one. */
    private void sheetChoice() {
        List<String> sheets = staged == null ? List.of() : staged.sheets();
        if (sheets.size() > 1) {
            Select<Integer> sheet = new Select<>();
            sheet.setId(idPrefix + "-mapping-sheet");
            sheet.setLabel(getContent().getTranslation("mapping.sheet"));
            sheet.setHelperText(getContent().getTranslation("mapping.sheet.help", sheets.size()));
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < sheets.size(); i++) {
                items.add(i);
            }
            sheet.setItems(items);
            sheet.setItemLabelGenerator(i -> sheets.get(i).isBlank()
                    ? getContent().getTranslation("mapping.sheet.number", i + 1)
                    : sheets.get(i));
            sheet.setValue(staged.sheet());
            sheet.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    rereadSheet(e.getValue());
                }
            });
            columns.add(sheet);
        }
    }

    /** A column's name as the step shows it: the header's, or its number. */
    protected IntFunction<String> columnName(List<String> header) {
        return i -> i < 0
                ? getContent().getTranslation("mapping.column.none")
                : i < header.size() && !header.get(i).isBlank()
                        ? header.get(i)
                        : getContent().getTranslation("mapping.column.number", i + 1);
    }

    protected Select<Integer> select(
            String role, int count, IntFunction<String> name, int current, boolean optional, IntFunction<M> with) {
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

    /** The choice of day or month first, where the file's dates read both ways; null where they do not. */
    protected RadioButtonGroup<Mapping.DateChoice> dateChoice(
            ImportReport.DateOrder order, Function<Mapping.DateChoice, M> with) {
        if (!order.ambiguous()) {
            return null;
        }
        RadioButtonGroup<Mapping.DateChoice> dates =
                new RadioButtonGroup<>(getContent().getTranslation("mapping.dates"));
        dates.setId(idPrefix + "-mapping-dates");
        dates.setItems(Mapping.DateChoice.DAY_FIRST, Mapping.DateChoice.MONTH_FIRST);
        dates.setItemLabelGenerator(c -> getContent()
                .getTranslation(
                        c == Mapping.DateChoice.DAY_FIRST ? "mapping.dates.day-first" : "mapping.dates.month-first"));
        dates.setValue(order.monthFirst() ? Mapping.DateChoice.MONTH_FIRST : Mapping.DateChoice.DAY_FIRST);
        dates.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                reread(with.apply(e.getValue()));
            }
        });
        return dates;
    }

    /** The preview table with its heading, scrollable and reachable by keyboard; the caller fills its rows. */
    protected NativeTable previewTable(Div preview, List<String> headings) {
        preview.add(new H3(getContent().getTranslation("mapping.preview")));
        NativeTable table = new NativeTable();
        table.setId(idPrefix + "-mapping-preview");
        table.addClassName("customer-table");
        NativeTableRow head = table.getHead().addRow();
        for (String heading : headings) {
            head.add(new NativeTableHeaderCell(heading));
        }
        Div scroll = new Div(table);
        scroll.addClassName("list-scroll");
        scroll.getElement().setAttribute("tabindex", "0");
        preview.add(scroll);
        return table;
    }

    /** The headings of a preview of rows as written: the line and the first eight columns. */
    protected List<String> rawHeadings(List<String> header, int columnCount) {
        List<String> headings = new ArrayList<>();
        headings.add(getContent().getTranslation("mapping.preview.line"));
        IntFunction<String> name = columnName(header);
        for (int i = 0; i < Math.min(columnCount, 8); i++) {
            headings.add(name.apply(i));
        }
        return headings;
    }

    /** A row as written: its line and its first eight fields. */
    protected static void rawRow(NativeTable table, long line, List<String> fields) {
        NativeTableRow tr = table.getBody().addRow();
        tr.add(new NativeTableCell(Long.toString(line)));
        for (int i = 0; i < Math.min(fields.size(), 8); i++) {
            String text = fields.get(i);
            tr.add(new NativeTableCell(text.length() > 40 ? text.substring(0, 40) + "…" : text));
        }
    }

    /** What happens to a row, in words: {@code prefix.used} and {@code prefix.skipped} in the worksheet's words. */
    protected NativeTableCell outcome(PreviewRow.Outcome outcome, String reasonKey, String prefix) {
        String reason = reasonKey.isEmpty() ? "" : getContent().getTranslation(reasonKey);
        UnaryOperator<String> lower =
                s -> s.isEmpty() ? s : s.substring(0, 1).toLowerCase(getLocale()) + s.substring(1);
        NativeTableCell cell = new NativeTableCell(
                switch (outcome) {
                    case USED -> getContent().getTranslation(prefix + ".used");
                    case SKIPPED -> getContent().getTranslation(prefix + ".skipped", lower.apply(reason));
                    case REJECTED -> getContent().getTranslation("mapping.outcome.rejected", reason);
                });
        cell.addClassName("outcome-" + outcome.name().toLowerCase(Locale.ROOT));
        return cell;
    }

    private void use() {
        if (staged == null || read == null) {
            return;
        }
        try {
            StagedUpload upload = staged;
            used(upload);
            staged = null;
            read = null;
            getContent().setVisible(false);
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
