package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.charts.WorksheetCharts;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.LeaveReason;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Problem;
import nl.retentiewerkboek.metrics.Redenen;
import nl.retentiewerkboek.metrics.RedenenResult;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W6 Waarom klanten vertrekken: reasons with counts, frustration versus competitor, the top 3 and their owners. */
@Route("werkblad/redenen")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class RedenenView extends WorksheetView {

    private final Map<Integer, Select<LeaveReason>> reasons = new LinkedHashMap<>();
    private final Map<Integer, Div> rowBoxes = new LinkedHashMap<>();
    private final Map<Integer, Button> removeButtons = new LinkedHashMap<>();
    private final Div rows = new Div();
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Span total = resultValue("total");
    private final Span frustration = resultValue("frustration");
    private final Span competitor = resultValue("competitor");
    private final Span other = resultValue("other");
    private final Div topBox = new Div();
    private final Div chart = new Div();
    private Button add;

    RedenenView(WorkbookService workbook, LessonCatalogue catalogue) {
        super(Worksheet.REDENEN, workbook, catalogue);
    }

    @Override
    protected void buildForm(Div form) {
        Paragraph hint = new Paragraph(getTranslation("redenen.hint"));
        hint.addClassName("form-hint");
        rows.addClassName("reason-rows");
        add = new Button(getTranslation("redenen.add"), VaadinIcon.PLUS.create(), e -> {
            addRow(nextRow());
            rowBoxes.values().stream()
                    .reduce((a, b) -> b)
                    .ifPresent(box -> reasons.get(lastRow()).focus());
        });
        add.setId("redenen-add");
        add.addThemeVariants(ButtonVariant.TERTIARY);
        form.add(hint, rows, add);
    }

    private int nextRow() {
        return reasons.isEmpty() ? 0 : lastRow() + 1;
    }

    private int lastRow() {
        return reasons.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    private void addRow(int row) {
        Select<LeaveReason> reason = new Select<>();
        reason.setId("redenen-reason-" + row);
        reason.setLabel(getTranslation("redenen.reason"));
        reason.setItems(LeaveReason.values());
        reason.setItemLabelGenerator(
                r -> getTranslation("category." + r.category().key()) + ": " + getTranslation("reason." + r.key()));
        reason.setEmptySelectionAllowed(false);
        reason.addValueChangeListener(e -> {
            nameRemoveButtons();
            if (e.isFromClient()) {
                changed();
            }
        });
        TextField text = textField(Redenen.textField(row), "redenen-text-" + row, getTranslation("redenen.text"));
        TextField count = numberField(Redenen.countField(row), true);
        count.setId("redenen-count-" + row);
        count.setLabel(getTranslation("redenen.count"));
        count.setHelperText(null);
        count.addClassName("count-field");
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> removeRow(row));
        remove.setId("redenen-remove-" + row);
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        // the bin comes right after the reason it removes (never straight after typing) and says which one it is
        Div box = new Div(reason, remove, text, count);
        box.addClassName("reason-row");
        reasons.put(row, reason);
        rowBoxes.put(row, box);
        removeButtons.put(row, remove);
        rows.add(box);
        add.setEnabled(reasons.size() < Redenen.MAX_ROWS);
        nameRemoveButtons();
    }

    /** Each bin says which row it removes: "Reden 2 verwijderen: Prijs", numbered as the rows stand now. */
    private void nameRemoveButtons() {
        int position = 1;
        for (var entry : removeButtons.entrySet()) {
            LeaveReason chosen = reasons.get(entry.getKey()).getValue();
            String name = chosen == null
                    ? getTranslation("redenen.remove.unnamed")
                    : getTranslation("reason." + chosen.key());
            String label = getTranslation("redenen.remove", position++, name);
            entry.getValue().setAriaLabel(label);
            entry.getValue().setTooltipText(label);
        }
    }

    private void removeRow(int row) {
        rows.remove(rowBoxes.remove(row));
        reasons.remove(row);
        removeButtons.remove(row);
        nameRemoveButtons();
        forgetField(Redenen.textField(row));
        forgetField(Redenen.countField(row));
        add.setEnabled(true);
        changed();
    }

    @Override
    protected void buildResults(Section results) {
        message.addClassName("results-message");
        message.setId("redenen-message");
        figures.addClassName("result-grid");
        figures.add(
                tile("total", total),
                tile("frustration", frustration),
                tile("competitor", competitor),
                tile("other", other));
        topBox.setId("redenen-top");
        topBox.addClassName("band-box");
        chart.setId("redenen-chart");
        results.add(message, figures, topBox, chart);
    }

    @Override
    protected Map<String, String> currentValues() {
        Map<String, String> values = new LinkedHashMap<>(textValues());
        reasons.forEach((row, select) -> {
            if (select.getValue() != null) {
                values.put(Redenen.reasonField(row), select.getValue().key());
            }
        });
        return values;
    }

    @Override
    protected void applyOtherValues(Map<String, String> values) {
        for (Integer row : List.copyOf(reasons.keySet())) {
            rows.remove(rowBoxes.remove(row));
            reasons.remove(row);
            removeButtons.remove(row);
            forgetField(Redenen.textField(row));
            forgetField(Redenen.countField(row));
        }
        List<Integer> stored = Redenen.rows(values);
        if (stored.isEmpty()) {
            addRow(0);
            return;
        }
        for (int row : stored) {
            addRow(row);
            reasons.get(row)
                    .setValue(LeaveReason.fromKey(values.getOrDefault(Redenen.reasonField(row), ""))
                            .orElse(null));
            textValue(Redenen.textField(row), values.getOrDefault(Redenen.textField(row), ""));
            textValue(Redenen.countField(row), values.getOrDefault(Redenen.countField(row), ""));
        }
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        Evaluation<RedenenResult> evaluation = withCurrent(values).redenen();
        reasons.forEach((row, select) -> {
            showProblem(
                    Redenen.countField(row),
                    evaluation.problemOn(Redenen.countField(row)).orElse(null));
            boolean missing = evaluation.problemOn(Redenen.reasonField(row)).isPresent();
            select.setInvalid(missing);
            select.setErrorMessage(missing ? getTranslation("redenen.choose") : null);
        });
        boolean complete = evaluation.isComplete();
        figures.setVisible(complete);
        topBox.setVisible(complete);
        chart.setVisible(complete);
        message.setVisible(!complete);
        if (!complete) {
            // "no reasons yet" is what a fresh worksheet has: that asks for a reason, not for fixing messages
            boolean fieldErrors = evaluation.problems().stream()
                    .anyMatch(p -> p.problem().isError() && p.problem() != Problem.NO_REASONS);
            message.setText(getTranslation(fieldErrors ? "worksheet.fix-errors" : "redenen.waiting"));
            List.of(total, frustration, competitor, other).forEach(s -> s.setText(""));
            return;
        }
        RedenenResult r = evaluation.result().orElseThrow();
        total.setText(LocaleNumbers.whole(BigDecimal.valueOf(r.total()), locale));
        frustration.setText(LocaleNumbers.percent(r.share(LeaveReason.Category.FRUSTRATIE), locale));
        competitor.setText(LocaleNumbers.percent(r.share(LeaveReason.Category.CONCURRENT), locale));
        other.setText(LocaleNumbers.percent(r.share(LeaveReason.Category.OVERIG), locale));
        topBox.removeAll();
        Span label = new Span(getTranslation("redenen.top"));
        label.addClassName("result-label");
        OrderedList list = new OrderedList();
        for (RedenenResult.ReasonCount c : r.top()) {
            String name = getTranslation("reason." + c.reason().key())
                    + (c.description().isBlank() ? "" : " (" + c.description() + ")");
            String owner = c.reason()
                    .owner()
                    .map(d -> getTranslation("redenen.owner", getTranslation("department." + d.key())))
                    .orElse(getTranslation("redenen.no-owner"));
            list.add(new ListItem(getTranslation(
                    "redenen.top-item",
                    name,
                    LocaleNumbers.whole(BigDecimal.valueOf(c.count()), locale),
                    LocaleNumbers.percent(r.share(c.count()), locale),
                    owner)));
        }
        topBox.add(label, list);
        RedenenResult.ReasonCount first = r.top().getFirst();
        r.topFixable().filter(fixable -> !fixable.equals(first)).ifPresent(fixable -> {
            Paragraph start = new Paragraph(getTranslation(
                    "redenen.fixable",
                    getTranslation("reason." + first.reason().key()),
                    getTranslation("reason." + fixable.reason().key()),
                    LocaleNumbers.whole(BigDecimal.valueOf(fixable.count()), locale)));
            start.setId("redenen-fixable");
            topBox.add(start);
        });
        showChart(
                chart,
                WorksheetCharts.reasons(r, chartText()),
                getTranslation(
                        "redenen.chart.description", frustration.getText(), competitor.getText(), other.getText()),
                640,
                280);
    }
}
