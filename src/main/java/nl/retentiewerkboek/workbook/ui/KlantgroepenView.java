package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.imports.ImportSummary;
import nl.retentiewerkboek.imports.PurchaseRead;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.Klantgroepen;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W5 Vier klantgroepen: typed counts, or an uploaded purchases export with lists and the start-month table. */
@Route("werkblad/klantgroepen")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class KlantgroepenView extends WorksheetView {

    private static final String TYPED = "typed";
    private static final int LIST_ROWS = 100;

    private final ImportService imports;
    private final RadioButtonGroup<String> source = new RadioButtonGroup<>();
    private final Div typedBox = new Div();
    private final Div uploadBox = new Div();
    private final Paragraph stored = new Paragraph();
    private final ImportReportPanel report = new ImportReportPanel("klantgroepen");
    private final Clock clock;
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Map<CustomerGroup, Span> counts = new EnumMap<>(CustomerGroup.class);
    private final Map<CustomerGroup, Span> details = new EnumMap<>(CustomerGroup.class);
    private final Span repeatRate = resultValue("repeat-rate");
    private final Div lists = new Div();
    private final Div startMonths = new Div();
    private Button delete;
    private PurchaseMappingStep mapping;

    KlantgroepenView(WorkbookService workbook, LessonCatalogue catalogue, ImportService imports, Clock clock) {
        super(Worksheet.KLANTGROEPEN, workbook, catalogue);
        this.clock = clock;
        this.imports = imports;
    }

    @Override
    protected void buildForm(Div form) {
        source.setId("klantgroepen-source");
        source.setLabel(getTranslation("klantgroepen.source"));
        source.setItems(TYPED, Workbook.SOURCE_UPLOAD);
        source.setItemLabelGenerator(v -> getTranslation("klantgroepen.source." + v));
        source.setValue(TYPED);
        source.addValueChangeListener(e -> {
            showMode();
            if (e.isFromClient()) {
                changed();
            }
        });
        form.add(source);

        // in the order the intro names them
        for (CustomerGroup group : CustomerGroup.SHOWN) {
            TextField field = numberField(Klantgroepen.countField(group), true);
            field.setId("klantgroepen-count-" + group.key());
            field.setLabel(getTranslation("klantgroepen.count." + group.key()));
            field.setHelperText(getTranslation("klantgroepen.count." + group.key() + ".help"));
            typedBox.add(field);
        }
        form.add(typedBox);

        Paragraph columns = new Paragraph(getTranslation("klantgroepen.upload.columns"));
        columns.addClassName("form-hint");
        Paragraph kept = new Paragraph(getTranslation("klantgroepen.upload.kept"));
        kept.addClassName("form-hint");
        mapping = new PurchaseMappingStep(
                "klantgroepen",
                imports,
                result -> {
                    report.showPurchases(result.report());
                    afterUpload();
                },
                () -> {
                    report.hide();
                    Notification.show(getTranslation("mapping.cancelled"), 4000, Notification.Position.BOTTOM_START);
                });
        UploadBox<MappingStep.Staged<PurchaseRead>> upload = mapping.uploadBox(
                "klantgroepen-upload", "import.limit.purchases", Worksheet.KLANTGROEPEN, report::hide, report::failed);
        stored.setId("klantgroepen-stored");
        stored.addClassName("form-hint");
        delete = new Button(getTranslation("klantgroepen.upload.delete"), VaadinIcon.TRASH.create(), e -> {
            imports.deleteMine(Worksheet.KLANTGROEPEN);
            report.hide();
            reloadContext();
            source.setValue(TYPED);
            changed();
        });
        delete.setId("klantgroepen-delete");
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        TextField peildatum =
                textField(Klantgroepen.PEILDATUM, "klantgroepen-peildatum", getTranslation("klantgroepen.peildatum"));
        peildatum.setHelperText(getTranslation("klantgroepen.peildatum.help"));
        TextField inactive = numberField(Klantgroepen.INACTIVE_DAYS, true);
        inactive.setPlaceholder(Integer.toString(Klantgroepen.DEFAULT_INACTIVE_DAYS));
        TextField loyal = numberField(Klantgroepen.LOYAL_FROM, true);
        loyal.setPlaceholder(Integer.toString(Klantgroepen.DEFAULT_LOYAL_FROM));
        Div parameters = new Div(peildatum, inactive, loyal);
        parameters.addClassName("parameters");
        uploadBox.add(columns, kept, upload, mapping, report, stored, delete, parameters);
        form.add(uploadBox);
    }

    private void afterUpload() {
        reloadContext();
        source.setValue(Workbook.SOURCE_UPLOAD);
        showMode();
        changed();
    }

    private void showMode() {
        boolean upload = Workbook.SOURCE_UPLOAD.equals(source.getValue());
        typedBox.setVisible(!upload);
        uploadBox.setVisible(upload);
        Optional<ImportSummary> summary = imports.mySummary(Worksheet.KLANTGROEPEN);
        delete.setVisible(summary.isPresent());
        stored.setVisible(summary.isPresent());
        summary.ifPresent(s -> stored.setText(getTranslation(
                "klantgroepen.stored",
                s.fileName(),
                LocaleNumbers.whole(BigDecimal.valueOf(s.rowsRead()), getLocale()),
                LocaleNumbers.whole(BigDecimal.valueOf(s.rowsRejected()), getLocale()),
                LocaleNumbers.whole(BigDecimal.valueOf(s.customers()), getLocale()),
                s.latestDate() == null ? "" : LocaleNumbers.date(s.latestDate(), getLocale()))));
    }

    @Override
    protected void buildResults(Section results) {
        message.addClassName("results-message");
        message.setId("klantgroepen-message");
        figures.addClassName("result-grid");
        for (CustomerGroup group : CustomerGroup.SHOWN) {
            Span count = resultValue(group.key());
            Span detail = new Span();
            detail.setId("klantgroepen-" + group.key() + "-detail");
            detail.addClassName("result-sub");
            counts.put(group, count);
            details.put(group, detail);
            Div tile = tile(group.key(), count);
            tile.add(detail);
            figures.add(tile);
        }
        figures.add(tile("repeat-rate", repeatRate));
        lists.setId("klantgroepen-lists");
        startMonths.setId("klantgroepen-start-months");
        startMonths.addClassName("start-month-table");
        results.add(message, figures, lists, startMonths);
    }

    @Override
    protected Map<String, String> currentValues() {
        Map<String, String> values = new LinkedHashMap<>(textValues());
        if (Workbook.SOURCE_UPLOAD.equals(source.getValue())) {
            values.put(Workbook.SOURCE, Workbook.SOURCE_UPLOAD);
        }
        return values;
    }

    @Override
    protected void applyOtherValues(Map<String, String> values) {
        source.setValue(Workbook.SOURCE_UPLOAD.equals(values.get(Workbook.SOURCE)) ? Workbook.SOURCE_UPLOAD : TYPED);
        showMode();
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        Workbook book = withCurrent(values);
        Evaluation<KlantgroepenResult> evaluation = book.klantgroepen();
        for (String field : List.of(Klantgroepen.PEILDATUM, Klantgroepen.INACTIVE_DAYS, Klantgroepen.LOYAL_FROM)) {
            showProblem(field, evaluation.problemOn(field).orElse(null));
        }
        for (CustomerGroup group : CustomerGroup.values()) {
            showProblem(
                    Klantgroepen.countField(group),
                    evaluation.problemOn(Klantgroepen.countField(group)).orElse(null));
        }
        boolean complete = book.klantgroepenComplete();
        figures.setVisible(complete);
        lists.setVisible(complete);
        startMonths.setVisible(complete);
        message.setVisible(!complete);
        if (!complete) {
            message.setText(getTranslation(
                    book.klantgroepenWaitsForUpload()
                            ? "klantgroepen.waiting-upload"
                            : evaluation.hasErrors() ? "worksheet.fix-errors" : "klantgroepen.waiting"));
            counts.values().forEach(s -> s.setText(""));
            repeatRate.setText("");
            return;
        }
        KlantgroepenResult r = evaluation.result().orElseThrow();
        for (CustomerGroup group : CustomerGroup.values()) {
            counts.get(group)
                    .setText(LocaleNumbers.whole(BigDecimal.valueOf(r.counts().get(group)), locale));
            String share = LocaleNumbers.percent(r.share(group), locale);
            details.get(group)
                    .setText(r.revenue(group)
                            .map(rev -> getTranslation(
                                    "klantgroepen.share-revenue", share, LocaleNumbers.euros(rev, locale)))
                            .orElse(getTranslation("klantgroepen.share", share)));
        }
        repeatRate.setText(LocaleNumbers.percent(r.repeatRate(), locale));
        showLists(r, locale);
        showStartMonths(r, locale);
    }

    private void showLists(KlantgroepenResult r, Locale locale) {
        lists.removeAll();
        if (r.peildatum().isEmpty()) {
            Paragraph hint = new Paragraph(getTranslation("klantgroepen.lists-need-upload"));
            hint.addClassName("form-hint");
            lists.add(hint);
            return;
        }
        lists.add(new Paragraph(getTranslation(
                "klantgroepen.peildatum.used",
                LocaleNumbers.date(r.peildatum().get(), locale),
                r.inactiveDays(),
                r.loyalFrom())));
        lists.add(list(
                "at-risk",
                getTranslation("klantgroepen.at-risk", r.atRisk().size(), r.inactiveDays()),
                "takeaway.file.at-risk",
                r.atRisk(),
                locale));
        lists.add(list(
                "reactivation",
                getTranslation("klantgroepen.reactivation", r.reactivation().size()),
                "takeaway.file.reactivation",
                r.reactivation(),
                locale));
    }

    private Div list(
            String id, String title, String fileKey, List<KlantgroepenResult.Listed> customers, Locale locale) {
        Div box = new Div();
        box.setId("klantgroepen-" + id);
        box.addClassName("customer-list");
        box.add(new H3(title));
        if (customers.isEmpty()) {
            box.add(new Paragraph(getTranslation("klantgroepen.list-empty")));
            return box;
        }
        NativeTable table = new NativeTable();
        table.addClassName("customer-table");
        NativeTableRow head = table.getHead().addRow();
        head.add(
                new NativeTableHeaderCell(getTranslation("klantgroepen.customer")),
                new NativeTableHeaderCell(getTranslation("klantgroepen.days-since")),
                new NativeTableHeaderCell(getTranslation("klantgroepen.purchases")));
        for (KlantgroepenResult.Listed customer : customers.subList(0, Math.min(LIST_ROWS, customers.size()))) {
            NativeTableRow row = table.getBody().addRow();
            row.add(
                    new NativeTableCell(customer.id()),
                    new NativeTableCell(LocaleNumbers.whole(BigDecimal.valueOf(customer.daysSinceLast()), locale)),
                    new NativeTableCell(LocaleNumbers.whole(BigDecimal.valueOf(customer.purchases()), locale)));
        }
        // the list scrolls in its own box: reachable with the keyboard, named for a screen reader
        Div scroll = new Div(table);
        scroll.addClassName("list-scroll");
        scroll.getElement().setAttribute("tabindex", "0");
        scroll.getElement().setAttribute("role", "region");
        scroll.getElement().setAttribute("aria-label", title);
        box.add(scroll);
        if (customers.size() > LIST_ROWS) {
            box.add(new Paragraph(getTranslation("klantgroepen.list-more", LIST_ROWS, customers.size())));
        }
        box.add(new TakeAwayLinks(
                "klantgroepen-" + id + "-download",
                getTranslation(fileKey),
                List.of(
                        getTranslation("klantgroepen.customer"),
                        getTranslation("klantgroepen.days-since"),
                        getTranslation("klantgroepen.purchases")),
                () -> listRows(customers),
                locale,
                LocalDate.now(clock)));
        return box;
    }

    /** The whole list, not only the rows on screen. */
    private static List<List<Object>> listRows(List<KlantgroepenResult.Listed> customers) {
        List<List<Object>> rows = new ArrayList<>(customers.size());
        for (KlantgroepenResult.Listed customer : customers) {
            rows.add(List.of(customer.id(), customer.daysSinceLast(), customer.purchases()));
        }
        return rows;
    }

    private void showStartMonths(KlantgroepenResult r, Locale locale) {
        startMonths.removeAll();
        if (r.startMonths().isEmpty()) {
            return;
        }
        startMonths.add(new H3(getTranslation("klantgroepen.start-months")));
        Paragraph explain = new Paragraph(getTranslation("klantgroepen.start-months.explain"));
        explain.addClassName("form-hint");
        NativeTable table = new NativeTable();
        table.addClassName("heatmap");
        NativeTableRow headRow = table.getHead().addRow();
        headRow.add(
                new NativeTableHeaderCell(getTranslation("klantgroepen.start-month.month")),
                new NativeTableHeaderCell(getTranslation("klantgroepen.start-month.size")));
        for (int k = 0; k < Klantgroepen.START_MONTH_COLUMNS; k++) {
            headRow.add(new NativeTableHeaderCell("M" + k));
        }

        for (KlantgroepenResult.StartMonthRow row : r.startMonths()) {
            NativeTableRow tr = table.getBody().addRow();
            NativeTableHeaderCell th = new NativeTableHeaderCell(LocaleNumbers.month(row.month(), locale));
            th.getElement().setAttribute("scope", "row");
            tr.add(th, new NativeTableCell(LocaleNumbers.whole(BigDecimal.valueOf(row.customers()), locale)));
            for (Optional<BigDecimal> share : row.shares()) {
                NativeTableCell cell = new NativeTableCell(
                        share.map(s -> LocaleNumbers.wholePercent(s, locale)).orElse(""));
                share.ifPresentOrElse(
                        s -> {
                            int level = Math.min(
                                    5,
                                    s.divide(BigDecimal.valueOf(20), 0, RoundingMode.CEILING)
                                            .intValue());
                            cell.addClassName("heat-" + level);
                        },
                        () -> cell.addClassName("heat-none"));
                tr.add(cell);
            }
        }
        // all twelve months stay in the table: on a narrow screen the box scrolls sideways, also with the arrow keys
        Div scroll = new Div(table);
        scroll.setId("klantgroepen-heatmap-scroll");
        scroll.addClassName("table-scroll");
        scroll.addClassName("heatmap-scroll");
        scroll.getElement().setAttribute("tabindex", "0");
        scroll.getElement().setAttribute("role", "region");
        scroll.getElement().setAttribute("aria-label", getTranslation("klantgroepen.start-months.scroll"));
        startMonths.add(explain, scroll);
    }
}
