package nl.retentiewerkboek.actionplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.actionplan.ActionPlan;
import nl.retentiewerkboek.actionplan.ActionStatus;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ActieplanViewTest extends SpringBrowserlessTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    TestAccounts accounts;

    @Autowired
    WorkbookService workbook;

    /** The app's clock: "today" is the day in the app's time zone, which may be another than the JVM's. */
    @Autowired
    Clock clock;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "174"),
                NL,
                SavedAnswers.NEVER_SAVED);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private ActionPlan stored() {
        return ActionPlan.read(workbook.myAnswers(Worksheet.ACTIEPLAN, NL).values());
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_participant_takes_a_suggestion_edits_adds_reorders_and_removes_actions() {
        navigate(ActieplanView.class);
        Div suggestion = $(Div.class).id("actieplan-suggestion-vertrekanalyse");
        assertThat(suggestion.getElement().getTextRecursively())
                .contains("Je retentie is 72,0\u00a0%, onder de 80\u00a0%.");
        test($(Button.class).id("actieplan-suggestion-vertrekanalyse-add")).click();

        ActionPlan plan = stored();
        assertThat(plan.actions()).hasSize(1);
        assertThat(plan.actions().getFirst().title()).isEqualTo("Doe een vertrekanalyse: bel tien vertrokken klanten");
        assertThat(plan.actions().getFirst().why()).isEqualTo("Je retentie is 72,0\u00a0%, onder de 80\u00a0%.");
        assertThat(plan.actions().getFirst().department()).contains(Department.KLANTENSERVICE);
        assertThat(plan.actions().getFirst().today()).isEqualTo("72,0\u00a0%");
        assertThat($(Button.class).id("actieplan-suggestion-vertrekanalyse-add").isEnabled())
                .isFalse();

        test($(TextField.class).id("actieplan-action-0-owner")).setValue("Sanne");
        test($(Button.class).id("actieplan-add")).click();
        test($(TextArea.class).id("actieplan-action-1-title")).setValue("Exitgesprek bij elke opzegging");
        test((Select<Object>) $(Select.class).id("actieplan-action-1-status")).selectItem("Bezig");
        test($(DatePicker.class).id("actieplan-action-1-deadline")).setValue(LocalDate.of(2026, 3, 1));
        test($(Button.class).id("actieplan-action-1-up")).click();

        plan = stored();
        assertThat(plan.actions())
                .extracting(a -> a.title())
                .containsExactly(
                        "Exitgesprek bij elke opzegging", "Doe een vertrekanalyse: bel tien vertrokken klanten");
        assertThat(plan.actions().getFirst().status()).isEqualTo(ActionStatus.BEZIG);
        assertThat(plan.actions().getFirst().deadline()).contains(LocalDate.of(2026, 3, 1));
        assertThat(plan.actions().get(1).owner()).isEqualTo("Sanne");

        test($(Button.class).id("actieplan-action-0-remove")).click();
        assertThat(stored().actions())
                .extracting(a -> a.title())
                .containsExactly("Doe een vertrekanalyse: bel tien vertrokken klanten");
    }

    @Test
    void the_re_measure_date_defaults_to_90_days_and_can_be_changed() {
        navigate(ActieplanView.class);
        DatePicker remeasure = $(DatePicker.class).id("actieplan-remeasure");
        assertThat(remeasure.getValue()).isEqualTo(LocalDate.now(clock).plusDays(90));
        test(remeasure).setValue(LocalDate.now(clock).plusDays(60));
        assertThat(stored().remeasure()).contains(LocalDate.now(clock).plusDays(60));

        navigate(ActieplanView.class);
        assertThat($(DatePicker.class).id("actieplan-remeasure").getValue())
                .isEqualTo(LocalDate.now(clock).plusDays(60));
    }

    @Test
    void the_pdf_can_be_downloaded_from_the_plan() {
        navigate(ActieplanView.class);
        Anchor pdf = $(Anchor.class).id("actieplan-pdf");
        assertThat(pdf.getHref()).isNotBlank();
        assertThat(pdf.getElement().getTextRecursively()).contains("Download PDF");
    }

    private Map<String, String> storedValues() {
        return workbook.myAnswers(Worksheet.ACTIEPLAN, NL).values();
    }

    private String keyOf(String title, String field) {
        ActionPlan plan = stored();
        for (int i = 0; i < plan.actions().size(); i++) {
            if (plan.actions().get(i).title().equals(title)) {
                return ActionPlan.key(plan.ids().get(i), field);
            }
        }
        throw new AssertionError("no action " + title);
    }

    @Test
    void two_tabs_editing_different_actions_keep_both_and_each_screen_shows_what_is_stored() {
        navigate(ActieplanView.class);
        test($(Button.class).id("actieplan-add")).click();
        test($(TextArea.class).id("actieplan-action-0-title")).setValue("Exitgesprek bij elke opzegging");

        // another tab, loaded now: sets the owner of this action and adds one of its own
        Map<String, String> base = storedValues();
        Map<String, String> theirs = new HashMap<>(base);
        theirs.put(keyOf("Exitgesprek bij elke opzegging", "owner"), "Sanne");
        theirs.put(ActionPlan.key("bnieuw01", "title"), "Welkomstbelletje na de eerste aankoop");
        theirs.put(ActionPlan.key("bnieuw01", "order"), "1");
        theirs.put(ActionPlan.key("bnieuw01", "status"), "open");
        workbook.saveMyChanges(Worksheet.ACTIEPLAN, base, theirs, NL);

        // this tab, unaware, edits its KPI
        test($(TextArea.class).id("actieplan-action-0-kpi")).setValue("Opzeggers gesproken");

        ActionPlan plan = stored();
        assertThat(plan.actions())
                .extracting(a -> a.title())
                .containsExactly("Exitgesprek bij elke opzegging", "Welkomstbelletje na de eerste aankoop");
        assertThat(plan.actions().getFirst().owner()).isEqualTo("Sanne");
        assertThat(plan.actions().getFirst().kpi()).isEqualTo("Opzeggers gesproken");
        // this tab's screen now shows the other tab's work too
        assertThat($(TextField.class).id("actieplan-action-0-owner").getValue()).isEqualTo("Sanne");
        assertThat($(TextArea.class).id("actieplan-action-1-title").getValue())
                .isEqualTo("Welkomstbelletje na de eerste aankoop");
        assertThat($(Span.class).id("actieplan-save-status").getText()).isEqualTo("Opgeslagen");
    }

    @Test
    void removing_an_action_in_one_tab_keeps_the_action_the_other_tab_added() {
        navigate(ActieplanView.class);
        test($(Button.class).id("actieplan-add")).click();
        test($(TextArea.class).id("actieplan-action-0-title")).setValue("Oud plan");
        Map<String, String> base = storedValues();
        Map<String, String> theirs = new HashMap<>(base);
        theirs.put(ActionPlan.key("bnieuw02", "title"), "Nieuwe actie uit het andere tabblad");
        theirs.put(ActionPlan.key("bnieuw02", "order"), "1");
        workbook.saveMyChanges(Worksheet.ACTIEPLAN, base, theirs, NL);

        test($(Button.class).id("actieplan-action-0-remove")).click();

        assertThat(stored().actions())
                .extracting(a -> a.title())
                .containsExactly("Nieuwe actie uit het andere tabblad");
        assertThat($(TextArea.class).id("actieplan-action-0-title").getValue())
                .isEqualTo("Nieuwe actie uit het andere tabblad");
    }

    @Test
    void a_plan_stored_with_numbered_actions_reads_in_its_old_order_and_keeps_working() {
        workbook.saveMyAnswers(
                Worksheet.ACTIEPLAN,
                Map.of("action.0.title", "Eerste", "action.1.title", "Tweede", "action.10.title", "Elfde"),
                NL,
                workbook.myAnswers(Worksheet.ACTIEPLAN, NL).version());
        navigate(ActieplanView.class);
        assertThat($(TextArea.class).id("actieplan-action-2-title").getValue()).isEqualTo("Elfde");
        test($(TextField.class).id("actieplan-action-1-owner")).setValue("Piet");
        ActionPlan plan = stored();
        assertThat(plan.actions()).extracting(a -> a.title()).containsExactly("Eerste", "Tweede", "Elfde");
        assertThat(plan.actions().get(1).owner()).isEqualTo("Piet");
    }

    @Test
    void a_removed_action_comes_back_with_all_its_fields_when_undone() {
        navigate(ActieplanView.class);
        test($(Button.class).id("actieplan-add")).click();
        test($(TextArea.class).id("actieplan-action-0-title")).setValue("Bel elke opzegger binnen een week");
        test($(Button.class).id("actieplan-add")).click();
        test($(TextArea.class).id("actieplan-action-1-title")).setValue("Welkomstmail na de eerste aankoop");
        test($(TextField.class).id("actieplan-action-1-owner")).setValue("Sanne");
        String longKpi = "Aandeel nieuwe klanten dat binnen drie maanden een tweede keer bestelt, gemeten per kwartaal"
                + " uit de orderhistorie van de webwinkel en de kassa samen";
        test($(TextArea.class).id("actieplan-action-1-kpi")).setValue(longKpi);
        assertThat(stored().actions()).hasSize(2);

        test($(Button.class).id("actieplan-action-1-remove")).click();
        assertThat(stored().actions()).extracting(a -> a.title()).containsExactly("Bel elke opzegger binnen een week");
        Notification removed = $(Notification.class).id("actieplan-removed");
        assertThat(removed.isOpened()).isTrue();
        assertThat(removed.getElement().getTextRecursively())
                .contains("Actie verwijderd: Welkomstmail na de eerste aankoop", "Ongedaan maken");

        test($(Button.class).id("actieplan-undo")).click();
        assertThat(removed.isOpened()).isFalse();
        ActionPlan back = stored();
        assertThat(back.actions()).hasSize(2);
        assertThat(back.actions().get(1).title()).isEqualTo("Welkomstmail na de eerste aankoop");
        assertThat(back.actions().get(1).owner()).isEqualTo("Sanne");
        assertThat(back.actions().get(1).kpi()).isEqualTo(longKpi); // the whole text, in a growing area
        assertThat($(TextArea.class).id("actieplan-action-1-kpi").getValue()).isEqualTo(longKpi);
    }

    @Test
    void suggested_actions_are_due_two_weeks_apart_before_the_re_measurement() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        LocalDate remeasure = today.plusDays(90);
        // 90 days, the last deadline a week before: 83 days of room, five slots of 14 days (14, 28, 42, 56, 70)
        assertThat(ActionPlan.suggestedDeadline(today, remeasure, 0)).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(ActionPlan.suggestedDeadline(today, remeasure, 1)).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(ActionPlan.suggestedDeadline(today, remeasure, 4)).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(ActionPlan.suggestedDeadline(today, remeasure, 5)).isEqualTo(LocalDate.of(2026, 3, 16));
        // a re-measurement in ten days: the action is due on that day, not after it
        assertThat(ActionPlan.suggestedDeadline(today, today.plusDays(10), 0)).isEqualTo(LocalDate.of(2026, 3, 12));

        // nothing spent on keeping customers: the budget suggestion comes beside the one for the retention
        workbook.saveMyAnswers(
                Worksheet.DRAAIDEUR, Map.of("acquisition", "10.000", "retention", "0"), NL, SavedAnswers.NEVER_SAVED);
        navigate(ActieplanView.class);
        test($(Button.class).id("actieplan-suggestion-vertrekanalyse-add")).click();
        test($(Button.class).id("actieplan-suggestion-begroting-add")).click();
        assertThat(stored().actions())
                .extracting(a -> a.deadline().orElseThrow())
                .containsExactly(
                        LocalDate.now(clock).plusDays(14), LocalDate.now(clock).plusDays(28));
    }
}
