package nl.retentiewerkboek.cohorts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.mail.Mail;
import nl.retentiewerkboek.mail.MailOutbox;
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
 * The trainer's weekly digest (Monday morning): per cohort that had activity in the past seven days, how many joined,
 * how many worked in their workbook and how many took their action plan home; no names, and nothing at all in a quiet
 * week. A trainer turns it off under "Mijn account". Sent once per trainer and week, recorded with the mail, on one
 * server (ShedLock).
 */
@Component
public class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);

    private final AccountService accounts;
    private final CohortRepository cohorts;
    private final EnrollmentRepository enrollments;
    private final DigestSentRepository sent;
    private final MailOutbox outbox;
    private final AppI18NProvider i18n;
    private final PublicAddress address;
    private final Clock clock;
    private final TransactionTemplate tx;

    WeeklyDigest(
            AccountService accounts,
            CohortRepository cohorts,
            EnrollmentRepository enrollments,
            DigestSentRepository sent,
            MailOutbox outbox,
            AppI18NProvider i18n,
            PublicAddress address,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.cohorts = cohorts;
        this.enrollments = enrollments;
        this.sent = sent;
        this.outbox = outbox;
        this.i18n = i18n;
        this.address = address;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${app.digest.cron:0 0 8 * * MON}")
    @SchedulerLock(name = "weekly-digest", lockAtMostFor = "PT30M")
    public void scheduled() {
        try {
            int queued = sendDue();
            if (queued > 0) {
                log.info("{} weekly digests put in the outbox", queued);
            }
        } catch (RuntimeException e) {
            log.warn("Weekly digests stopped for now: {}", e.toString());
        }
    }

    /** Puts this week's digest of every trainer whose cohorts had activity in the outbox; returns how many. */
    public int sendDue() {
        int[] queued = new int[1];
        SystemAuthentication.runAsSystem(() -> {
            Instant now = Instant.now(clock);
            Instant since = now.minus(Duration.ofDays(7));
            LocalDate today = LocalDate.now(clock);
            int weekNumber = today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + (weekNumber < 10 ? "0" : "") + weekNumber;
            for (UserSummary trainer : accounts.trainersForDigest()) {
                try {
                    Boolean done = tx.execute(status -> {
                        if (sent.existsByTrainerIdAndWeek(trainer.id(), week)) {
                            return false;
                        }
                        Locale locale = Locale.of(trainer.preferredLanguage());
                        StringBuilder lines = new StringBuilder();
                        for (Cohort cohort : cohorts.findByTrainerIdOrderByStartsOnDescNameAsc(trainer.id())) {
                            if (cohort.isArchived()) {
                                continue;
                            }
                            List<Enrollment> members = enrollments.findByCohortId(cohort.getId());
                            long joined = members.stream()
                                    .filter(e -> !e.getJoinedAt().isBefore(since))
                                    .count();
                            long worked = members.stream()
                                    .filter(e -> e.getLastActivity()
                                            .filter(t -> !t.isBefore(since))
                                            .isPresent())
                                    .count();
                            long plans = members.stream()
                                    .filter(e -> e.getPlanDownloadedAt()
                                            .filter(t -> !t.isBefore(since))
                                            .isPresent())
                                    .count();
                            if (joined + worked + plans > 0) {
                                lines.append(i18n.getTranslation(
                                                "mail.digest.cohort",
                                                locale,
                                                cohort.getName(),
                                                members.size(),
                                                joined,
                                                worked,
                                                plans))
                                        .append("\n\n");
                            }
                        }
                        if (lines.isEmpty()) {
                            return false; // a quiet week: no mail
                        }
                        sent.saveAndFlush(new DigestSent(trainer.id(), week, now));
                        outbox.queue(Mail.plain(
                                trainer.username(),
                                locale.getLanguage(),
                                "digest",
                                i18n.getTranslation("mail.digest.subject", locale),
                                i18n.getTranslation(
                                        "mail.digest.text",
                                        locale,
                                        trainer.displayName(),
                                        lines.toString().strip(),
                                        address.base() + "/groepen")));
                        return true;
                    });
                    if (Boolean.TRUE.equals(done)) {
                        queued[0]++;
                    }
                } catch (RuntimeException e) {
                    log.warn("No digest for trainer {}: {}", trainer.id(), e.toString());
                }
            }
        });
        return queued[0];
    }
}
