package nl.retentiewerkboek.actionplan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.charts.Chart;
import nl.retentiewerkboek.charts.ChartText;
import nl.retentiewerkboek.charts.WorksheetCharts;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.DraaideurResult;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.metrics.OffboardingResult;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.Period;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.TeamsportResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.FontMapper;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Draws the action plan as an A4 PDF with OpenPDF: a cover, the key numbers of every filled-in
 * worksheet with the same charts as on screen (as vectors), the actions as a table whose header
 * repeats across pages, the offboarding process, the team-sport scores and the re-measure date.
 * DejaVu Sans is embedded, so é, ë, ï, € and long names print, and the text can be extracted.
 */
public final class PlanPdf {

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color MUTED = new Color(0x4b, 0x55, 0x63);
    private static final Color BRAND = new Color(0x0f, 0x5c, 0x63);
    private static final Color SOFT = new Color(0xe5, 0xf2, 0xf1);
    private static final Color LINE = new Color(0xdc, 0xda, 0xd3);
    private static final Color ACCENT = new Color(0xb4, 0x54, 0x1b);
    private static final float MARGIN = 48;
    /** A heading needs at least this much room below it on the page, or it moves to the next page. */
    private static final float KEEP_WITH_NEXT = 170;

    private static final byte[] REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    private final BaseFont regular;
    private final BaseFont bold;
    private final Font body;
    private final Font small;
    private final Font strong;
    private final Font h1;
    private final Font h2;
    private final Font big;
    private final Font label;

    private PlanPdf() {
        try {
            regular =
                    BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            bold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the embedded fonts cannot be read", e);
        }
        body = new Font(regular, 10, Font.NORMAL, INK);
        small = new Font(regular, 8.5f, Font.NORMAL, MUTED);
        strong = new Font(bold, 10, Font.NORMAL, INK);
        h1 = new Font(bold, 26, Font.NORMAL, BRAND);
        h2 = new Font(bold, 15, Font.NORMAL, BRAND);
        big = new Font(bold, 16, Font.NORMAL, BRAND);
        label = new Font(regular, 8.5f, Font.NORMAL, MUTED);
    }

