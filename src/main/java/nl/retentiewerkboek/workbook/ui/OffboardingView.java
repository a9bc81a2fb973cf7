package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
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
import java.util.Map;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.Offboarding;
import nl.retentiewerkboek.metrics.OffboardingResult;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.Problem;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/** W8 Offboarding: the steps of a dignified goodbye, who owns them, when, and which are missing. */
@Route("werkblad/offboarding")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
class OffboardingView extends WorksheetView {

    private final Map<OffboardingStep, RadioButtonGroup<String>> used = new EnumMap<>(OffboardingStep.class);
    private final Map<OffboardingStep, Div> stepBoxes = new EnumMap<>(OffboardingStep.class);
    private final Paragraph message = new Paragraph();
    private final Div figures = new Div();
    private final Span inUse = resultValue("in-use");
    private final Div missingBox = new Div();

    OffboardingView(WorkbookService workbook, LessonCatalogue catalogue) {
        super(Worksheet.OFFBOARDING, workbook, catalogue);
    }

    @Override
    protected void buildForm(Div form) {
        for (OffboardingStep step : OffboardingStep.values()) {
            String key = step.key();
            Div box = new Div();
            box.addClassName("step-box");
            box.setId("offboarding-step-" + key);
            H3 title = new H3(getTranslation("step." + key));
            Paragraph explain = new Paragraph(getTranslation("step." + key + ".explain"));
            explain.addClassName("form-hint");
            RadioButtonGroup<String> group = new RadioButtonGroup<>();
            group.setId("offboarding-" + key + "-used");
            group.setLabel(getTranslation("offboarding.used"));
            group.setItems(Offboarding.YES, Offboarding.NO);
            group.setItemLabelGenerator(v -> getTranslation("offboarding." + v));
            group.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    changed();
                }
            });
            used.put(step, group);
            Div details = new Div(
                    textField(
                            Offboarding.ownerField(step),
                            "offboarding-" + key + "-owner",
                            getTranslation("offboarding.owner")),
                    textField(
                            Offboarding.timingField(step),
                            "offboarding-" + key + "-timing",
                            getTranslation("offboarding.timing")),
                    textArea(
                            Offboarding.noteField(step),
                            "offboarding-" + key + "-note",
                            getTranslation("offboarding.note")));
            details.addClassName("step-details");
            box.add(title, explain, group, details);
            stepBoxes.put(step, box);
            form.add(box);
        }
    }

    @Override
    protected void buildResults(Section results) {
        message.addClassName("results-message");
        message.setId("offboarding-message");
        figures.addClassName("result-grid");
        figures.add(tile("in-use", inUse));
        missingBox.setId("offboarding-missing");
        missingBox.addClassName("band-box");
        results.add(message, figures, missingBox);
    }

    @Override
    protected Map<String, String> currentValues() {
        Map<String, String> values = new LinkedHashMap<>(textValues());
        used.forEach((step, group) -> {
            if (group.getValue() != null) {
                values.put(Offboarding.usedField(step), group.getValue());
            }
        });
        return values;
    }

    @Override
    protected void applyOtherValues(Map<String, String> values) {
        used.forEach((step, group) -> {
            String value = values.get(Offboarding.usedField(step));
            group.setValue(Offboarding.YES.equals(value) || Offboarding.NO.equals(value) ? value : null);
        });
    }

    @Override
    protected void showResults(Map<String, String> values) {
        Evaluation<OffboardingResult> evaluation = withCurrent(values).offboarding();
        boolean complete = evaluation.isComplete();
        stepBoxes.forEach((step, box) -> box.removeClassName("missing"));
        figures.setVisible(complete);
        missingBox.setVisible(complete);
        message.setVisible(!complete);
        if (!complete) {
            long open = evaluation.problems().stream()
                    .filter(p -> p.problem() == Problem.REQUIRED)
                    .count();
            message.setText(getTranslation("offboarding.waiting", open));
            inUse.setText("");
            return;
        }
        OffboardingResult r = evaluation.result().orElseThrow();
        inUse.setText(getTranslation("offboarding.in-use.value", r.inUse(), r.total()));
        missingBox.removeAll();
        if (r.missing().isEmpty()) {
            missingBox.add(new Paragraph(getTranslation("offboarding.none-missing")));
            return;
        }
        Span label = new Span(getTranslation("offboarding.missing", r.missing().size()));
        label.addClassName("result-label");
        UnorderedList list = new UnorderedList();
        for (OffboardingStep step : r.missing()) {
            list.add(new ListItem(getTranslation("step." + step.key())));
            stepBoxes.get(step).addClassName("missing");
        }
        missingBox.add(label, list);
    }
}
