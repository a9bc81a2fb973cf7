package nl.retentiewerkboek.actionplan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
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

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "30", "end", "174"), NL, SavedAnswers.NEVER_SAVED);
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
        assertThat(suggestion.getElement().getTextRecursively()).contains("Je retentie is 72,0\u00a0%, onder de 80\u00a0%.");
        test($(Button.class).id("actieplan-suggestion-vertrekanalyse-add")).click();

        ActionPlan plan = stored();
        assertThat(plan.actions()).hasSize(1);
        assertThat(plan.actions().getFirst().title()).isEqualTo("Doe een vertrekanalyse: bel tien vertrokken klanten");
        assertThat(plan.actions().getFirst().why()).isEqualTo("Je retentie is 72,0\u00a0%, onder de 80\u00a0%.");
        assertThat(plan.actions().getFirst().department()).contains(Department.KLANTENSERVICE);
        assertThat(plan.actions().getFirst().today()).isEqualTo("72,0\u00a0%");
        assertThat($(Button.class).id("actieplan-suggestion-vertrekanalyse-add").isEnabled()).isFalse();

        test($(TextField.class).id("actieplan-action-0-owner")).setValue("Sanne");
        test($(Button.class).id("actieplan-add")).click();
        test($(TextField.class).id("actieplan-action-1-title")).setValue("Exitgesprek bij elke opzegging");
        test((Select<Object>) $(Select.class).id("actieplan-action-1-status")).selectItem("Bezig");
        test($(DatePicker.class).id("actieplan-action-1-deadline")).setValue(LocalDate.of(2026, 3, 1));
        test($(Button.class).id("actieplan-action-1-up")).click();

        plan = stored();
        assertThat(plan.actions()).extracting(a -> a.title())
                .containsExactly("Exitgesprek bij elke opzegging", "Doe een vertrekanalyse: bel tien vertrokken klanten");
        assertThat(plan.actions().getFirst().status()).isEqualTo(ActionStatus.BEZIG);
        assertThat(plan.actions().getFirst().deadline()).contains(LocalDate.of(2026, 3, 1));
        assertThat(plan.actions().get(1).owner()).isEqualTo("Sanne");

        test($(Button.class).id("actieplan-action-0-remove")).click();
        assertThat(stored().actions()).extracting(a -> a.title()).containsExactly("Doe een vertrekanalyse: bel tien vertrokken klanten");
    }

    @Test
    void the_re_measure_date_defaults_to_90_days_and_can_be_changed() {
        navigate(ActieplanView.class);
        DatePicker remeasure = $(DatePicker.class).id("actieplan-remeasure");
        assertThat(remeasure.getValue()).isEqualTo(LocalDate.now().plusDays(90));
        test(remeasure).setValue(LocalDate.now().plusDays(60));
        assertThat(stored().remeasure()).contains(LocalDate.now().plusDays(60));

        navigate(ActieplanView.class);
        assertThat($(DatePicker.class).id("actieplan-remeasure").getValue()).isEqualTo(LocalDate.now().plusDays(60));
    }

    @Test
    void the_pdf_can_be_downloaded_from_the_plan() {
        navigate(ActieplanView.class);
        Anchor pdf = $(Anchor.class).id("actieplan-pdf");
        assertThat(pdf.getHref()).isNotBlank();
        assertThat(pdf.getElement().getTextRecursively()).contains("Download PDF");
    }
}
