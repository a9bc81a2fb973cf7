package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.imports.Mapping;
import nl.retentiewerkboek.imports.PreviewRow;
import nl.retentiewerkboek.imports.PurchaseImport;
import nl.retentiewerkboek.imports.PurchaseRead;
import nl.retentiewerkboek.imports.StagedUpload;
import nl.retentiewerkboek.metrics.LocaleNumbers;

/** The mapping step of a purchases upload (W5): customer, date, amount, order number and status. */
class PurchaseMappingStep extends MappingStep<Mapping, PurchaseRead> {

    private final Consumer<PurchaseImport> onUsed;

    PurchaseMappingStep(String idPrefix, ImportService imports, Consumer<PurchaseImport> onUsed, Runnable onCancelled) {
        super(idPrefix, imports, "mapping.kept", onCancelled);
        this.onUsed = onUsed;
    }

    @Override
    protected Supplier<PurchaseRead> reader(StagedUpload upload, Mapping mapping) {
        return imports.purchasesReader(upload, mapping);
    }

    @Override
    protected String systemText(PurchaseRead r) {
        Mapping m = r.mapping();
        String kind = getContent().getTranslation("import.kind." + m.preset().kind());
        return r.header().isEmpty()
                ? getContent().getTranslation("mapping.no-header")
                : m.preset().name().isEmpty()
                        ? getContent().getTranslation("import.system.own")
                        : getContent()
                                .getTranslation("import.system", m.preset().name(), kind);
    }

    @Override
    protected void showColumns(PurchaseRead r, Div columns) {
        Mapping m = r.mapping();
        int count = Math.max(r.columns(), r.header().size());
        IntFunction<String> name = columnName(r.header());
        columns.add(select("customer", count, name, m.customerColumn(), false, m::withCustomer));
        columns.add(select("date", count, name, m.date(), false, m::withDate));
        columns.add(select("amount", count, name, m.amountColumn(), true, m::withAmount));
        columns.add(select("order", count, name, m.order(), true, m::withOrder));
        if (!m.preset().rules().isEmpty()) {
            columns.add(select("status", count, name, m.status(), true, m::withStatus));
        }
        RadioButtonGroup<Mapping.DateChoice> dates = dateChoice(r.dateOrder(), m::withDates);
        if (dates != null) {
            columns.add(dates);
        }
    }

    @Override
    protected void showPreview(PurchaseRead r, Div preview) {
        if (r.preview().isEmpty()) {
            return;
        }
        Locale locale = getLocale();
        if (!r.mapping().complete()) {
            NativeTable table = previewTable(
                    preview,
                    rawHeadings(r.header(), Math.max(r.columns(), r.header().size())));
            r.preview().forEach(row -> rawRow(table, row.line(), row.fields()));
            return;
        }
        NativeTable table = previewTable(
                preview,
                List.of(
                        getContent().getTranslation("mapping.preview.line"),
                        getContent().getTranslation("mapping.column.customer"),
                        getContent().getTranslation("mapping.column.date"),
                        getContent().getTranslation("mapping.column.amount"),
                        getContent().getTranslation("mapping.preview.outcome")));
        for (PreviewRow row : r.preview()) {
            NativeTableRow tr = table.getBody().addRow();
            tr.add(
                    new NativeTableCell(Long.toString(row.line())),
                    new NativeTableCell(row.customer()),
                    new NativeTableCell(
                            row.date().map(d -> LocaleNumbers.date(d, locale)).orElse("")),
                    new NativeTableCell(
                            row.cents().isPresent()
                                    ? LocaleNumbers.eurosAndCents(
                                            BigDecimal.valueOf(row.cents().getAsLong(), 2), locale)
                                    : ""),
                    outcome(row.outcome(), row.reasonKey(), "mapping.outcome"));
        }
    }

    @Override
    protected void showReport(PurchaseRead r) {
        r.result()
                .ifPresentOrElse(
                        result -> report.showPurchases(result.report()),
                        () -> report.failed(r.failure().orElseThrow()));
    }

    @Override
    protected boolean usable(PurchaseRead r) {
        return r.result().isPresent();
    }

    @Override
    protected void used(StagedUpload upload) {
        onUsed.accept(imports.usePurchases(upload));
    }
}
