package nl.retentiewerkboek.workbook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.mail.Mail;
import nl.retentiewerkboek.mail.MailOutbox;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.PublicAddress;
import nl.retentiewerkboek.security.SystemAuthentication;
import nl.retentiewerkboek.security.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The re-measurement reminder: on the day a participant's re-measurement is due (their action plan's date, or 90 days
 * after they measured), a mail in their language with the way to the re-measurement; a second one a week later while
 * they have not started it. Never for someone who turned reminders off under "Mijn account". Each reminder is recorded
 * in the same transaction as its mail, so a restart halfway or a second server (the job also takes ShedLock's lock)
 * never sends one twice. Runs every hour.
 */
@Component
public class RemeasureReminders {

    static final String FIRST = "first";
    static final String SECOND = "second";
    /** Days after the due date for the second reminder. */
    static final int SECOND_AFTER_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(RemeasureReminders.class);

    private final AccountService accounts;
    private final WorkbookService workbook;
    private final ReminderSentRepository sent;
    private final MailOutbox outbox;
    private final AppI18NProvider i18n;
    private final PublicAddress address;
    private final Clock clock;
    private final TransactionTemplate tx;

    RemeasureReminders(
            AccountService accounts,
            WorkbookService workbook,
            ReminderSentRepository sent,
            MailOutbox outbox,
            AppI18NProvider i18n,
            PublicAddress address,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.workbook = workbook;
        this.sent = sent;
        this.outbox = outbox;
        this.i18n = i18n;
        this.address = address;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${app.reminders.cron:0 5 * * * *}")
    @SchedulerLock(name = "remeasure-reminders", lockAtMostFor = "PT30M")
    public void scheduled() {
        try {
            int queued = remindDue();
            if (queued > 0) {
                log.info("{} re-measurement reminders put in the outbox", queued);
            }
        } catch (RuntimeException e) {
            log.warn("Re-measurement reminders stopped for now: {}", e.toString());
        }
    }

    /** Puts every reminder that is due in the outbox, as the hourly run does; returns how many. */
    public int remindDue() {
        int[] queued = new int[1];
        SystemAuthentication.runAsSystem(() -> {
            LocalDate today = LocalDate.now(clock);
            for (UserSummary participant : accounts.participantsToRemind()) {
                // each participant in a transaction of their own: the record and the mail together, or neither; one
                // that fails does not stop the others
                try {
                    Boolean done = tx.execute(status -> {
                        var due = workbook.remeasureDueOf(participant.id());
                        if (due.isEmpty() || today.isBefore(due.get().date())) {
                            return false;
                        }
                        int measurement = due.get().measurement();
                        boolean firstSent =
                                sent.existsByParticipantIdAndMeasurementAndKind(participant.id(), measurement, FIRST);
                        boolean secondDue = !today.isBefore(due.get().date().plusDays(SECOND_AFTER_DAYS))
                                && !sent.existsByParticipantIdAndMeasurementAndKind(
                                        participant.id(), measurement, SECOND);
                        if (firstSent && !secondDue) {
                            return false;
                        }
                        String kind = firstSent ? SECOND : FIRST;
                        sent.saveAndFlush(new ReminderSent(participant.id(), measurement, kind, Instant.now(clock)));
                        outbox.queue(mail(participant, kind, due.get().date()));
                        return true;
                    });
                    if (Boolean.TRUE.equals(done)) {
                        queued[0]++;
                    }
                } catch (RuntimeException e) {
                    log.warn("No reminder for participant {}: {}", participant.id(), e.toString());
                }
            }
        });
        return queued[0];
    }

    private Mail mail(UserSummary participant, String kind, LocalDate due) {
        Locale locale = Locale.of(participant.preferredLanguage());
        return Mail.plain(
                participant.username(),
                locale.getLanguage(),
                "reminder",
                i18n.getTranslation("mail.reminder." + kind + ".subject", locale),
                i18n.getTranslation(
                        "mail.reminder." + kind + ".text",
                        locale,
                        participant.displayName(),
                        LocaleNumbers.date(due, locale),
                        address.base() + "/"));
    }
}
