package nl.retentiewerkboek.cohorts.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.cohorts.CohortOverview;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.Throttle;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.WorkbookView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A trainer's own workbook is a demo for the beamer: every worksheet opens and saves, it never counts in the room
 * screen, the dashboard, the group numbers or the export (not toward the threshold of five either), and the trainer can
 * empty it without touching a participant's work.
 */
@IntegrationTest
class DemoWorkbookTest extends SpringBrowserlessTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    TestAccounts accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    ImportService imports;

    @Autowired
    AccountService accountService;

    @Autowired
    Throttle throttle;

    @BeforeEach
    void freshLimits() {
        throttle.forgetAll();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void fillInW1(Account who, int end) {
        TestAccounts.signIn(who);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", Integer.toString(end)),
                NL,
                SavedAnswers.NEVER_SAVED);
    }

    @Test
    void the_demo_never_counts_in_the_room_the_dashboard_or_the_export_and_empties_without_touching_participants()
            throws Exception {
        Account trainer = accounts.create(Role.TRAINER);
        List<Account> participants = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            participants.add(accounts.create(Role.DEELNEMER));
        }
        long cohortId = accounts.cohortOf(trainer, participants.subList(0, 4).toArray(Account[]::new));
        int[] ends = {190, 180, 170, 200};
        for (int i = 0; i < 4; i++) {
            fillInW1(participants.get(i), ends[i]);
        }

        // the trainer fills in W1 of a made-up company on the beamer, through the screen: start 200, 30 new, end 40,
        // a retention of (40 - 30) / 200 = 5 %
        TestAccounts.signIn(trainer);
        navigate("werkblad/retentiemeter", Component.class);
        assertThat($(Div.class).id("demo-banner").getElement().getTextRecursively())
                .contains("Demo-werkboek", "niets hiervan telt mee");
        test($(TextField.class).id("retentiemeter-start")).setValue("200");
        test($(TextField.class).id("retentiemeter-new")).setValue("30");
        test($(TextField.class).id("retentiemeter-end")).setValue("40");
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values())
                .containsEntry("start", "200")
                .containsEntry("new", "30")
                .containsEntry("end", "40");
        assertThat(workbook.isMyWorkbookDemo()).isTrue();

        // four participants and the demo: still one short, and the demo is in no count
        navigate(RoomView.class, Map.of("cohortId", Long.toString(cohortId)));
        assertThat($(Paragraph.class).id("room-count").getText()).isEqualTo("4 deelnemers doen mee");
        test($(Button.class).id("room-next")).click();
        assertThat($(Paragraph.class).id("room-needed").getText()).isEqualTo("Nog 1 nodig");
        assertThat($(Paragraph.class).id("room-basis").getText()).isEqualTo("4 deelnemers hebben dit ingevuld.");

        // the fifth participant (end 160): retention 80, 75, 70, 85 and 65 %, median 75 %; with the demo's 5 % among
        // them it would be (70 + 75) / 2 = 72,5 %
        String code = cohorts.cohort(cohortId, NL).joinCode();
        TestAccounts.signIn(participants.get(4));
        cohorts.join(code);
        fillInW1(participants.get(4), 160);
        TestAccounts.signIn(trainer);
        assertThat(cohorts.groupNumbers(cohortId).participants()).isEqualTo(5);
        assertThat(cohorts.groupNumbers(cohortId).retention().count()).isEqualTo(5);
        assertThat(cohorts.groupNumbers(cohortId)
                        .retention()
                        .value()
                        .orElseThrow()
                        .median())
                .isEqualByComparingTo(new BigDecimal("75"));
        navigate(RoomView.class, Map.of("cohortId", Long.toString(cohortId)));
        test($(Button.class).id("room-next")).click();
        assertThat($(Span.class).id("room-value").getText()).isEqualTo("75,0\u00a0%");

        // the dashboard and the export list the five participants and not the trainer
        CohortOverview overview = cohorts.cohort(cohortId, NL);
        assertThat(overview.participants())
                .extracting(CohortOverview.ParticipantRow::id)
                .containsExactlyInAnyOrderElementsOf(
                        participants.stream().map(Account::id).toList());
        String trainerName =
                accountService.summaries(List.of(trainer.id())).getFirst().displayName();
        String csv = new String(cohorts.export(cohortId, NL, (k, a) -> k).csv(NL), StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).as("a header and five participants").isEqualTo(6);
        assertThat(csv).doesNotContain(trainerName);

        // an upload in the demo too, then empty it through the banner: the demo is blank, the participants untouched
        imports.usePurchases(imports.stage(
                Worksheet.KLANTGROEPEN,
                new ByteArrayInputStream("klant;datum;bedrag\nK1;31-01-2025;49,95\n".getBytes(StandardCharsets.UTF_8)),
                "demo.csv"));
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN)).isPresent();
        workbook.markLessonRead("loyaliteit-is-geen-retentie");
        navigate("demo", WorkbookView.class);
        test($(Button.class).id("demo-reset")).click();
        test($(Button.class).id("demo-reset-yes")).click();
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).version()).isEqualTo(SavedAnswers.NEVER_SAVED);
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).isEmpty();
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN)).isEmpty();
        assertThat(workbook.myProgress(NL)
                        .of("loyaliteit-is-geen-retentie")
                        .orElseThrow()
                        .lessonRead())
                .isFalse();
        for (int i = 0; i < 5; i++) {
            TestAccounts.signIn(participants.get(i));
            assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values())
                    .as("participant %d keeps their W1", i)
                    .containsEntry("end", Integer.toString(i < 4 ? ends[i] : 160));
        }
        TestAccounts.signIn(trainer);
        assertThat(cohorts.groupNumbers(cohortId)
                        .retention()
                        .value()
                        .orElseThrow()
                        .median())
                .isEqualByComparingTo(new BigDecimal("75"));
    }

    @Test
    void a_participant_has_no_demo_and_cannot_empty_anything() {
        Account participant = accounts.create(Role.DEELNEMER);
        fillInW1(participant, 180);
        assertThat(workbook.isMyWorkbookDemo()).isFalse();
        navigate(WorkbookView.class);
        assertThat($(Div.class).withId("demo-banner").exists()).isFalse();
        navigate("werkblad/retentiemeter", Component.class);
        assertThat($(Div.class).withId("demo-banner").exists()).isFalse();
        assertThatThrownBy(() -> workbook.resetMyDemo()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.deleteAllMine()).isInstanceOf(AccessDeniedException.class);
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).containsEntry("end", "180");
    }

    @Test
    void a_beheerder_has_a_demo_too() {
        Account admin = accounts.create(Role.BEHEERDER);
        fillInW1(admin, 180);
        assertThat(workbook.isMyWorkbookDemo()).isTrue();
        navigate("demo", WorkbookView.class);
        assertThat($(Div.class).withId("demo-banner").exists()).isTrue();
        workbook.resetMyDemo();
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).isEmpty();
    }
}
