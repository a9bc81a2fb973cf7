package nl.retentiewerkboek.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every mail goes first: written in the caller's transaction (a reset link and its mail are stored together, or
 * neither), sent later by {@link MailDelivery}. The beheerder reads it in the app.
 */
@Service
@Transactional
public class MailOutbox {

    /** What the beheerder sees of one mail. */
    public record Entry(
            long id,
            String recipient,
            String language,
            String kind,
            String subject,
            String text,
            Instant createdAt,
            Status status,
            Optional<Instant> sentAt,
            int attempts,
            Instant nextAttemptAt,
            Optional<String> lastError) {}

    /** Where a mail stands. */
    public enum Status {
        SENT,
        /** No SMTP server is configured: it goes out once one is. */
        WAITING_FOR_SMTP,
        /** SMTP refused or was down: tried again at the next attempt. */
        RETRYING,
        /** Not sent yet, the first attempt is due. */
        QUEUED,
        /** Its link expired before it could be sent: it is not sent any more. */
        EXPIRED
    }

    private final OutboxMailRepository mails;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> smtp;

    MailOutbox(OutboxMailRepository mails, Clock clock, ObjectProvider<JavaMailSender> smtp) {
        this.mails = mails;
        this.clock = clock;
        this.smtp = smtp;
    }

    /**
     * Puts a mail in the outbox, in the caller's transaction. Called by services only, for anyone (a forgotten
     * password is asked for before signing in); what is written and to whom is the caller's decision.
     */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(Mail mail) {
        mails.save(new OutboxMail(mail, Instant.now(clock)));
    }

    /** The newest mails first, for the beheerder. */
    @PreAuthorize("hasRole('BEHEERDER')")
    @Transactional(readOnly = true)
    public List<Entry> recent(int limit) {
        Instant now = Instant.now(clock);
        boolean configured = smtp.getIfAvailable() != null;
        return mails.findAllByOrderByCreatedAtDescIdDesc(PageRequest.of(0, Math.min(Math.max(limit, 1), 500))).stream()
                .map(m -> new Entry(
                        m.getId(),
                        m.getRecipient(),
                        m.getLanguage(),
                        m.getKind(),
                        m.getSubject(),
                        m.textToSend(),
                        m.getCreatedAt(),
                        status(m, configured, now),
                        m.getSentAt(),
                        m.getAttempts(),
                        m.getNextAttemptAt(),
                        m.getLastError()))
                .toList();
    }

    /** Whether an SMTP server is configured (else mails wait in the outbox). */
    @PreAuthorize("permitAll()")
    public boolean smtpConfigured() {
        return smtp.getIfAvailable() != null;
    }

    /** Mails to an address whose account is deleted go too (called in the deleting transaction). */
    @PreAuthorize("permitAll()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(String recipient) {
        mails.deleteByRecipient(recipient);
    }

    private static Status status(OutboxMail mail, boolean configured, Instant now) {
        if (mail.getSentAt().isPresent()) {
            return Status.SENT;
        }
        if (mail.expired(now)
                || mail.getLinkExpiresAt().isPresent() && mail.getSecretLink().isEmpty()) {
            return Status.EXPIRED;
        }
        if (!configured) {
            return Status.WAITING_FOR_SMTP;
        }
        return mail.getAttempts() > 0 ? Status.RETRYING : Status.QUEUED;
    }
}