    private static byte[] load(String resource) {
        try (InputStream in = PlanPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders the plan; never returns a broken document: a failure is an exception, not a half PDF. */
    public static byte[] render(PlanContent content) {
        return new PlanPdf().draw(content);
    }

    private byte[] draw(PlanContent c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN + 14, MARGIN + 10);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        String title = c.t("pdf.title");
        writer.setPageEvent(new Footer(c.t("pdf.header", c.company().orElse(c.participant())), c));
        document.addTitle(title + " – " + c.company().orElse(c.participant()));
        document.addAuthor(c.participant());
        document.addSubject(c.t("pdf.subject"));
        document.addCreator("Retentiewerkboek");
        document.addKeywords(c.t("pdf.keywords"));
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(c.locale().toLanguageTag()));

        cover(document, c);
        Workbook book = c.workbook();
        ChartText chartText = new ChartText(key -> c.t(key), c.locale());
        document.newPage();
        heading(document, writer, c.t("pdf.numbers"));
        List<KeyNumbers.Section> sections = KeyNumbers.of(book, c.locale(), c.translate());
        boolean any = !sections.isEmpty();
        for (KeyNumbers.Section section : sections) {
            subheading(document, writer, section.title());
            List<PdfPCell> cells = new ArrayList<>();
            for (KeyNumbers.Figure f : section.figures()) {
                cells.add(figure(f.label(), f.value(), f.note().orElse(null)));
            }
            document.add(figures(cells));
            extras(document, writer, c, book, section.worksheet(), chartText);
        }
        if (!any) {
            document.add(new Paragraph(c.t("pdf.no-numbers"), body));
        }
        history(document, writer, c);
        actions(document, writer, c);
        if (book.offboarding().isComplete()) {
            offboarding(document, writer, c, book.offboarding().result().orElseThrow());
        }
        if (book.teamsport().isComplete()) {
            team(document, writer, c, book.teamsport().result().orElseThrow(), chartText);
        }
        remeasure(document, writer, c);
        reflections(document, writer, c);
        document.close();
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ sections

    private void cover(Document document, PlanContent c) {
        Paragraph kicker =
                new Paragraph(c.t("pdf.kicker").toUpperCase(c.locale()), new Font(bold, 10, Font.NORMAL, ACCENT));
        kicker.setSpacingBefore(150);
        document.add(kicker);
        Paragraph title = new Paragraph(c.t("pdf.title"), h1);
        title.setSpacingBefore(6);
        title.setSpacingAfter(24);
        document.add(title);
        c.company().ifPresent(company -> document.add(new Paragraph(company, new Font(bold, 18, Font.NORMAL, INK))));
        Paragraph who = new Paragraph(c.participant(), new Font(regular, 13, Font.NORMAL, INK));
        who.setSpacingBefore(6);
        document.add(who);
        c.cohort().ifPresent(cohort -> document.add(new Paragraph(cohort, new Font(regular, 11, Font.NORMAL, MUTED))));
        Paragraph date = new Paragraph(c.t("pdf.made", LocaleNumbers.date(c.made(), c.locale())), small);
        date.setSpacingBefore(24);
        document.add(date);
        Paragraph remeasure = new Paragraph(
                c.t("pdf.remeasure.cover", LocaleNumbers.date(c.plan().remeasureOr(c.made()), c.locale())), strong);
        remeasure.setSpacingBefore(4);
        document.add(remeasure);
    }

    /** What a worksheet's section shows besides its numbers: the band, a sentence, the chart. */
    private void extras(Document d, PdfWriter w, PlanContent c, Workbook book, Worksheet worksheet, ChartText text) {
        Locale l = c.locale();
        switch (worksheet) {
            case RETENTIEMETER -> {
                RetentiemeterResult r = book.retentiemeter().result().orElseThrow();
                d.add(new Paragraph(KeyNumbers.basis(r, l, c.translate()), small));
                Paragraph band = new Paragraph();
                band.add(new Chunk(c.t(r.band().messageKey() + ".title") + ". ", strong));
                band.add(new Chunk(c.t(r.band().messageKey() + ".advice"), body));
                if (r.period() != Period.KWARTAAL) {
                    band.add(new Chunk(
                            " "
                                    + c.t(
                                            "retentiemeter.band.basis."
                                                    + r.period().key(),
                                            LocaleNumbers.percent(r.quarterly(), l),
                                            LocaleNumbers.percent(r.retention(), l)),
                            small));
                }
                band.setSpacingBefore(4);
                d.add(band);
            }
            case KOSTEN ->
                chart(
                        d,
                        w,
                        WorksheetCharts.customerCurves(book.kosten().result().orElseThrow(), text),
                        499,
                        230);
            case DRAAIDEUR -> {
                DraaideurResult r = book.draaideur().result().orElseThrow();
                d.add(new Paragraph(
                        c.t("draaideur.stay-level", LocaleNumbers.whole(BigDecimal.valueOf(r.neededToStayLevel()), l)),
                        body));
                chart(d, w, WorksheetCharts.revolvingDoor(r, text), 499, 200);
            }
            case NPS ->
                chart(d, w, WorksheetCharts.npsDistribution(book.nps().result().orElseThrow(), text), 499, 200);
            case KLANTGROEPEN -> {
                KlantgroepenResult r = book.klantgroepen().result().orElseThrow();
                r.peildatum()
                        .ifPresent(p -> d.add(new Paragraph(
                                c.t(
                                                "klantgroepen.peildatum.used",
                                                LocaleNumbers.date(p, l),
                                                r.inactiveDays(),
                                                r.loyalFrom())
                                        + " "
                                        + c.t(
                                                "pdf.w5.lists",
                                                r.atRisk().size(),
                                                r.reactivation().size()),
                                small)));
            }
            default -> {
                // the numbers say it all
            }
        }
    }

    /** Earlier measurements beside the current one, with the change in retention. */
    private void history(Document d, PdfWriter w, PlanContent c) {
        if (c.history().size() <= 1) {
            return;
        }
        subheading(d, w, c.t("pdf.history"));
        PdfPTable table = new PdfPTable(new float[] {1f, 1.4f, 1.3f, 1.3f, 1.6f, 1.8f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : List.of(
                "history.measurement",
                "history.date",
                "retentiemeter.retention",
                "retentiemeter.churn",
                "retentiemeter.annual",
                "history.change")) {
            PdfPCell cell = new PdfPCell(new Phrase(c.t(key), new Font(bold, 8.5f, Font.NORMAL, Color.WHITE)));
            cell.setBackgroundColor(BRAND);
            cell.setBorderColor(BRAND);
            cell.setPadding(5);
            table.addCell(cell);
        }
        Locale l = c.locale();
        Font f = new Font(regular, 9, Font.NORMAL, INK);
        for (MeasurementHistory.Row row : c.history()) {
            table.addCell(cell(Integer.toString(row.number()), f));
            table.addCell(
                    cell(row.measuredOn().map(x -> LocaleNumbers.date(x, l)).orElse("–"), f));
            table.addCell(cell(
                    row.retention()
                            .map(r -> LocaleNumbers.percent(r.retention(), l))
                            .orElse("–"),
                    f));
            table.addCell(cell(
                    row.retention()
                            .map(r -> LocaleNumbers.percent(r.churn(), l))
                            .orElse("–"),
                    f));
            table.addCell(cell(
                    row.retention()
                            .map(r -> LocaleNumbers.percent(r.annual(), l))
                            .orElse("–"),
                    f));
            table.addCell(cell(
                    row.change()
                            .map(ch -> {
                                String number = LocaleNumbers.decimal(ch.abs(), 1, l);
                                int sign = LocaleNumbers.roundPercent(ch).signum();
                                return c.t("history.points", (sign > 0 ? "+" : sign < 0 ? "\u2212" : "") + number);
                            })
                            .orElse("–"),
                    f));
        }
        d.add(table);
    }

    private void actions(Document d, PdfWriter w, PlanContent c) {
        heading(d, w, c.t("pdf.actions"));
        List<PlannedAction> actions = c.plan().actions();
        if (actions.isEmpty()) {
            d.add(new Paragraph(c.t("pdf.no-actions"), body));
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {0.45f, 2.75f, 1.85f, 1.3f, 1.45f, 1.9f, 1.1f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSplitLate(false);
        for (String key : List.of(
                "pdf.col.nr",
                "pdf.col.action",
                "pdf.col.department",
                "pdf.col.owner",
                "pdf.col.deadline",
                "pdf.col.kpi",
                "pdf.col.status")) {
            PdfPCell cell = new PdfPCell(new Phrase(c.t(key), new Font(bold, 8.5f, Font.NORMAL, Color.WHITE)));
            cell.setBackgroundColor(BRAND);
            cell.setPadding(5);
            cell.setBorderColor(BRAND);
            table.addCell(cell);
        }
        int n = 1;
        for (PlannedAction a : actions) {
            Font cellFont = new Font(regular, 8.5f, Font.NORMAL, INK);
            table.addCell(cell(Integer.toString(n++), cellFont));
            Phrase what = new Phrase();
            what.add(new Chunk(a.title(), new Font(bold, 9, Font.NORMAL, INK)));
            if (!a.why().isBlank()) {
                what.add(new Chunk("\n" + a.why(), small));
            }
            table.addCell(cell(what));
            table.addCell(cell(
                    a.department().map(dep -> c.t("department." + dep.key())).orElse(""), cellFont));
            table.addCell(cell(a.owner(), cellFont));
            table.addCell(cell(
                    a.deadline().map(dl -> LocaleNumbers.date(dl, c.locale())).orElse(""), cellFont));
            String kpi = a.kpi();
            if (!a.today().isBlank() || !a.target().isBlank()) {
                kpi += (kpi.isBlank() ? "" : "\n")
                        + c.t(
                                "pdf.kpi.values",
                                a.today().isBlank() ? "–" : a.today(),
                                a.target().isBlank() ? "–" : a.target());
            }
            table.addCell(cell(kpi, cellFont));
            table.addCell(cell(c.t("status." + a.status().key()), cellFont));
        }
        d.add(table);
    }

    private void offboarding(Document d, PdfWriter w, PlanContent c, OffboardingResult r) {
        heading(d, w, c.t("offboarding.title"));
        d.add(new Paragraph(c.t("pdf.w8.summary", r.inUse(), r.total()), body));
        PdfPTable table = new PdfPTable(new float[] {2.2f, 1.4f, 1.7f, 1.6f, 1.75f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(6);
        for (String key : List.of(
                "pdf.col.step", "offboarding.used", "offboarding.owner", "offboarding.timing", "offboarding.note")) {
            PdfPCell cell = new PdfPCell(new Phrase(c.t(key), new Font(bold, 8.5f, Font.NORMAL, Color.WHITE)));
            cell.setBackgroundColor(BRAND);
            cell.setBorderColor(BRAND);
            cell.setPadding(5);
            table.addCell(cell);
        }
        for (OffboardingStep step : OffboardingStep.values()) {
            OffboardingResult.Step s = r.steps().get(step);
            Font plain = new Font(regular, 9, Font.NORMAL, INK);
            Font missing = new Font(bold, 9, Font.NORMAL, ACCENT);
            table.addCell(cell(c.t("step." + step.key()), s.used() ? plain : missing));
            table.addCell(cell(c.t(s.used() ? "offboarding.ja" : "pdf.w8.missing"), s.used() ? plain : missing));
            table.addCell(cell(s.owner(), plain));
            table.addCell(cell(s.timing(), plain));
            table.addCell(cell(s.note(), plain));
        }
        d.add(table);
    }

    private void team(Document d, PdfWriter w, PlanContent c, TeamsportResult r, ChartText text) {
        heading(d, w, c.t("teamsport.title"));
        Paragraph avg = new Paragraph(
                c.t(
                        "pdf.w7.summary",
                        LocaleNumbers.decimal(r.average(), 1, c.locale()),
                        String.join(
                                c.t("pdf.and"),
                                r.weakest().stream()
                                        .map(dep -> c.t("department." + dep.key()))
                                        .toList())),
                body);
        d.add(avg);
        chart(d, w, WorksheetCharts.teamScores(r, text), 499, 230);
        PdfPTable table = new PdfPTable(new float[] {2f, 5f, 0.8f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : List.of("pdf.col.department", "pdf.col.question", "pdf.col.score")) {
            PdfPCell cell = new PdfPCell(new Phrase(c.t(key), new Font(bold, 8.5f, Font.NORMAL, Color.WHITE)));
            cell.setBackgroundColor(BRAND);
            cell.setBorderColor(BRAND);
            cell.setPadding(5);
            table.addCell(cell);
        }
        for (Department dep : Department.values()) {
            table.addCell(cell(c.t("department." + dep.key()), strong));
            table.addCell(cell(c.t("teamsport.question." + dep.key()), body));
            table.addCell(cell(Integer.toString(r.scores().get(dep)), strong));
        }
        d.add(table);
    }

    private void remeasure(Document d, PdfWriter w, PlanContent c) {
        heading(d, w, c.t("pdf.remeasure"));
        d.add(new Paragraph(
                c.t("pdf.remeasure.text", LocaleNumbers.date(c.plan().remeasureOr(c.made()), c.locale())), body));
    }

    /** The participant's answers to the lessons' "Vragen voor jezelf": per lesson, each question with its answer. */
    private void reflections(Document d, PdfWriter w, PlanContent c) {
        if (c.reflections().isEmpty()) {
            return;
        }
        heading(d, w, c.t("pdf.reflections"));
        for (WorkbookService.Reflections lesson : c.reflections()) {
            subheading(d, w, lesson.title());
            for (WorkbookService.Reflection r : lesson.answered()) {
                if (r.answer().isBlank()) {
                    continue;
                }
                Paragraph question = new Paragraph(r.question(), strong);
                question.setSpacingBefore(4);
                d.add(question);
                d.add(new Paragraph(r.answer(), body));
            }
        }
    }

    // ------------------------------------------------------------------ building blocks

    private void heading(Document d, PdfWriter w, String text) {
        keepRoom(d, w);
        Paragraph p = new Paragraph(text, h2);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        d.add(p);
    }

    private void subheading(Document d, PdfWriter w, String text) {
        keepRoom(d, w);
        Paragraph p = new Paragraph(text, new Font(bold, 12, Font.NORMAL, INK));
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        d.add(p);
    }

    /** Starts a new page when a heading would otherwise stand alone at the bottom. */
    private static void keepRoom(Document d, PdfWriter w) {
        if (w.getVerticalPosition(true) - d.bottom() < KEEP_WITH_NEXT) {
            d.newPage();
        }
    }

    private PdfPTable figures(List<PdfPCell> cells) {
        PdfPTable table = new PdfPTable(4);
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        table.setSpacingAfter(4);
        for (PdfPCell cell : cells) {
            table.addCell(cell);
        }
        table.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        table.completeRow();
        return table;
    }

    private PdfPCell figure(String name, String value) {
        return figure(name, value, null);
    }

    private PdfPCell figure(String name, String value, String note) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(name + "\n", label));
        phrase.add(new Chunk(value, big));
        if (note != null) {
            phrase.add(new Chunk("\n" + note, small));
        }
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBackgroundColor(SOFT);
        cell.setBorderColor(Color.WHITE);
        cell.setBorderWidth(3);
        cell.setPadding(6);
        cell.setPaddingBottom(8);
        return cell;
    }

    private PdfPCell cell(String text, Font font) {
        return cell(new Phrase(text == null ? "" : text, font));
    }

    private PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(5);
        cell.setBorderColor(LINE);
        cell.setBorderWidthLeft(0);
        cell.setBorderWidthRight(0);
        cell.setBorderWidthTop(0);
        return cell;
    }

    /** Draws a chart definition as vectors, with the embedded font for its text. */
    private void chart(Document d, PdfWriter w, Chart chart, float width, float height) {
        PdfContentByte cb = w.getDirectContent();
        PdfTemplate template = cb.createTemplate(width, height);
        Graphics2D g2 = template.createGraphics(width, height, new EmbeddedFonts());
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingBefore(4);
        image.setSpacingAfter(4);
        d.add(image);
    }

    /** Maps every font a chart asks for to the embedded DejaVu Sans. */
    private final class EmbeddedFonts implements FontMapper {
        @Override
        public BaseFont awtToPdf(java.awt.Font font) {
            return font.isBold() ? bold : regular;
        }

        @Override
        public java.awt.Font pdfToAwt(BaseFont font, int size) {
            return new java.awt.Font(WorksheetCharts.class.getSimpleName(), java.awt.Font.PLAIN, size);
        }
    }

    /** The running header and "page x of y" footer. */
    private final class Footer extends PdfPageEventHelper {
        private final String header;
        private final PlanContent content;
        private PdfTemplate total;

        Footer(String header, PlanContent content) {
            this.header = header;
            this.content = content;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            int page = writer.getPageNumber();
            if (page > 1) {
                ColumnText.showTextAligned(
                        cb, Element.ALIGN_LEFT, new Phrase(header, small), document.left(), document.top() + 22, 0);
                cb.setColorStroke(LINE);
                cb.moveTo(document.left(), document.top() + 16);
                cb.lineTo(document.right(), document.top() + 16);
                cb.stroke();
            }
            String text = content.t("pdf.page", page);
            float x = document.right() - 40;
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(text, small), x, document.bottom() - 24, 0);
            cb.addTemplate(total, x, document.bottom() - 24);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(
                    total,
                    Element.ALIGN_LEFT,
                    new Phrase(content.t("pdf.page.total", writer.getPageNumber() - 1), small),
                    0,
                    0,
                    0);
        }
    }

    @SuppressWarnings("unused")
    private static Rectangle a4() {
        return PageSize.A4;
    }
}
