package nl.retentiewerkboek.actionplan;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/** Draws the certificate of participation: one A4 page in landscape, framed, in the participant's language. */
final class CertificatePdf {

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color MUTED = new Color(0x4b, 0x55, 0x63);
    private static final Color BRAND = new Color(0x0f, 0x5c, 0x63);
    private static final Color ACCENT = new Color(0xb4, 0x54, 0x1b);
    private static final Color LINE = new Color(0xdc, 0xda, 0xd3);

    /**
     * What the certificate says.
     *
     * @param participant the participant's name
     * @param company     their company, if known
     * @param cohort      their cohort and its trainer, if they are in one
     * @param completed   the day it is made: all modules open to them are finished by then
     * @param modules     the titles of the modules finished, in order
     * @param locale      the language
     * @param translate   message key and arguments to text in that language
     */
    record Content(
            String participant,
            Optional<String> company,
            Optional<PlanCohorts.CohortAndTrainer> cohort,
            LocalDate completed,
            List<String> modules,
            Locale locale,
            BiFunction<String, Object[], String> translate) {

        Content {
            modules = List.copyOf(modules);
        }

        String t(String key, Object... args) {
            return translate.apply(key, args);
        }
    }

    private CertificatePdf() {}

    static byte[] render(Content c) {
        PdfFonts fonts = new PdfFonts();
        BaseFont regular = fonts.regular;
        BaseFont bold = fonts.bold;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Rectangle page = PageSize.A4.rotate();
        Document document = new Document(page, 80, 80, 72, 50);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
        document.addTitle(c.t("certificate.title") + " – " + c.participant());
        document.addAuthor(c.cohort().map(PlanCohorts.CohortAndTrainer::trainer).orElse("Retentiewerkboek"));
        document.addSubject(c.t("certificate.subject", c.participant()));
        document.addCreator("Retentiewerkboek");
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(c.locale().toLanguageTag()));
        frame(writer.getDirectContentUnder(), page);

        float width = document.right() - document.left();
        document.add(centred(c.t("pdf.kicker").toUpperCase(c.locale()), new Font(bold, 10, Font.NORMAL, ACCENT), 0));
        document.add(centred(c.t("certificate.title"), new Font(bold, 30, Font.NORMAL, BRAND), 10));
        document.add(centred(c.t("certificate.intro"), new Font(regular, 12, Font.NORMAL, MUTED), 22));
        // the name on one line, smaller if it is long; only a very long name wraps (between words)
        String oneLine = c.participant().replace(' ', '\u00a0');
        String name = PdfFonts.fits(oneLine, bold, 14, width) ? oneLine : c.participant();
        document.add(centred(name, new Font(bold, PdfFonts.fit(name, bold, 28, 14, width), Font.NORMAL, INK), 8));
        c.company().ifPresent(company -> document.add(centred(company, new Font(regular, 14, Font.NORMAL, INK), 4)));
        Font line = new Font(regular, 12, Font.NORMAL, INK);
        if (c.cohort().isPresent()) {
            document.add(centred(c.t("certificate.took-part"), line, 18));
            String cohort = c.cohort().orElseThrow().cohort();
            document.add(
                    centred(cohort, new Font(bold, PdfFonts.fit(cohort, bold, 15, 10, width), Font.NORMAL, BRAND), 4));
            document.add(centred(c.t("certificate.completed", c.modules().size()), line, 4));
        } else {
            document.add(centred(c.t("certificate.what", c.modules().size()), line, 18));
        }
        document.add(modules(c.modules(), new Font(regular, 10, Font.NORMAL, INK), width));
        document.add(signatures(c, regular, bold));
        document.close();
        return out.toByteArray();
    }

    private static Paragraph centred(String text, Font font, float before) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        return p;
    }

    /** The modules finished, numbered, in three columns. */
    private static PdfPTable modules(List<String> titles, Font font, float width) {
        int columns = Math.min(3, Math.max(1, titles.size()));
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(88);
        table.setSpacingBefore(10);
        float inner = width * 0.88f / columns - 12;
        for (int i = 0; i < titles.size(); i++) {
            String text = (i + 1) + "  " + titles.get(i);
            Font fitted = new Font(
                    font.getBaseFont(),
                    PdfFonts.fit(text, font.getBaseFont(), font.getSize(), 7.5f, inner),
                    Font.NORMAL,
                    font.getColor());
            PdfPCell cell = new PdfPCell(new Phrase(text, fitted));
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(3);
            cell.setPaddingLeft(6);
            table.addCell(cell);
        }
        table.completeRow();
        return table;
    }

    /** The date and, for a cohort, the trainer, each above a line with its label under it, at the foot of the page. */
    private static PdfPTable signatures(Content c, BaseFont regular, BaseFont bold) {
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {LocaleNumbers.documentDate(c.completed(), c.locale()), c.t("certificate.date")});
        c.cohort().ifPresent(k -> pairs.add(new String[] {k.trainer(), c.t("certificate.trainer")}));
        PdfPTable table = pairs.size() == 1 ? new PdfPTable(1) : new PdfPTable(new float[] {1, 0.25f, 1});
        table.setWidthPercentage(pairs.size() == 1 ? 32 : 72);
        table.setSpacingBefore(44);
        float width = (PageSize.A4.getHeight() - 160) * (pairs.size() == 1 ? 0.32f : 0.72f / 2.25f) - 8;
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                table.addCell(blank());
            }
            String joined = pairs.get(i)[0].replace(' ', '\u00a0');
            String value = PdfFonts.fits(joined, bold, 7, width) ? joined : pairs.get(i)[0];
            PdfPCell cell =
                    centredCell(value, new Font(bold, PdfFonts.fit(value, bold, 12, 7, width), Font.NORMAL, INK));
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(INK);
            cell.setBorderWidth(0.6f);
            cell.setPaddingBottom(8);
            table.addCell(cell);
        }
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                table.addCell(blank());
            }
            PdfPCell label = centredCell(pairs.get(i)[1], new Font(regular, 9, Font.NORMAL, MUTED));
            label.setBorder(Rectangle.NO_BORDER);
            table.addCell(label);
        }
        return table;
    }

    private static PdfPCell centredCell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setPaddingTop(4);
        return cell;
    }

    private static PdfPCell blank() {
        PdfPCell cell = new PdfPCell(new Phrase(""));
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    /** A double frame in the brand colour with a thin line inside. */
    private static void frame(PdfContentByte cb, Rectangle page) {
        cb.saveState();
        cb.setColorStroke(BRAND);
        cb.setLineWidth(3);
        cb.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
        cb.stroke();
        cb.setColorStroke(LINE);
        cb.setLineWidth(0.8f);
        cb.rectangle(32, 32, page.getWidth() - 64, page.getHeight() - 64);
        cb.stroke();
        cb.restoreState();
    }
}
