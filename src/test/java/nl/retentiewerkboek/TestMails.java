package nl.retentiewerkboek;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads a received mail as its reader would: the plain text part and the HTML part, decoded. */
public final class TestMails {

    private TestMails() {}

    /** The plain text part, with the line ends of the text as written (SMTP sends CRLF). */
    public static String text(MimeMessage message) throws Exception {
        String text = part(message, "text/plain");
        return text == null ? null : text.replace("\r\n", "\n");
    }

    public static String html(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String found = part(parts.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
