package nl.retentiewerkboek.actionplan.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import nl.retentiewerkboek.actionplan.ActionPlan;
import nl.retentiewerkboek.actionplan.ActionPlanService;
import nl.retentiewerkboek.actionplan.ActionStatus;
import nl.retentiewerkboek.actionplan.PlannedAction;
import nl.retentiewerkboek.actionplan.Suggestion;
import nl.retentiewerkboek.base.LocalizedFields;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.WorksheetView;

/**
 * W10 Actieplan: suggested actions with their reasons, the participant's own plan (edit, add,
 * reorder, remove), the re-measure date, and "Download PDF".
 */
@Route("werkblad/actieplan")
@Menu(title = "nav.actionplan", order = 10, icon = "vaadin:clipboard-check")
@RolesAllowed({AppRoles.DEELNEMER, AppRoles.TRAINER, AppRoles.BEHEERDER})
public class ActieplanView extends WorksheetView {

    /** Longest text in one field of an action. */
    static final int MAX_TEXT = 300;

    private final ActionPlanService plans;
    private final Clock clock;
    private final AccountService accounts;
    private final List<PlannedAction> actions = new ArrayList<>();
    /** Each action's own id (parallel to {@link #actions}): its answers are stored under it. */
    private final List<String> ids = new ArrayList<>();
    /** Whether the re-measure date was stored or picked (else the picker only shows the default). */
    private boolean remeasureChosen;

    private final Div cards = new Div();
    private final Div suggestionsBox = new Div();
    private final DatePicker remeasure = new DatePicker();
    private Button add;
    /** The offer to bring back the last removed action, while it shows. */
    private Notification undo;

    /** How long the offer to undo a removal shows. */
    private static final int UNDO_MILLIS = 10_000;

    public ActieplanView(
            WorkbookService workbook,
            LessonCatalogue catalogue,
            ActionPlanService plans,
            AccountService accounts,
            Clock clock) {
        this.clock = clock;
        super(Worksheet.ACTIEPLAN, workbook, catalogue);
        this.plans = plans;
        this.accounts = accounts;
    }

