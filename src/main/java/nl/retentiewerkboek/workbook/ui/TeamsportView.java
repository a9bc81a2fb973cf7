package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.charts.WorksheetCharts;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Problem;
import nl.retentiewerkboek.metrics.Teamsport;
import nl.retentiewerkboek.metrics.TeamsportResult;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W7 Klantbehoud is teamsport: eight departments scored 1–5. */
@Route("werkblad/teamsport")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class TeamsportView extends WorksheetView {

    private static final List<Integer> SCORES = List.of(1, 2, 3, 4, 5);

    private final Map<Department, RadioButtonGroup<Integer>> groups = new EnumMap<>(Department.class);
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Span average = resultValue("average");
    private final Div weakestBox = new Div();
    private final Div chart = new Div();

    TeamsportView(WorkbookService workbook, LessonCatalogue catalogue) {
        super(Worksheet.TEAMSPORT, workbook, catalogue);
    }

    @Override
    protected void buildForm(Div form) {
        Paragraph scale = new Paragraph(getTranslation("teamsport.scale"));
        scale.addClassName("form-hint");
        form.add(scale);
        for (Department department : Department.values()) {
            RadioButtonGroup<Integer> group = new RadioButtonGroup<>();
            group.setId("teamsport-" + department.key());
            String name = getTranslation("department." + department.key());
            String question = getTranslation("teamsport.question." + department.key());
            group.setAriaLabel(name + ": " + question);
            group.setItems(SCORES);
            Span title = new Span(name);
            title.addClassName("score-title");
            Paragraph text = new Paragraph(question);
            text.addClassName("form-hint");
            Div box = new Div(title, text, group);
            box.addClassName("score-group");
            group.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    changed();
                }
            });
            groups.put(department, group);
            form.add(box);
        }
    }

    @Override
    protected void buildResults(Section results) {
        message.addClassName("results-message");
        message.setId("teamsport-message");
        figures.addClassName("result-grid");
        figures.add(tile("average", average));
        weakestBox.setId("teamsport-weakest");
        weakestBox.addClassName("band-box");
        chart.setId("teamsport-chart");
        results.add(message, figures, weakestBox, chart);
    }

    @Override
    protected Map<String, String> currentValues() {
        Map<String, String> values = new LinkedHashMap<>();
        groups.forEach((department, group) -> {
            if (group.getValue() != null) {
                values.put(Teamsport.field(department), group.getValue().toString());
            }
        });
        return values;
    }

    @Override
    protected void applyOtherValues(Map<String, String> values) {
        groups.forEach((department, group) -> {
            String value = values.get(Teamsport.field(department));
            Integer score = value != null && value.matches("[1-5]") ? Integer.valueOf(value) : null;
            group.setValue(score);
        });
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Locale locale = getLocale();
        Evaluation<TeamsportResult> evaluation = withCurrent(values).teamsport();
        boolean complete = evaluation.isComplete();
        figures.setVisible(complete);
        weakestBox.setVisible(complete);
        chart.setVisible(complete);
        message.setVisible(!complete);
        if (!complete) {
            long open = evaluation.problems().stream()
                    .filter(p -> p.problem() == Problem.REQUIRED)
                    .count();
            message.setText(getTranslation("teamsport.waiting", open));
            average.setText("");
            return;
        }
        TeamsportResult r = evaluation.result().orElseThrow();
        average.setText(LocaleNumbers.decimal(r.average(), 1, locale));
        weakestBox.removeAll();
        int shown = r.weakest().size();
        boolean tied = shown > 2;
        Span label = new Span(
                shown == Department.values().length
                        ? getTranslation("teamsport.weakest.all")
                        : tied ? getTranslation("teamsport.weakest.tied", shown) : getTranslation("teamsport.weakest"));
        label.addClassName("result-label");
        UnorderedList list = new UnorderedList();
        for (Department department : r.weakest()) {
            list.add(new ListItem(getTranslation(
                    "teamsport.weak-item",
                    getTranslation("department." + department.key()),
                    r.scores().get(department))));
        }
        weakestBox.add(label, list);
        if (tied && shown < Department.values().length) {
            Paragraph tie = new Paragraph(getTranslation("teamsport.weakest.tie"));
            tie.setId("teamsport-tie");
            weakestBox.add(tie);
        }
        weakestBox.add(new Paragraph(getTranslation("teamsport.weakest.advice")));
        StringBuilder description = new StringBuilder(getTranslation("teamsport.chart.description"));
        for (Department department : Department.values()) {
            description
                    .append(' ')
                    .append(getTranslation("department." + department.key()))
                    .append(' ')
                    .append(r.scores().get(department))
                    .append(';');
        }
        showChart(chart, WorksheetCharts.teamScores(r, chartText()), description.toString(), 640, 340);
    }
}
