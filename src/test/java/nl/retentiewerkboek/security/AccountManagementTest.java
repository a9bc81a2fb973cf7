package nl.retentiewerkboek.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;

@IntegrationTest
class AccountManagementTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    AccountService accounts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    ImportService imports;

    @Autowired
    CohortService cohorts;

    @Autowired
    TestAccounts testAccounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_beheerder_deactivates_a_trainer_and_gives_a_new_password() {
        Account admin = testAccounts.create(Role.BEHEERDER);
        Account trainer = testAccounts.create(Role.TRAINER);
        TestAccounts.signIn(admin);
        assertThat(accounts.trainers()).extracting(UserSummary::id).contains(trainer.id());

        accounts.setTrainerActive(trainer.id(), false);
        UserDetails details = accounts.loadUserByUsername(trainer.username());
        assertThat(details.isEnabled()).isFalse();
        accounts.setTrainerActive(trainer.id(), true);
        assertThat(accounts.loadUserByUsername(trainer.username()).isEnabled()).isTrue();

        String before = accounts.loadUserByUsername(trainer.username()).getPassword();
        accounts.resetTrainerPassword(trainer.id(), "nieuw-lang-wachtwoord");
        assertThat(accounts.loadUserByUsername(trainer.username()).getPassword())
                .isNotEqualTo(before);
        assertThatThrownBy(() -> accounts.resetTrainerPassword(trainer.id(), "kort"))
                .isInstanceOf(AccountService.AccountRejected.class);
    }

    @Test
    void only_a_beheerder_manages_trainers_and_only_trainer_accounts() {
        Account admin = testAccounts.create(Role.BEHEERDER);
        Account trainer = testAccounts.create(Role.TRAINER);
        Account participant = testAccounts.create(Role.DEELNEMER);
        TestAccounts.signIn(trainer);
        assertThatThrownBy(() -> accounts.setTrainerActive(trainer.id(), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.trainers()).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(admin);
        assertThatThrownBy(() -> accounts.setTrainerActive(participant.id(), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.resetTrainerPassword(987_654_321L, "een-lang-wachtwoord"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_participant_deletes_their_account_and_everything_kept_of_it() {
        Account trainer = testAccounts.create(Role.TRAINER);
        Account participant = testAccounts.create(Role.DEELNEMER);
        long cohort = testAccounts.cohortOf(trainer, participant);
        TestAccounts.signIn(participant);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "190"),
                NL,
                SavedAnswers.NEVER_SAVED);
        workbook.markLessonRead("loyaliteit-is-geen-retentie");
        imports.importPurchases(
                new ByteArrayInputStream("klant;datum\na;2025-01-01\n".getBytes(StandardCharsets.UTF_8)), "x.csv");

        accounts.deleteMyAccount();

        SystemAuthentication.runAsSystem(() ->
                assertThat(accounts.findByUsername(participant.username())).isEmpty());
        TestAccounts.signIn(trainer);
        assertThat(cohorts.cohort(cohort, NL).participants()).isEmpty();
        assertThatThrownBy(() -> workbook.workbookOf(participant.id())).isInstanceOf(AccessDeniedException.class);
    }
}