    @Override
    protected void buildForm(Div form) {
        Locale locale = getLocale();
        Anchor pdf = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = plans.myPlanPdf(locale);
                    String company = accounts.me().map(u -> u.company()).orElse(null);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            ActionPlanService.fileName(company, LocalDate.now(clock)),
                            "application/pdf",
                            bytes.length);
                }),
                "");
        pdf.setId("actieplan-pdf");
        pdf.getElement().setAttribute("download", true);
        pdf.addClassName("download-button");
        pdf.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("actieplan.pdf")));
        Paragraph pdfHint = new Paragraph(getTranslation("actieplan.pdf.hint"));
        pdfHint.addClassName("form-hint");

        remeasure.setId("actieplan-remeasure");
        remeasure.setLabel(getTranslation("actieplan.remeasure"));
        remeasure.setHelperText(getTranslation("actieplan.remeasure.help"));
        LocalizedFields.datePicker(remeasure, locale);
        remeasure.setMin(LocalDate.now(clock));
        remeasure.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                remeasureChosen = true;
                changed();
            }
        });
        Div top = new Div(pdf, pdfHint, remeasure);
        top.addClassName("plan-top");

        cards.addClassName("action-cards");
        cards.setId("actieplan-actions");
        add = new Button(getTranslation("actieplan.add"), VaadinIcon.PLUS.create(), e -> {
            actions.add(new PlannedAction(
                    "", Optional.empty(), "", Optional.empty(), "", "", "", ActionStatus.OPEN, "", ""));
            ids.add(ActionPlan.newId());
            showCards();
            changed();
        });
        add.setId("actieplan-add");
        add.addThemeVariants(ButtonVariant.TERTIARY);
        form.add(top, new H3(getTranslation("actieplan.actions")), cards, add);
    }

    @Override
    protected String resultsTitleKey() {
        return "actieplan.suggestions";
    }

    @Override
    protected void buildResults(Section results) {
        suggestionsBox.setId("actieplan-suggestions");
        results.add(suggestionsBox);
    }

    private void showSuggestions() {
        suggestionsBox.removeAll();
        List<Suggestion> suggestions = plans.mySuggestions(getLocale());
        Paragraph intro = new Paragraph(
                getTranslation(suggestions.isEmpty() ? "actieplan.suggestions.none" : "actieplan.suggestions.intro"));
        intro.addClassName("form-hint");
        suggestionsBox.add(intro);
        for (Suggestion s : suggestions) {
            Div card = new Div();
            card.addClassName("suggestion");
            card.setId("actieplan-suggestion-" + s.key());
            Span title = new Span(getTranslation(s.titleKey(), s.titleArgs().toArray()));
            title.addClassName("suggestion-title");
            Paragraph why = new Paragraph(getTranslation(s.whyKey(), s.whyArgs().toArray()));
            why.addClassName("suggestion-why");
            Span department =
                    new Span(getTranslation("department." + s.department().key()));
            department.addClassName("result-sub");
            boolean taken = actions.stream().anyMatch(a -> a.suggestion().equals(s.key()));
            Button take = new Button(
                    getTranslation(taken ? "actieplan.suggestion.added" : "actieplan.suggestion.add"),
                    VaadinIcon.PLUS.create(),
                    e -> {
                        actions.add(new PlannedAction(
                                title.getText(),
                                Optional.of(s.department()),
                                "",
                                Optional.of(ActionPlan.suggestedDeadline(
                                        LocalDate.now(clock), remeasureDate(), actions.size())),
                                getTranslation(s.kpiKey()),
                                s.today(),
                                s.target(),
                                ActionStatus.OPEN,
                                why.getText(),
                                s.key()));
                        ids.add(ActionPlan.newId());
                        showCards();
                        changed();
                    });
            take.setId("actieplan-suggestion-" + s.key() + "-add");
            take.setEnabled(!taken && actions.size() < ActionPlan.MAX_ACTIONS);
            take.addThemeVariants(ButtonVariant.SMALL);
            card.add(title, department, why, take);
            suggestionsBox.add(card);
        }
    }

    private void showCards() {
        cards.removeAll();
        if (actions.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("actieplan.empty"));
            none.addClassName("form-hint");
            cards.add(none);
        }
        for (int i = 0; i < actions.size(); i++) {
            cards.add(card(i));
        }
        add.setEnabled(actions.size() < ActionPlan.MAX_ACTIONS);
    }

    private Div card(int i) {
        PlannedAction a = actions.get(i);
        String id = "actieplan-action-" + i;
        Div card = new Div();
        card.addClassName("action-card");
        card.setId(id);
        Span number = new Span(getTranslation("actieplan.number", i + 1));
        number.addClassName("kicker");

        String key = ids.get(i);
        TextArea title = textArea(
                id + "-title",
                ActionPlan.key(key, "title"),
                "actieplan.action-title",
                a.title(),
                v -> update(i, x -> copy(x, v, null, null, null, null, null, null, null)));
        title.setRequiredIndicatorVisible(true);
        if (a.title().isBlank()) {
            title.setHelperText(getTranslation("actieplan.title.help"));
        }
        Select<Department> department = new Select<>();
        department.setId(id + "-department");
        department.setLabel(getTranslation("actieplan.department"));
        department.setItems(Department.values());
        department.setItemLabelGenerator(
                d -> d == null ? getTranslation("actieplan.department.none") : getTranslation("department." + d.key()));
        department.setEmptySelectionAllowed(true);
        department.setEmptySelectionCaption(getTranslation("actieplan.department.none"));
        department.setValue(a.department().orElse(null));
        department.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                update(
                        i,
                        x -> new PlannedAction(
                                x.title(),
                                Optional.ofNullable(e.getValue()),
                                x.owner(),
                                x.deadline(),
                                x.kpi(),
                                x.today(),
                                x.target(),
                                x.status(),
                                x.why(),
                                x.suggestion()));
            }
        });
        TextField owner = text(
                id + "-owner",
                ActionPlan.key(key, "owner"),
                "actieplan.owner",
                a.owner(),
                v -> update(i, x -> copy(x, null, v, null, null, null, null, null, null)));
        DatePicker deadline = new DatePicker(getTranslation("actieplan.deadline"));
        deadline.setId(id + "-deadline");
        LocalizedFields.datePicker(deadline, getLocale());
        deadline.setValue(a.deadline().orElse(null));
        deadline.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                update(
                        i,
                        x -> new PlannedAction(
                                x.title(),
                                x.department(),
                                x.owner(),
                                Optional.ofNullable(e.getValue()),
                                x.kpi(),
                                x.today(),
                                x.target(),
                                x.status(),
                                x.why(),
                                x.suggestion()));
            }
        });
        TextArea kpi = textArea(
                id + "-kpi",
                ActionPlan.key(key, "kpi"),
                "actieplan.kpi",
                a.kpi(),
                v -> update(i, x -> copy(x, null, null, v, null, null, null, null, null)));
        TextField today = text(
                id + "-today",
                ActionPlan.key(key, "today"),
                "actieplan.today",
                a.today(),
                v -> update(i, x -> copy(x, null, null, null, v, null, null, null, null)));
        TextField target = text(
                id + "-target",
                ActionPlan.key(key, "target"),
                "actieplan.target",
                a.target(),
                v -> update(i, x -> copy(x, null, null, null, null, v, null, null, null)));
        Select<ActionStatus> status = new Select<>();
        status.setId(id + "-status");
        status.setLabel(getTranslation("actieplan.status"));
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("status." + s.key()));
        status.setValue(a.status());
        status.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                update(
                        i,
                        x -> new PlannedAction(
                                x.title(),
                                x.department(),
                                x.owner(),
                                x.deadline(),
                                x.kpi(),
                                x.today(),
                                x.target(),
                                e.getValue(),
                                x.why(),
                                x.suggestion()));
            }
        });
        Div grid = new Div(department, owner, deadline, status, kpi, today, target);
        grid.addClassName("action-grid");

        Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> move(i, -1));
        up.setId(id + "-up");
        up.setAriaLabel(getTranslation("actieplan.up"));
        up.setEnabled(i > 0);
        Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> move(i, 1));
        down.setId(id + "-down");
        down.setAriaLabel(getTranslation("actieplan.down"));
        down.setEnabled(i < actions.size() - 1);
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> remove(i));
        remove.setId(id + "-remove");
        remove.setAriaLabel(getTranslation("actieplan.remove"));
        remove.addThemeVariants(ButtonVariant.ERROR);
        for (Button b : List.of(up, down, remove)) {
            b.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        }
        Div tools = new Div(up, down, remove);
        tools.addClassName("action-tools");
        Div head = new Div(number, tools);
        head.addClassName("action-head");
        card.add(head, title);
        if (!a.why().isBlank()) {
            Paragraph why = new Paragraph(a.why());
            why.addClassName("suggestion-why");
            card.add(why);
        }
        card.add(grid);
        return card;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (undo != null && !detachEvent.getUI().isClosing()) {
            undo.close(); // the action can only come back on this screen
        }
    }

    /** The re-measurement as the plan has it now: picked or stored, else the default. */
    private LocalDate remeasureDate() {
        LocalDate today = LocalDate.now(clock);
        return remeasure.getValue() == null ? today.plusDays(ActionPlan.DEFAULT_REMEASURE_DAYS) : remeasure.getValue();
    }

    /** Removes an action, and offers to bring it back (with all its fields, in its place) for a while. */
    private void remove(int i) {
        if (i >= actions.size()) {
            return;
        }
        PlannedAction removed = actions.remove(i);
        String removedId = ids.remove(i);
        showCards();
        changed();
        if (undo != null) {
            undo.close();
        }
        Notification notification = new Notification();
        notification.setId("actieplan-removed");
        notification.setDuration(UNDO_MILLIS);
        notification.setPosition(Notification.Position.BOTTOM_START);
        Span text = new Span(getTranslation(
                "actieplan.removed",
                removed.title().isBlank() ? getTranslation("actieplan.removed.untitled") : removed.title()));
        Button back = new Button(getTranslation("actieplan.undo"), VaadinIcon.ARROW_BACKWARD.create(), e -> {
            notification.close();
            if (!ids.contains(removedId) && actions.size() < ActionPlan.MAX_ACTIONS) {
                int place = Math.min(i, actions.size());
                actions.add(place, removed);
                ids.add(place, removedId);
                showCards();
                changed();
            }
        });
        back.setId("actieplan-undo");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        Div content = new Div(text, back);
        content.addClassName("undo-notice");
        notification.add(content);
        notification.getElement().setAttribute("role", "status");
        undo = notification;
        notification.open();
    }

    private TextField text(String id, String answerKey, String labelKey, String value, Consumer<String> onChange) {
        return input(new TextField(getTranslation(labelKey)), id, answerKey, value, onChange);
    }

    /** A text that may be long (the action, its KPI): the area grows with it, so the whole text is always in view. */
    private TextArea textArea(String id, String answerKey, String labelKey, String value, Consumer<String> onChange) {
        TextArea area = input(new TextArea(getTranslation(labelKey)), id, answerKey, value, onChange);
        area.setMinRows(1);
        area.addClassName("grow-area");
        return area;
    }

    private <F extends AbstractField<F, String> & HasValueChangeMode> F input(
            F field, String id, String answerKey, String value, Consumer<String> onChange) {
        if (field instanceof TextArea area) {
            area.setMaxLength(MAX_TEXT);
        } else if (field instanceof TextField text) {
            text.setMaxLength(MAX_TEXT);
        }
        field.setId(id);
        markField(field, answerKey);
        field.setValue(value == null ? "" : value);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(500);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(e.getValue());
            }
        });
        return field;
    }

    private static PlannedAction copy(
            PlannedAction x,
            String title,
            String owner,
            String kpi,
            String today,
            String target,
            Object unused1,
            Object unused2,
            Object unused3) {
        return new PlannedAction(
                title != null ? title : x.title(),
                x.department(),
                owner != null ? owner : x.owner(),
                x.deadline(),
                kpi != null ? kpi : x.kpi(),
                today != null ? today : x.today(),
                target != null ? target : x.target(),
                x.status(),
                x.why(),
                x.suggestion());
    }

    private void update(int i, UnaryOperator<PlannedAction> change) {
        if (i < actions.size()) {
            actions.set(i, change.apply(actions.get(i)));
            changed();
        }
    }

    private void move(int i, int delta) {
        int j = i + delta;
        if (j < 0 || j >= actions.size()) {
            return;
        }
        PlannedAction a = actions.get(i);
        actions.set(i, actions.get(j));
        actions.set(j, a);
        String id = ids.get(i);
        ids.set(i, ids.get(j));
        ids.set(j, id);
        showCards();
        changed();
    }

    @Override
    protected Map<String, String> currentValues() {
        return new ActionPlan(
                        List.copyOf(actions),
                        remeasureChosen ? Optional.ofNullable(remeasure.getValue()) : Optional.empty(),
                        List.copyOf(ids))
                .write();
    }

    @Override
    protected String describeField(String field) {
        String[] parts = field.split("\\.");
        if (parts.length == 3 && parts[0].equals("action")) {
            int place = ids.indexOf(parts[1]);
            String what = getTranslation("actieplan." + (parts[2].equals("title") ? "action-title" : parts[2]));
            String number = place < 0
                    ? getTranslation("actieplan.removed-action")
                    : getTranslation("actieplan.number", place + 1);
            return number + " · " + (what.startsWith("!") ? parts[2] : what);
        }
        if (field.equals(ActionPlan.REMEASURE)) {
            return getTranslation("actieplan.remeasure");
        }
        return super.describeField(field);
    }

    @Override
    protected void applyOtherValues(Map<String, String> values) {
        ActionPlan plan = ActionPlan.read(values);
        actions.clear();
        actions.addAll(plan.actions());
        ids.clear();
        ids.addAll(plan.ids());
        remeasureChosen = plan.remeasure().isPresent();
        remeasure.setValue(plan.remeasureOr(LocalDate.now(clock)));
        showCards();
    }

    @Override
    protected void showResults(Map<String, String> values) {
        showSuggestions();
    }
}
