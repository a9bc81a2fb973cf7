package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The way through the course: on to the next module, back at the top, the completion moment, the lesson's questions. */
@IntegrationTest
class CourseFlowViewTest extends SpringBrowserlessTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final String W1_LESSON = "loyaliteit-is-geen-retentie";

    @Autowired
    TestAccounts accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    WorkbookService workbook;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** A participant in a group of a new trainer, with only these modules open. */
    private Account participantWithOpen(Account trainer, String... open) {
        Account participant = accounts.create(Role.DEELNEMER);
        long cohortId = accounts.cohortOf(trainer, participant);
        TestAccounts.signIn(trainer);
        cohorts.setOpenModules(cohortId, Set.of(open));
        TestAccounts.signIn(participant);
        return participant;
    }

    private String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void the_end_of_a_worksheet_leads_to_the_next_open_module_and_after_the_last_to_the_action_plan() {
        participantWithOpen(accounts.create(Role.TRAINER), W1_LESSON, "de-draaideur", "retentie-op-de-begroting");

        navigate(RetentiemeterView.class);
        Button next = $(Button.class).id("worksheet-next");
        // module 2 is not open in this group: the way on skips it
        assertThat(next.getText()).isEqualTo("Volgende onderdeel: De draaideur: werven om gaten te vullen");
        test(next).click();
        assertThat(getCurrentView()).isInstanceOf(LessonView.class);
        assertThat(path()).isEqualTo("les/de-draaideur");
        assertThat($(H1.class).id("lesson-title").getText()).isEqualTo("De draaideur: werven om gaten te vullen");

        navigate(BegrotingView.class);
        Button last = $(Button.class).id("worksheet-next");
        assertThat(last.getText()).isEqualTo("Door naar je actieplan");
        test(last).click();
        assertThat(path()).isEqualTo("werkblad/actieplan");
    }

    @Test
    void after_the_opening_page_the_workbook_opens_at_its_top() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        navigate(LessonView.class, Map.of("lessonId", "zo-werkt-het-werkboek"));
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        test($(Button.class).id("lesson-done")).click();

        assertThat(getCurrentView()).isInstanceOf(WorkbookView.class);
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> assertThat(js.getInvocation().getExpression()).isEqualTo(WorkbookView.SCROLL_TO_TOP));
    }

    @Test
    void finishing_every_open_module_shows_the_completion_moment_with_the_certificate() {
        participantWithOpen(accounts.create(Role.TRAINER), W1_LESSON);
        navigate(WorkbookView.class);
        assertThat($(Div.class).withId("workbook-complete").exists()).isFalse();

        workbook.markLessonRead(W1_LESSON);
        navigate(WorkbookView.class);
        assertThat($(Div.class).withId("workbook-complete").exists()).isFalse(); // the worksheet is still empty

        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "190"),
                NL,
                SavedAnswers.NEVER_SAVED);
        navigate(WorkbookView.class);
        Div complete = $(Div.class).id("workbook-complete");
        assertThat(complete.getElement().getTextRecursively())
                .contains("Alle onderdelen afgerond", "Download je certificaat van deelname (PDF)");
        Anchor certificate = $(Anchor.class).id("workbook-certificate");
        assertThat(certificate.getElement().hasAttribute("download")).isTrue();
    }

    @Test
    void a_lessons_questions_are_answered_under_it_saved_shown_again_and_seen_by_the_trainer_only() {
        Account trainer = accounts.create(Role.TRAINER);
        Account participant = participantWithOpen(trainer, W1_LESSON);

        navigate(LessonView.class, Map.of("lessonId", W1_LESSON));
        TextArea first = $(TextArea.class).id("reflection-q1");
        assertThat(first.getLabel())
                .isEqualTo("Hoeveel klanten ben je vorig jaar kwijtgeraakt? Weet je het, of schat je het?");
        assertThat($(TextArea.class).all()).hasSize(4);
        test(first).setValue("Ik schat het: een stuk of dertig.");
        assertThat($(Span.class).id("reflections-save-status").getText()).isEqualTo("Opgeslagen");
        assertThat(workbook.myReflections(W1_LESSON, NL).answered().getFirst().answer())
                .isEqualTo("Ik schat het: een stuk of dertig.");

        // shown again after a reload
        navigate(WorkbookView.class);
        navigate(LessonView.class, Map.of("lessonId", W1_LESSON));
        assertThat($(TextArea.class).id("reflection-q1").getValue()).isEqualTo("Ik schat het: een stuk of dertig.");

        // another tab answers question 2: it shows here, and this tab's answer to question 1 stays
        workbook.saveMyReflections(
                W1_LESSON,
                Map.of("q1", "Ik schat het: een stuk of dertig."),
                Map.of("q1", "Ik schat het: een stuk of dertig.", "q2", "Niemand."),
                NL);
        $(ReflectionsPanel.class).single().otherScreenSavedForTest();
        assertThat($(TextArea.class).id("reflection-q2").getValue()).isEqualTo("Niemand.");
        test($(TextArea.class).id("reflection-q3")).setValue("De vaste klanten van de zaterdag.");
        assertThat(workbook.myReflections(W1_LESSON, NL).answered())
                .extracting(WorkbookService.Reflection::answer)
                .containsExactly(
                        "Ik schat het: een stuk of dertig.", "Niemand.", "De vaste klanten van de zaterdag.", "");

        TestAccounts.signIn(trainer);
        long cohortId = cohorts.myCohorts(NL).getFirst().id();
        UI.getCurrent()
                .navigate("groepen/" + cohortId + "/deelnemer/" + participant.id()); // the trainer's read-only view
        assertThat($(Div.class).id("participant-reflections").getElement().getTextRecursively())
                .contains(
                        "Loyaliteit is geen retentie",
                        "Wie in je bedrijf is verantwoordelijk voor klantbehoud",
                        "Niemand.",
                        "De vaste klanten van de zaterdag.");

        TestAccounts.signIn(accounts.create(Role.TRAINER));
        assertThatThrownBy(() -> workbook.reflectionsOf(participant.id(), NL))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_closed_modules_questions_cannot_be_answered() {
        participantWithOpen(accounts.create(Role.TRAINER), W1_LESSON);
        assertThatThrownBy(() -> workbook.saveMyReflections("de-draaideur", Map.of(), Map.of("q1", "Nee"), NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workbook.saveMyReflections(W1_LESSON, Map.of(), Map.of("q9", "Nee"), NL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A participant whose W1 gives a retention of {@code end} % (100 at the start, none new). */
    private Account withRetention(int end) {
        Account p = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(p);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "100", "new", "0", "end", Integer.toString(end)),
                NL,
                SavedAnswers.NEVER_SAVED);
        return p;
    }

    @Test
    void you_and_your_group_shows_the_median_only_from_five_participants_and_never_anothers_number() {
        Account trainer = accounts.create(Role.TRAINER);
        Account me = withRetention(90);
        long cohortId = accounts.cohortOf(trainer, me, withRetention(80), withRetention(70), withRetention(60));

        TestAccounts.signIn(me);
        navigate(WorkbookView.class);
        assertThat($(NativeTableCell.class).id("workbook-group-retention-mine").getText())
                .isEqualTo("90,0\u00a0%");
        assertThat($(NativeTableCell.class)
                        .id("workbook-group-retention-median")
                        .getText())
                .isEqualTo("Nog 1 deelnemer nodig");
        assertThat($(NativeTableCell.class).id("workbook-group-nps-mine").getText())
                .isEqualTo("Nog niet ingevuld");
        assertThat($(NativeTableCell.class).id("workbook-group-nps-median").getText())
                .isEqualTo("Nog 5 deelnemers nodig");
        // four participants: none of the others' numbers is anywhere on the page
        String page = $(Section.class).id("workbook-group").getElement().getTextRecursively();
        assertThat(page).doesNotContain("80,0", "70,0", "60,0");

        Account fifth = withRetention(50);
        accounts.asSystem(() -> cohorts.enroll(cohortId, fifth.id()));
        TestAccounts.signIn(me);
        navigate(WorkbookView.class);
        // 50 60 70 80 90: the median is 70
        assertThat($(NativeTableCell.class)
                        .id("workbook-group-retention-median")
                        .getText())
                .isEqualTo("70,0\u00a0%");
    }
}
