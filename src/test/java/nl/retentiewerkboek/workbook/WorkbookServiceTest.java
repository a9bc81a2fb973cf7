package nl.retentiewerkboek.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

@IntegrationTest
class WorkbookServiceTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final Map<String, String> EXAMPLE =
            Map.of("start", "200", "new", "30", "end", "190", "period", "kwartaal");

    @Autowired
    WorkbookService workbook;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_participant_saves_answers_and_finds_them_again() {
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);

        SavedAnswers saved = workbook.saveMyAnswers(Worksheet.RETENTIEMETER, EXAMPLE, NL, SavedAnswers.NEVER_SAVED);
        SavedAnswers again = workbook.myAnswers(Worksheet.RETENTIEMETER, NL);

        assertThat(again.values()).isEqualTo(EXAMPLE);
        assertThat(again.version()).isEqualTo(saved.version());
        assertThat(again.locale().getLanguage()).isEqualTo("nl");
    }

    @Test
    void a_second_participant_gets_nothing_of_the_first() {
        Account first = accounts.create(Role.DEELNEMER);
        Account second = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(first);
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, EXAMPLE, NL, SavedAnswers.NEVER_SAVED);
        workbook.markLessonRead("loyaliteit-is-geen-retentie");

        TestAccounts.signIn(second);
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).isEmpty();
        assertThat(workbook.myProgress(NL).done()).isZero();
        assertThatThrownBy(() -> workbook.answersOf(first.id(), Worksheet.RETENTIEMETER, NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workbook.progressOf(first.id(), NL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_stale_tab_cannot_overwrite_newer_answers() {
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);
        SavedAnswers first = workbook.saveMyAnswers(Worksheet.RETENTIEMETER, EXAMPLE, NL, SavedAnswers.NEVER_SAVED);
        // tab A saves on top of the first version
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, Map.of("start", "250"), NL, first.version());

        // tab B still holds the first version
        assertThatThrownBy(() ->
                        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, Map.of("start", "300"), NL, first.version()))
                .isInstanceOf(AnswersConflictException.class)
                .satisfies(
                        e -> assertThat(((AnswersConflictException) e).current().values())
                                .containsEntry("start", "250"));
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).containsEntry("start", "250");
    }

    @Test
    void two_first_saves_from_two_tabs_do_not_overwrite_each_other() {
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, Map.of("start", "1"), NL, SavedAnswers.NEVER_SAVED);
        assertThatThrownBy(() -> workbook.saveMyAnswers(
                        Worksheet.RETENTIEMETER, Map.of("start", "2"), NL, SavedAnswers.NEVER_SAVED))
                .isInstanceOf(AnswersConflictException.class);
    }

    @Test
    void a_screen_cannot_store_more_fields_than_a_worksheet_holds() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        Map<String, String> flood = new HashMap<>();
        for (int i = 0; i <= WorkbookService.MAX_FIELDS; i++) {
            flood.put("f" + i, "1");
        }
        assertThatThrownBy(() -> workbook.saveMyChanges(Worksheet.RETENTIEMETER, Map.of(), flood, NL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).isEmpty();
    }

    @Test
    void a_module_is_done_when_the_lesson_is_read_and_the_worksheet_complete() {
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);
        assertThat(workbook.myProgress(NL).done()).isZero();

        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, EXAMPLE, NL, SavedAnswers.NEVER_SAVED);
        ModuleProgress afterWorksheet =
                workbook.myProgress(NL).of("loyaliteit-is-geen-retentie").orElseThrow();
        assertThat(afterWorksheet.worksheetComplete()).isTrue();
        assertThat(afterWorksheet.done()).isFalse();

        workbook.markLessonRead("loyaliteit-is-geen-retentie");
        assertThat(workbook.myProgress(NL)
                        .of("loyaliteit-is-geen-retentie")
                        .orElseThrow()
                        .done())
                .isTrue();
        assertThat(workbook.myProgress(NL).done()).isEqualTo(1);
    }

    @Test
    void an_incomplete_worksheet_does_not_count_as_done() {
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER, Map.of("start", "0", "new", "0", "end", "0"), NL, SavedAnswers.NEVER_SAVED);
        workbook.markLessonRead("loyaliteit-is-geen-retentie");
        assertThat(workbook.myProgress(NL).done()).isZero();
    }

    @Test
    void answers_typed_in_english_count_with_english_notation() {
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "1,200", "new", "0", "end", "1,000"),
                Locale.forLanguageTag("en-GB"),
                SavedAnswers.NEVER_SAVED);
        assertThat(workbook.myProgress(NL)
                        .of("loyaliteit-is-geen-retentie")
                        .orElseThrow()
                        .worksheetComplete())
                .isTrue();
    }

    @Test
    void a_trainer_sees_only_participants_of_their_own_cohorts() {
        Account dana = accounts.create(Role.DEELNEMER);
        Account other = accounts.create(Role.DEELNEMER);
        Account trainer = accounts.create(Role.TRAINER);
        Account otherTrainer = accounts.create(Role.TRAINER);
        accounts.cohortOf(trainer, dana);
        accounts.cohortOf(otherTrainer, other);
        TestAccounts.signIn(dana);
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, EXAMPLE, NL, SavedAnswers.NEVER_SAVED);

        TestAccounts.signIn(trainer);
        assertThat(workbook.answersOf(dana.id(), Worksheet.RETENTIEMETER, NL).values())
                .isEqualTo(EXAMPLE);
        assertThatThrownBy(() -> workbook.answersOf(other.id(), Worksheet.RETENTIEMETER, NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workbook.answersOf(987_654_321L, Worksheet.RETENTIEMETER, NL))
                .isInstanceOf(AccessDeniedException.class);

        TestAccounts.signIn(otherTrainer);
        assertThatThrownBy(() -> workbook.progressOf(dana.id(), NL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_trainer_writes_only_into_their_own_demo_and_nobody_anonymous_can_read_one() {
        Account dana = accounts.create(Role.DEELNEMER);
        Account trainer = accounts.create(Role.TRAINER);
        accounts.cohortOf(trainer, dana);
        TestAccounts.signIn(trainer);
        // "my" workbook is the trainer's own demo: it takes the answers, and no participant's workbook changes
        workbook.saveMyAnswers(Worksheet.RETENTIEMETER, EXAMPLE, NL, SavedAnswers.NEVER_SAVED);
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).isEqualTo(EXAMPLE);
        assertThat(workbook.answersOf(dana.id(), Worksheet.RETENTIEMETER, NL).values())
                .isEmpty();
        TestAccounts.signIn(dana);
        assertThat(workbook.myAnswers(Worksheet.RETENTIEMETER, NL).values()).isEmpty();
        TestAccounts.signOut();
        assertThatThrownBy(() -> workbook.myAnswers(Worksheet.RETENTIEMETER, NL))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void overlong_input_is_refused_rather_than_cut() {
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);
        assertThatThrownBy(() -> workbook.saveMyAnswers(
                        Worksheet.RETENTIEMETER, Map.of("start", "1".repeat(501)), NL, SavedAnswers.NEVER_SAVED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
