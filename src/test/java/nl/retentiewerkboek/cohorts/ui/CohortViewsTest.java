package nl.retentiewerkboek.cohorts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.cohorts.CohortOverview;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.Offboarding;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.Redenen;
import nl.retentiewerkboek.metrics.Teamsport;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.Throttle;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.WorkbookView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CohortViewsTest extends SpringBrowserlessTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    TestAccounts accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    Throttle throttle;

    @Autowired
    Clock clock;

    /** Browserless views share one made-up session and address: each test starts with no failed codes counted. */
    @BeforeEach
    void freshLimits() {
        throttle.forgetAll();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void open(Class<? extends Component> view, Map<String, String> parameters) {
        try {
            navigate(view, parameters);
        } catch (IllegalArgumentException redirected) {
            // navigation ended elsewhere: what getCurrentView() shows
        }
    }

    @Test
    void a_trainer_creates_a_cohort_sees_a_participant_join_and_opens_their_workbook_read_only() {
        Account trainer = accounts.create(Role.TRAINER);
        TestAccounts.signIn(trainer);
        navigate(CohortsView.class);
        test($(TextField.class).id("cohort-new-name")).setValue("Masterclass maart");
        test($(Button.class).id("cohort-new-create")).click();
        assertThat(getCurrentView()).isInstanceOf(CohortDashboardView.class);
        String code = $(Span.class).id("cohort-code").getText();
        assertThat(code).hasSize(8);
        assertThat($(Paragraph.class).id("dashboard-empty").getText()).isEqualTo("Nog geen deelnemers in deze groep.");

        Account participant = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(participant);
        cohorts.join(code);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "190"),
                NL,
                SavedAnswers.NEVER_SAVED);

        // W6: service 6, price 4, moved 1; W7: every department 3 but Marketing 2; W8: only cancelling in use
        Map<String, String> reasons = new HashMap<>();
        String[][] rows = {{"service", "6"}, {"prijs", "4"}, {"verhuisd", "1"}};
        for (int i = 0; i < rows.length; i++) {
            reasons.put(Redenen.reasonField(i), rows[i][0]);
            reasons.put(Redenen.countField(i), rows[i][1]);
        }
        workbook.saveMyAnswers(Worksheet.REDENEN, reasons, NL, SavedAnswers.NEVER_SAVED);
        Map<String, String> team = new HashMap<>();
        for (Department d : Department.values()) {
            team.put(Teamsport.field(d), d == Department.MARKETING ? "2" : "3");
        }
        workbook.saveMyAnswers(Worksheet.TEAMSPORT, team, NL, SavedAnswers.NEVER_SAVED);
        Map<String, String> steps = new HashMap<>();
        for (OffboardingStep step : OffboardingStep.values()) {
            steps.put(Offboarding.usedField(step), step == OffboardingStep.OPZEGGEN ? "ja" : "nee");
        }
        workbook.saveMyAnswers(Worksheet.OFFBOARDING, steps, NL, SavedAnswers.NEVER_SAVED);

        TestAccounts.signIn(trainer);
        long cohortId = cohorts.myCohorts(NL).getFirst().id();
        navigate(CohortDashboardView.class, Map.of("cohortId", Long.toString(cohortId)));
        assertThat($(Span.class).id("cohort-count").getText()).isEqualTo("1 deelnemer");

        navigate(
                ParticipantView.class,
                Map.of("cohortId", Long.toString(cohortId), "participantId", Long.toString(participant.id())));
        assertThat($(Div.class).id("participant-retentiemeter").getElement().getTextRecursively())
                .contains("80,0\u00a0%", "41,0\u00a0%");
        assertThat($(Div.class).id("participant-actions").getElement().getTextRecursively())
                .contains("Nog geen acties gekozen.");
        // W6, W7 and W8 as their worksheets show them: 6 + 4 + 1 = 11 customers, frustration 6/11 = 54,5 %,
        // competitor 4/11 = 36,4 %, other 1/11 = 9,1 %; (7 × 3 + 2) / 8 = 23 / 8 = 2,875 → 2,9; 1 of 7 steps
        assertThat($(Div.class).id("participant-redenen").getElement().getTextRecursively())
                .contains("Waarom klanten vertrekken", "11", "54,5\u00a0%", "36,4\u00a0%", "9,1\u00a0%")
                .contains("service: 6 klanten (54,5\u00a0%), ligt bij Klantenservice");
        assertThat($(Div.class).id("participant-teamsport").getElement().getTextRecursively())
                .contains("Klantbehoud is teamsport", "Gemiddelde score", "2,9", "Marketing: score 2");
        assertThat($(Div.class).id("participant-offboarding").getElement().getTextRecursively())
                .contains("Een waardig afscheid van een klant", "1 van de 7", "Exitgesprek", "De deur openhouden");

        navigate(CohortDashboardView.class, Map.of("cohortId", Long.toString(cohortId)));
        test($(Button.class).id("cohort-joining")).click();
        assertThat(cohorts.joinInfo(code))
                .hasValueSatisfying(info -> assertThat(info.open()).isFalse());
        test($(Button.class).id("cohort-regenerate")).click();
        assertThat(cohorts.joinInfo(code)).isEmpty();
    }

    @Test
    void a_trainer_lands_on_their_groups_and_a_worksheet_address_opens_their_demo_worksheet() {
        for (Role coach : List.of(Role.TRAINER, Role.BEHEERDER)) {
            TestAccounts.signIn(accounts.create(coach));
            navigate("", CohortsView.class);
            assertThat(getCurrentView()).as(coach + " home").isInstanceOf(CohortsView.class);
            assertThat($(Div.class).id("cohorts-demo").getElement().getTextRecursively())
                    .as("the way to the demo workbook")
                    .contains("telt in geen enkele groep mee");
            test($(Button.class).id("cohorts-demo-open")).click();
            assertThat(getCurrentView()).as(coach + " opening the demo").isInstanceOf(WorkbookView.class);
            assertThat($(Div.class).id("demo-banner").getElement().getTextRecursively())
                    .contains("Demo-werkboek", "niets hiervan telt mee");

            Component w1 = navigate("werkblad/retentiemeter", Component.class);
            assertThat(w1.getId()).as(coach + " opening W1").hasValue(Worksheet.RETENTIEMETER.id());
            assertThat($(Div.class).withId("demo-banner").exists())
                    .as(coach + " W1 says demo")
                    .isTrue();
        }
    }

    @Test
    void on_the_day_itself_who_seems_stuck_is_named_and_marked_in_words() {
        Account trainer = accounts.create(Role.TRAINER);
        TestAccounts.signIn(trainer);
        long cohortId = cohorts.createMyCohort("Vandaag", LocalDate.now(clock), null);
        String code = cohorts.cohort(cohortId, NL).joinCode();
        Account idle = accounts.create(Role.DEELNEMER);
        Account busy = accounts.create(Role.DEELNEMER);
        for (Account p : List.of(idle, busy)) {
            TestAccounts.signIn(p);
            cohorts.join(code);
        }
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER, Map.of("start", "200"), NL, SavedAnswers.NEVER_SAVED); // busy works now

        TestAccounts.signIn(trainer);
        navigate(CohortDashboardView.class, Map.of("cohortId", Long.toString(cohortId)));
        String idleName = cohorts.cohort(cohortId, NL).participants().stream()
                .filter(r -> r.id() == idle.id())
                .findFirst()
                .orElseThrow()
                .name();
        assertThat($(Paragraph.class).id("dashboard-stuck").getText())
                .isEqualTo("Lijkt vast te zitten (10 minuten of langer niets gedaan): " + idleName);
        @SuppressWarnings("unchecked")
        var grid = test((Grid<CohortOverview.ParticipantRow>) $(Grid.class).id("dashboard-grid"));
        assertThat(grid.size()).isEqualTo(2);
        for (int i = 0; i < grid.size(); i++) {
            String activity = grid.getCellComponent(i, 3).getElement().getTextRecursively();
            if (grid.getRow(i).id() == idle.id()) {
                // not by colour alone: the word on screen, and what it means for a screen reader
                assertThat(activity)
                        .as("not by colour alone")
                        .startsWith("vastgelopen")
                        .contains("Lijkt vastgelopen: 10 minuten of langer niets gedaan");
                assertThat(grid.getCellComponent(i, 3).getElement().getOuterHTML())
                        .as("a sign beside the word")
                        .contains("vaadin:warning");
            } else {
                assertThat(activity).isEqualTo("zojuist");
            }
        }
    }

    @Test
    void another_trainer_or_a_participant_cannot_open_a_dashboard_or_a_participant() {
        Account trainer = accounts.create(Role.TRAINER);
        Account other = accounts.create(Role.TRAINER);
        Account participant = accounts.create(Role.DEELNEMER);
        long cohortId = accounts.cohortOf(trainer, participant);
        Map<String, String> dashboard = Map.of("cohortId", Long.toString(cohortId));
        Map<String, String> person =
                Map.of("cohortId", Long.toString(cohortId), "participantId", Long.toString(participant.id()));

        TestAccounts.signIn(other);
        open(CohortDashboardView.class, dashboard);
        assertThat(getCurrentView()).isNotInstanceOf(CohortDashboardView.class);
        open(ParticipantView.class, person);
        assertThat(getCurrentView()).isNotInstanceOf(ParticipantView.class);
        open(CohortDashboardView.class, Map.of("cohortId", "987654321"));
        assertThat(getCurrentView()).isNotInstanceOf(CohortDashboardView.class);

        TestAccounts.signIn(participant);
        open(CohortDashboardView.class, dashboard);
        assertThat(getCurrentView()).isNotInstanceOf(CohortDashboardView.class);
    }

    @Test
    void an_unknown_code_gets_a_clear_message_and_a_participant_joins_with_one_click() {
        Account trainer = accounts.create(Role.TRAINER);
        TestAccounts.signIn(trainer);
        long cohortId = cohorts.createMyCohort("Masterclass april", null, null);
        String code = cohorts.cohort(cohortId, NL).joinCode();

        Account participant = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(participant);
        navigate(JoinView.class, Map.of("code", "ONBEKEND"));
        assertThat($(Paragraph.class).id("join-problem").getText())
                .isEqualTo("Deze groepscode kennen we niet. Controleer de code bij je trainer.");

        navigate(JoinView.class, Map.of("code", code));
        test($(Button.class).id("join-existing")).click();
        TestAccounts.signIn(trainer);
        assertThat(cohorts.cohort(cohortId, NL).participants())
                .extracting(r -> r.id())
                .containsExactly(participant.id());
    }

    @Test
    void a_trainer_chooses_the_open_modules_on_the_dashboard() {
        // no participants yet: what they then see is in OpenModulesViewTest (a save here would refresh this dashboard
        // live)
        Account trainer = accounts.create(Role.TRAINER);
        TestAccounts.signIn(trainer);
        long cohortId = cohorts.createMyCohort("Masterclass mei", null, null);
        navigate(CohortDashboardView.class, Map.of("cohortId", Long.toString(cohortId)));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Lesson> modules = $(CheckboxGroup.class).id("cohort-edit-modules");
        assertThat(modules.getValue()).hasSize(9);
        modules.setValue(Set.of());
        test($(Button.class).id("cohort-edit-save")).click();
        assertThat(modules.isInvalid()).isTrue();
        assertThat(modules.getErrorMessage()).isEqualTo("Zet minstens één onderdeel open.");
        assertThat(cohorts.cohort(cohortId, NL).openModules()).isEmpty();

        modules.setValue(
                modules.getListDataView().getItems().filter(l -> l.order() <= 2).collect(Collectors.toSet()));
        test($(Button.class).id("cohort-edit-save")).click();
        assertThat(cohorts.cohort(cohortId, NL).openModules())
                .hasValue(Set.of("loyaliteit-is-geen-retentie", "wat-kost-klantverlies"));
    }

    @Test
    void a_trainer_invites_by_pasting_addresses_and_sees_what_was_sent_and_what_was_skipped() {
        Account trainer = accounts.create(Role.TRAINER);
        TestAccounts.signIn(trainer);
        long cohortId = cohorts.createMyCohort("Uitnodigen", null, null);
        navigate(CohortDashboardView.class, Map.of("cohortId", Long.toString(cohortId)));
        String fresh = "nieuw-" + System.nanoTime() + "@voorbeeld.nl";
        test($(TextArea.class).id("cohort-invite-addresses")).setValue(fresh + "\n" + fresh + "\ngeen adres");
        test($(Button.class).id("cohort-invite-send")).click();
        assertThat($(Div.class).id("cohort-invite-result").getElement().getTextRecursively())
                .contains("Er is 1 uitnodiging verstuurd.")
                .contains("Stond dubbel in de lijst, één keer uitgenodigd (1): " + fresh)
                .contains("Geen geldig e-mailadres (1): geen adres");
        assertThat($(TextArea.class).id("cohort-invite-addresses").getValue()).isEmpty();
        test($(TextArea.class).id("cohort-invite-addresses")).setValue(fresh);
        test($(Button.class).id("cohort-invite-send")).click();
        assertThat($(Div.class).id("cohort-invite-result").getElement().getTextRecursively())
                .contains("Er is geen uitnodiging verstuurd.", "Al eerder uitgenodigd, niet opnieuw (1): " + fresh);
    }
}
