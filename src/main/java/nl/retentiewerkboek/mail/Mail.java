package nl.retentiewerkboek.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * A mail to write: to whom, in which language, what kind (for the outbox list), the subject and the plain text, whose
 * paragraphs are separated by blank lines. A link that signs someone in is given apart ({@code {link}} in the text
 * marks its place) with the moment it stops working: it is erased from the outbox once sent or expired.
 */
public record Mail(
        String recipient,
        String language,
        String kind,
        String subject,
        String text,
        Optional<String> secretLink,
        Optional<Instant> linkExpiresAt) {

    /** Where {@link #secretLink} goes in the text. */
    public static final String LINK = OutboxMail.LINK;

    public Mail {
        if (recipient == null || recipient.isBlank() || recipient.length() > 320) {
            throw new IllegalArgumentException("no recipient");
        }
        if (secretLink.isPresent() != text.contains(LINK)) {
            throw new IllegalArgumentException("a secret link needs its place in the text, and only then");
        }
    }

    public static Mail plain(String recipient, String language, String kind, String subject, String text) {
        return new Mail(recipient, language, kind, subject, text, Optional.empty(), Optional.empty());
    }
}
