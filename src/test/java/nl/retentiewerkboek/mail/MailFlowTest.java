package nl.retentiewerkboek.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.TestClock;
import nl.retentiewerkboek.TestMails;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.cohorts.WeeklyDigest;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.PasswordResets;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.Throttle;
import nl.retentiewerkboek.workbook.RemeasureReminders;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password self-service with a real SMTP server (GreenMail) receiving the mails: the mail as received in both
 * languages, its link followed, and the links that must not work (used, superseded, expired, unknown); an SMTP server
 * that is down leaves the mail in the outbox with the reason and a later attempt; coaches send links only to their own.
 */
@IntegrationTest
class MailFlowTest {

    /** The test profile's {@code spring.mail.port}: every integration test has SMTP configured, only here it answers. */
    static final int SMTP_PORT = 3125;

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, null, "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    private static final Pattern LINK =
            Pattern.compile("https://werkboek\\.voorbeeld\\.nl/nieuw-wachtwoord/([A-Za-z0-9_-]{43})");

    @Autowired
    TestAccounts accounts;

    @Autowired
    PasswordResets resets;

    @Autowired
    CohortService cohorts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    RemeasureReminders reminders;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    AccountService accountService;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MailOutbox outbox;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TestClock clock;

    @Autowired
    Throttle throttle;

    @BeforeEach
    void fresh() throws Exception {
        throttle.forgetAll();
        clock.reset();
        delivery.deliverDue(); // what earlier tests left in the outbox goes out now, not into this test's mailbox
        SMTP.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
        clock.reset();
    }

    private List<MimeMessage> received(int expected) throws Exception {
        assertThat(delivery.deliverDue()).as("mails sent").isEqualTo(expected);
        return List.of(SMTP.getReceivedMessages());
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a reset link in: %s", text).isTrue();
        return m.group(1);
    }

    private String passwordHashOf(Account account) {
        return accountService.loadUserByUsername(account.username()).getPassword();
    }

    @Test
    void a_forgotten_password_comes_back_by_mail_once_and_the_link_then_works_no_more() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        assertThat(resets.requestReset("  " + dana.username().toUpperCase() + " "))
                .isEqualTo(PasswordResets.Asked.ANSWERED);

