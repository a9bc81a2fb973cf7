package nl.retentiewerkboek.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML part of a mail, made from its plain text so the two never say different things: a paragraph per block of
 * lines, the lines kept, a web address as a link. No images, no tracking, no styles a mail program would have to load.
 */
final class MailHtml {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private MailHtml() {}

    static String of(String text, String language) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
                .append(escape(language))
                .append("\"><head><meta charset=\"UTF-8\"></head>")
                .append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5;"
                        + " color: #1f2a37; max-width: 36em;\">\n");
        for (String block : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>");
            String[] lines = block.strip().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                html.append(linked(lines[i]));
            }
            html.append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String linked(String line) {
        StringBuilder out = new StringBuilder();
        Matcher m = LINK.matcher(line);
        int at = 0;
        while (m.find()) {
            out.append(escape(line.substring(at, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            at = m.end();
        }
        return out.append(escape(line.substring(at))).toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
