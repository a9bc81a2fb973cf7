package nl.retentiewerkboek.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox over SMTP (Spring Boot's {@code spring.mail.*}), every few seconds and on one server at a time
 * (ShedLock). Each mail in a transaction of its own: a mail SMTP refuses, or an SMTP server that is down, leaves the
 * mail in the outbox with the reason and a next attempt after 1, 2, 4 … minutes (at most an hour). Nothing in the UI
 * waits for this. Without SMTP configured, nothing is sent and nothing is lost.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int BATCH = 50;
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final OutboxMailRepository mails;
    private final ObjectProvider<JavaMailSender> smtp;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String from;
    private final String fromName;

    MailDelivery(
            OutboxMailRepository mails,
            ObjectProvider<JavaMailSender> smtp,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${app.mail.from:noreply@retentiewerkboek.nl}") String from,
            @Value("${app.mail.from-name:Retentiewerkboek}") String fromName) {
        this.mails = mails;
        this.smtp = smtp;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.from = from;
        this.fromName = fromName;
    }

    @Scheduled(initialDelayString = "${app.mail.poll:PT10S}", fixedDelayString = "${app.mail.poll:PT10S}")
    @SchedulerLock(name = "mail-delivery", lockAtMostFor = "PT10M")
    public void scheduled() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Sending mail stopped for now: {}", e.toString());
        }
    }

    /** Sends every mail that is due (at most a batch); returns how many went out. */
    int deliverDue() {
        Instant now = Instant.now(clock);
        tx.executeWithoutResult(s -> mails.withStaleLinks(now).forEach(OutboxMail::forgetLink));
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        List<Long> due = tx.execute(s -> mails.due(now, PageRequest.of(0, BATCH)).stream()
                .map(OutboxMail::getId)
                .toList());
        int sent = 0;
        for (long id : due) {
            OutboxMail mail = tx.execute(s -> mails.findById(id).orElse(null));
            if (mail == null || mail.getSentAt().isPresent() || mail.expired(now)) {
                continue;
            }
            try {
                sender.send(message(sender, mail));
                tx.executeWithoutResult(s -> mails.findById(id).ifPresent(m -> m.sent(Instant.now(clock))));
                sent++;
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                Instant retry = Instant.now(clock).plus(backoff(mail.getAttempts() + 1));
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                tx.executeWithoutResult(s -> mails.findById(id).ifPresent(m -> m.failed(reason, retry)));
                log.warn("Mail {} ({}) not sent: {}; next attempt at {}", id, mail.getKind(), reason, retry);
            }
        }
        return sent;
    }

    /** The wait after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour. */
    static Duration backoff(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private MimeMessage message(JavaMailSender sender, OutboxMail mail)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from, fromName);
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        String text = mail.textToSend();
        helper.setText(text, MailHtml.of(text, mail.getLanguage()));
        message.setHeader("Content-Language", mail.getLanguage());
        return message;
    }
}
