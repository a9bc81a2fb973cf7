package nl.retentiewerkboek.actionplan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;

/**
 * DejaVu Sans, regular and bold, embedded in every PDF we make (the plan and the certificate), so é, ë, ï, € and
 * long names print and the text can be extracted. Also says at what size a text fits a width without breaking a word.
 */
final class PdfFonts {

    private static final byte[] REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    final BaseFont regular;
    final BaseFont bold;

    /** Fonts for one document: OpenPDF keeps per-document state in a font, so each document gets its own. */
    PdfFonts() {
        try {
            regular =
                    BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            bold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the embedded fonts cannot be read", e);
        }
    }

    private static byte[] load(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The largest size from {@code max} down to {@code min} at which every word of {@code text} fits {@code width}
     * points, so lines wrap between words only; {@code min} when even that is too wide (the caller then gives the text
     * more room). A no-break space joins two words into one, as it does on the page.
     */
    static float fit(String text, BaseFont font, float max, float min, float width) {
        float widest = 0;
        for (String word : text.split("[ \\n]+")) {
            widest = Math.max(widest, font.getWidthPoint(word, max));
        }
        if (widest <= width) {
            return max;
        }
        return Math.max(min, (float) Math.floor(max * width / widest * 10) / 10);
    }

    /** Whether every word of {@code text} fits {@code width} points at {@code size}. */
    static boolean fits(String text, BaseFont font, float size, float width) {
        for (String word : text.split("[ \\n]+")) {
            if (font.getWidthPoint(word, size) > width) {
                return false;
            }
        }
        return true;
    }
}