        List<MimeMessage> mails = received(1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(dana.username());
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("werkboek@voorbeeld.nl");
        assertThat(from.getPersonal()).isEqualTo("Retentiewerkboek");
        assertThat(mail.getSubject()).isEqualTo("Een nieuw wachtwoord voor Retentiewerkboek");
        String text = TestMails.text(mail);
        assertThat(text).startsWith("Hallo Test " + dana.username() + ",").contains("De link werkt een uur");
        String html = TestMails.html(mail);
        assertThat(html).contains("<html lang=\"nl\"", "<a href=\"https://werkboek.voorbeeld.nl/nieuw-wachtwoord/");
        assertThat(html).as("no tracking").doesNotContain("<img");
        String token = token(text);

        assertThat(resets.whoseLink(token)).hasValue("Test " + dana.username());
        String username = resets.reset(token, "een-heel-nieuw-wachtwoord");
        assertThat(username).isEqualTo(dana.username());
        assertThat(encoder.matches("een-heel-nieuw-wachtwoord", passwordHashOf(dana)))
                .isTrue();

        // used: worthless now, and the outbox no longer keeps the link
        assertThat(resets.whoseLink(token)).isEmpty();
        assertThatThrownBy(() -> resets.reset(token, "nog-een-ander-wachtwoord"))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(accounts.create(Role.BEHEERDER));
        assertThat(outbox.recent(500))
                .filteredOn(m -> m.recipient().equals(dana.username()))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo(MailOutbox.Status.SENT);
                    assertThat(m.text()).doesNotContain(token);
                });
    }

    @Test
    void the_answer_is_the_same_for_an_unknown_address_and_no_mail_goes_out() throws Exception {
        assertThat(resets.requestReset("niemand-" + System.nanoTime() + "@voorbeeld.nl"))
                .isEqualTo(PasswordResets.Asked.ANSWERED);
        assertThat(received(0)).isEmpty();
    }

    @Test
    void only_the_newest_link_works_and_none_after_an_hour_and_a_bad_password_keeps_the_link() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        resets.requestReset(dana.username());
        resets.requestReset(dana.username());
        List<MimeMessage> mails = received(2);
        String first = token(TestMails.text(mails.get(0)));
        String second = token(TestMails.text(mails.get(1)));
        assertThat(first).isNotEqualTo(second);
        assertThat(resets.whoseLink(first)).as("superseded").isEmpty();
        assertThat(resets.whoseLink(second)).isPresent();

        assertThatThrownBy(() -> resets.reset(second, "wachtwoord")).isInstanceOf(AccountService.AccountRejected.class);
        assertThat(resets.whoseLink(second))
                .as("a refused password keeps the link")
                .isPresent();

        clock.advance(PasswordResets.VALID_FOR.plusSeconds(1));
        assertThat(resets.whoseLink(second)).as("expired").isEmpty();
        assertThatThrownBy(() -> resets.reset(second, "een-heel-nieuw-wachtwoord"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(resets.whoseLink("x".repeat(43))).as("unknown").isEmpty();
        assertThat(resets.whoseLink(null)).isEmpty();
    }

    @Test
    void a_link_resets_only_its_own_account_and_an_english_user_gets_english_mail() throws Exception {
        Account anna = accounts.create(Role.DEELNEMER);
        Account bert = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(anna);
        accountService.setMyLanguage("en");
        TestAccounts.signOut();
        String bertBefore = passwordHashOf(bert);

        resets.requestReset(anna.username());
        MimeMessage mail = received(1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("A new password for Retentiewerkboek");
        assertThat(TestMails.text(mail)).startsWith("Hello Test " + anna.username() + ",");
        assertThat(TestMails.html(mail)).contains("<html lang=\"en\"");
        resets.reset(token(TestMails.text(mail)), "een-heel-nieuw-wachtwoord");
        assertThat(encoder.matches("een-heel-nieuw-wachtwoord", passwordHashOf(anna)))
                .isTrue();
        assertThat(passwordHashOf(bert)).as("the other account").isEqualTo(bertBefore);
    }

    @Test
    void an_smtp_server_that_is_down_leaves_the_mail_in_the_outbox_and_it_goes_out_later() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        SMTP.stop();
        resets.requestReset(dana.username());
        assertThat(delivery.deliverDue()).isZero();
        TestAccounts.signIn(accounts.create(Role.BEHEERDER));
        MailOutbox.Entry waiting = outbox.recent(500).stream()
                .filter(m -> m.recipient().equals(dana.username()))
                .findFirst()
                .orElseThrow();
        assertThat(waiting.status()).isEqualTo(MailOutbox.Status.RETRYING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isPresent();
        assertThat(Duration.between(waiting.createdAt(), waiting.nextAttemptAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(59));

        SMTP.start();
        assertThat(delivery.deliverDue()).as("not yet due").isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0])).contains("nieuw-wachtwoord");
        assertThat(MailDelivery.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDelivery.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(MailDelivery.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_trainer_sends_a_link_to_their_own_participant_only_and_the_beheerder_to_anyone() throws Exception {
        Account trainer = accounts.create(Role.TRAINER);
        Account otherTrainer = accounts.create(Role.TRAINER);
        Account mine = accounts.create(Role.DEELNEMER);
        Account theirs = accounts.create(Role.DEELNEMER);
        accounts.cohortOf(trainer, mine);
        accounts.cohortOf(otherTrainer, theirs);

        TestAccounts.signIn(trainer);
        resets.sendResetTo(mine.id());
        assertThatThrownBy(() -> resets.sendResetTo(theirs.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resets.sendResetTo(otherTrainer.id())).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(mine);
        assertThatThrownBy(() -> resets.sendResetTo(mine.id())).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(accounts.create(Role.BEHEERDER));
        resets.sendResetTo(otherTrainer.id());

        List<String> to = new ArrayList<>();
        for (MimeMessage m : received(2)) {
            to.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
            assertThat(TestMails.text(m)).contains("Je trainer heeft voor je een link aangevraagd");
        }
        assertThat(to).containsExactlyInAnyOrder(mine.username(), otherTrainer.username());
    }

    @Test
    void the_outbox_is_for_the_beheerder_only() {
        TestAccounts.signIn(accounts.create(Role.TRAINER));
        assertThatThrownBy(() -> outbox.recent(500)).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        assertThatThrownBy(() -> outbox.recent(500)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_user_changes_their_own_password_and_address_with_the_current_password() {
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);
        assertThatThrownBy(() -> accountService.changeMyPassword("niet-mijn-wachtwoord", "een-heel-nieuw-wachtwoord"))
                .isInstanceOf(AccountService.ChangeRefused.class);
        assertThatThrownBy(() -> accountService.changeMyPassword(TestAccounts.PASSWORD, "kort"))
                .isInstanceOf(AccountService.AccountRejected.class);
        accountService.changeMyPassword(TestAccounts.PASSWORD, "een-heel-nieuw-wachtwoord");
        assertThat(encoder.matches("een-heel-nieuw-wachtwoord", passwordHashOf(dana)))
                .isTrue();

        Account taken = accounts.create(Role.DEELNEMER);
        assertThatThrownBy(() -> accountService.changeMyEmail(
                        "een-heel-nieuw-wachtwoord", taken.username().toUpperCase()))
                .isInstanceOfSatisfying(
                        AccountService.ChangeRefused.class,
                        r -> assertThat(r.problem()).isEqualTo(AccountService.ChangeProblem.EMAIL_TAKEN));
        assertThatThrownBy(() -> accountService.changeMyEmail("een-heel-nieuw-wachtwoord", "geen adres"))
                .isInstanceOfSatisfying(
                        AccountService.ChangeRefused.class,
                        r -> assertThat(r.problem()).isEqualTo(AccountService.ChangeProblem.EMAIL_INVALID));
        String fresh = "Dana-" + System.nanoTime() + "@Voorbeeld.nl ";
        assertThat(accountService.changeMyEmail("een-heel-nieuw-wachtwoord", fresh))
                .isEqualTo(fresh.strip().toLowerCase());
        assertThat(accountService.loadUserByUsername(fresh.strip()).getUsername())
                .isEqualTo(fresh.strip().toLowerCase());
    }

    @Test
    void a_trainer_invites_a_pasted_list_once_each_and_joining_brings_a_welcome_in_the_participant_s_language()
            throws Exception {
        Account trainer = accounts.create(Role.TRAINER);
        Account member = accounts.create(Role.DEELNEMER);
        long cohortId = accounts.cohortOf(trainer, member);
        String anna = "anna-" + System.nanoTime() + "@voorbeeld.nl";
        String bert = "bert-" + System.nanoTime() + "@voorbeeld.nl";
        TestAccounts.signIn(trainer);
        String code = cohorts.cohort(cohortId, NL).joinCode();
        String group = cohorts.cohort(cohortId, NL).name();

        CohortService.Invited first = cohorts.invite(
                cohortId,
                "Anna de Vries <" + anna.toUpperCase() + ">, " + bert + ";\n" + bert + "\n\ngeen adres\n"
                        + member.username(),
                NL);
        assertThat(first.sent()).containsExactly(anna, bert);
        assertThat(first.duplicates()).containsExactly(bert);
        assertThat(first.invalid()).containsExactly("geen adres");
        assertThat(first.alreadyIn()).containsExactly(member.username());
        CohortService.Invited again = cohorts.invite(cohortId, anna, NL);
        assertThat(again.sent()).isEmpty();
        assertThat(again.alreadyInvited()).containsExactly(anna);

        List<MimeMessage> mails = received(2);
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject()).isEqualTo("Uitnodiging voor " + group);
            assertThat(TestMails.text(mail))
                    .contains("Test " + trainer.username() + " nodigt je uit voor " + group)
                    .contains("https://werkboek.voorbeeld.nl/join/" + code);
        }
        assertThat(mails.stream().map(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0].toString();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .containsExactlyInAnyOrder(anna, bert);

        // another trainer's cohort, and a closed one, take no invitations
        Account other = accounts.create(Role.TRAINER);
        TestAccounts.signIn(other);
        assertThatThrownBy(() -> cohorts.invite(cohortId, anna, NL)).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(trainer);
        cohorts.setJoiningOpen(cohortId, false);
        assertThatThrownBy(() -> cohorts.invite(cohortId, "nieuw@voorbeeld.nl", NL))
                .isInstanceOf(CohortService.JoinRejected.class);
        cohorts.setJoiningOpen(cohortId, true);
        TestAccounts.signOut();

        // Anna follows the link on an English page: her account starts in English, and so does her welcome
        SMTP.purgeEmailFromAllMailboxes();
        cohorts.signUpAndJoin(code, anna, "een-lang-wachtwoord-van-anna", "Anna de Vries", null, Locale.ENGLISH);
        MimeMessage welcome = received(1).getFirst();
        assertThat(welcome.getRecipients(Message.RecipientType.TO)[0].toString())
                .isEqualTo(anna);
        assertThat(welcome.getSubject()).isEqualTo("Welcome to " + group);
        assertThat(TestMails.text(welcome))
                .startsWith("Hello Anna de Vries,")
                .contains("You have joined " + group, "https://werkboek.voorbeeld.nl/");

        // someone who joins with the code gets a welcome once
        Account dana = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(dana);
        cohorts.join(code);
        cohorts.join(code);
        assertThat(received(1)).hasSize(2);
    }

    /** Sends everything due, batch after batch; the mails now in GreenMail to this address. */
    private List<MimeMessage> mailsTo(String address) throws Exception {
        while (delivery.deliverDue() > 0) {
            // the next batch
        }
        return List.of(SMTP.getReceivedMessagesForDomain(address));
    }

    @Test
    void the_re_measurement_reminder_comes_on_the_day_and_a_week_later_once_each_and_never_when_turned_off()
            throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        Account quiet = accounts.create(Role.DEELNEMER);
        for (Account a : List.of(dana, quiet)) {
            TestAccounts.signIn(a);
            workbook.saveMyAnswers(
                    Worksheet.RETENTIEMETER,
                    Map.of("start", "200", "new", "30", "end", "174"),
                    NL,
                    SavedAnswers.NEVER_SAVED);
        }
        accountService.setMyReminders(false); // quiet turns them off
        TestAccounts.signIn(dana);
        accountService.setMyLanguage("en");
        LocalDate due = LocalDate.now(clock).plusDays(90);
        assertThat(workbook.myRemeasureDate()).hasValue(due);
        TestAccounts.signOut();

        clock.advance(Duration.ofDays(89));
        reminders.remindDue();
        assertThat(mailsTo(dana.username())).as("the day before").isEmpty();

        clock.advance(Duration.ofDays(1));
        reminders.remindDue();
        reminders.remindDue(); // again, as after a restart halfway: the record keeps it to one
        List<MimeMessage> first = mailsTo(dana.username());
        assertThat(first).hasSize(1);
        assertThat(first.getFirst().getSubject()).isEqualTo("Time for your re-measurement");
        assertThat(TestMails.text(first.getFirst()))
                .startsWith("Hello Test " + dana.username() + ",")
                .contains("Today, " + LocaleNumbers.date(due, Locale.ENGLISH) + ", it is time")
                .contains("https://werkboek.voorbeeld.nl/");
        assertThat(mailsTo(quiet.username())).as("reminders turned off").isEmpty();

        // the link leads to the workbook's front page, where the re-measurement can start today
        Matcher link =
                Pattern.compile("(https://werkboek\\.voorbeeld\\.nl/)\\s").matcher(TestMails.text(first.getFirst()));
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isEqualTo("https://werkboek.voorbeeld.nl/");
        TestAccounts.signIn(dana);
        assertThat(workbook.isDue(workbook.myRemeasureDate().orElseThrow())).isTrue();
        TestAccounts.signOut();

        clock.advance(Duration.ofDays(6));
        reminders.remindDue();
        assertThat(mailsTo(dana.username())).as("six days later").hasSize(1);
        clock.advance(Duration.ofDays(1));
        reminders.remindDue();
        reminders.remindDue();
        List<MimeMessage> both = mailsTo(dana.username());
        assertThat(both).hasSize(2);
        assertThat(both.get(1).getSubject()).isEqualTo("Your re-measurement is still open");
        clock.advance(Duration.ofDays(30));
        reminders.remindDue();
        assertThat(mailsTo(dana.username()))
                .as("two reminders per measurement, no more")
                .hasSize(2);
        assertThat(mailsTo(quiet.username())).isEmpty();
    }

    @Test
    void a_trainer_gets_a_weekly_digest_of_a_busy_week_once_and_nothing_for_a_quiet_one() throws Exception {
        Account quiet = accounts.create(Role.TRAINER);
        accounts.cohortOf(quiet, accounts.create(Role.DEELNEMER));
        clock.advance(Duration.ofDays(8)); // what happened in quiet's cohort is older than a week now

        Account busy = accounts.create(Role.TRAINER);
        Account off = accounts.create(Role.TRAINER);
        Account newcomer = accounts.create(Role.DEELNEMER);
        Account worker = accounts.create(Role.DEELNEMER);
        long cohortId = accounts.cohortOf(busy, newcomer, worker);
        accounts.cohortOf(off, accounts.create(Role.DEELNEMER));
        TestAccounts.signIn(off);
        accountService.setMyDigest(false);
        TestAccounts.signIn(worker);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "174"),
                NL,
                SavedAnswers.NEVER_SAVED);
        TestAccounts.signIn(busy);
        String group = cohorts.cohort(cohortId, NL).name();
        for (int i = 0;
                i < 50
                        && cohorts.cohort(cohortId, NL).participants().stream()
                                .allMatch(p -> p.lastActivity().isEmpty());
                i++) {
            Thread.sleep(100); // the activity note is written beside the save
        }
        TestAccounts.signOut();

        digest.sendDue();
        digest.sendDue(); // the same week again: nothing more
        List<MimeMessage> mails = mailsTo(busy.username());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Je groepen deze week");
        assertThat(TestMails.text(mails.getFirst()))
                .startsWith("Hallo Test " + busy.username() + ",")
                .contains(group
                        + "\n– nieuw erbij: 2\n– aan het werk in hun werkboek: 1 van de 2\n– actieplan meegenomen: 0")
                .contains("https://werkboek.voorbeeld.nl/groepen")
                .doesNotContain(newcomer.username(), worker.username());
        assertThat(mailsTo(quiet.username())).as("a quiet week").isEmpty();
        assertThat(mailsTo(off.username())).as("turned off").isEmpty();
    }
}
