package nl.retentiewerkboek.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One mail in the outbox: waiting, sent, or given up on because its link expired. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

    /** Where the text holds the link that is kept apart ({@link #secretLink}). */
    static final String LINK = "{link}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 5)
    private String language;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "text_body", nullable = false, length = 20000)
    private String textBody;

    @Column(name = "secret_link", length = 1000)
    private String secretLink;

    @Column(name = "link_expires_at")
    private Instant linkExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected OutboxMail() {}

    OutboxMail(Mail mail, Instant now) {
        this.recipient = mail.recipient();
        this.language = mail.language();
        this.kind = mail.kind();
        this.subject = mail.subject();
        this.textBody = mail.text();
        this.secretLink = mail.secretLink().orElse(null);
        this.linkExpiresAt = mail.linkExpiresAt().orElse(null);
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    long getId() {
        return id;
    }

    String getRecipient() {
        return recipient;
    }

    String getLanguage() {
        return language;
    }

    String getKind() {
        return kind;
    }

    String getSubject() {
        return subject;
    }

    /** The text as sent: with the link in its place. */
    String textToSend() {
        return secretLink == null ? textBody : textBody.replace(LINK, secretLink);
    }

    Optional<String> getSecretLink() {
        return Optional.ofNullable(secretLink);
    }

    Optional<Instant> getLinkExpiresAt() {
        return Optional.ofNullable(linkExpiresAt);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Optional<Instant> getSentAt() {
        return Optional.ofNullable(sentAt);
    }

    int getAttempts() {
        return attempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Optional<String> getLastError() {
        return Optional.ofNullable(lastError);
    }

    boolean expired(Instant now) {
        return linkExpiresAt != null && !now.isBefore(linkExpiresAt);
    }

    void sent(Instant now) {
        sentAt = now;
        lastError = null;
        forgetLink();
    }

    void failed(String reason, Instant retryAt) {
        attempts++;
        lastError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        nextAttemptAt = retryAt;
    }

    /** The link is erased from the outbox once it is sent or can no longer be used. */
    void forgetLink() {
        if (secretLink != null) {
            secretLink = null;
            textBody = textBody.replace(LINK, "[…]");
        }
    }
}
