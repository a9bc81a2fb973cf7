package nl.retentiewerkboek.actionplan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
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
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.TeamsportResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
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
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Draws the action plan as an A4 PDF with OpenPDF. Page 1 carries what matters: who and which company, the three key
 * numbers and the chosen actions (a table whose header repeats if it runs on), then the re-measurement date. The
 * worksheets follow from page 2, in workbook order, each with its numbers and the same charts as on screen (as
 * vectors). Tile texts get a size at which no word breaks; table rows never split over two pages; every section has
 * a bookmark; the document carries its title, author, subject and language.
 */
public final class PlanPdf {

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color MUTED = new Color(0x4b, 0x55, 0x63);
    private static final Color BRAND = new Color(0x0f, 0x5c, 0x63);
    private static final Color SOFT = new Color(0xe5, 0xf2, 0xf1);
    private static final Color LINE = new Color(0xdc, 0xda, 0xd3);
    private static final Color ACCENT = new Color(0xb4, 0x54, 0x1b);
    private static final float MARGIN = 48;
    private static final float CHART_WIDTH = 499;
    /** A heading needs at least this much room below it on the page, or it moves to the next page. */
    private static final float KEEP_WITH_NEXT = 170;
    /** Inner padding of a tile, left and right, plus a little slack for rounding. */
    private static final float TILE_PADDING = 6;

    private final BaseFont regular;
    private final BaseFont bold;
    private final Font body;
    private final Font small;
    private final Font strong;
    private final Font h1;
    private final Font h2;
    private final Font h3;
    private final Font headerFont;
    private int anchors;

    private PlanPdf() {
        PdfFonts fonts = new PdfFonts();
        regular = fonts.regular;
        bold = fonts.bold;
        body = new Font(regular, 10, Font.NORMAL, INK);
        small = new Font(regular, 8.5f, Font.NORMAL, MUTED);
        strong = new Font(bold, 10, Font.NORMAL, INK);
        h1 = new Font(bold, 24, Font.NORMAL, BRAND);
        h2 = new Font(bold, 15, Font.NORMAL, BRAND);
        h3 = new Font(bold, 12, Font.NORMAL, INK);
        headerFont = new Font(bold, 8.5f, Font.NORMAL, Color.WHITE);
    }

    /** Renders the plan; never returns a broken document: a failure is an exception, not a half PDF. */
    public static byte[] render(PlanContent content) {
        return new PlanPdf().draw(content);
    }

    private byte[] draw(PlanContent c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN + 14, MARGIN + 10);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        String who = c.company().orElse(c.participant());
        writer.setPageEvent(new Footer(c.t("pdf.header", who), c));
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
        document.addTitle(c.t("pdf.title") + " – " + who);
        document.addAuthor(c.participant());
        document.addSubject(c.t("pdf.subject"));
        document.addCreator("Retentiewerkboek");
        document.addKeywords(c.t("pdf.keywords"));
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(c.locale().toLanguageTag()));
        PdfOutline root = writer.getRootOutline();

        cover(document, c);
        heading(document, writer, root, c.t("pdf.numbers"));
        document.add(headline(KeyNumbers.headline(c.workbook(), c.locale(), c.translate())));
        actions(document, writer, root, c);
        remeasure(document, writer, root, c);

        if (writer.getPageNumber() == 1) {
            document.newPage(); // the worksheets start on page 2; when the actions ran on, right after them
        }
        PdfOutline worksheets = heading(document, writer, root, c.t("pdf.worksheets"));
        Workbook book = c.workbook();
        ChartText chartText = new ChartText(key -> c.t(key), c.locale());
        List<KeyNumbers.Section> sections = KeyNumbers.of(book, c.locale(), c.translate());
        for (KeyNumbers.Section section : sections) {
            worksheet(document, writer, worksheets, c, section, chartText);
            if (section.worksheet() == Worksheet.RETENTIEMETER) {
                history(document, writer, worksheets, c);
            }
        }
        if (sections.isEmpty()) {
            document.add(new Paragraph(c.t("pdf.no-numbers"), body));
        }
        reflections(document, writer, root, c);
        document.close();
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ page 1

    private void cover(Document document, PlanContent c) {
        Paragraph kicker =
                new Paragraph(c.t("pdf.kicker").toUpperCase(c.locale()), new Font(bold, 9, Font.NORMAL, ACCENT));
        document.add(kicker);
        Paragraph title = new Paragraph(c.t("pdf.title"), h1);
        title.setSpacingBefore(2);
        title.setSpacingAfter(8);
        document.add(title);
        c.company().ifPresent(company -> document.add(new Paragraph(company, new Font(bold, 15, Font.NORMAL, INK))));
        Paragraph who = new Paragraph(
                c.participant() + c.cohort().map(cohort -> " · " + cohort).orElse(""),
                new Font(regular, 11, Font.NORMAL, INK));
        who.setSpacingBefore(2);
        document.add(who);
        Paragraph dates = new Paragraph();
        dates.add(new Chunk(c.t("pdf.made", LocaleNumbers.documentDate(c.made(), c.locale())) + " · ", small));
        dates.add(new Chunk(
                c.t("pdf.remeasure.cover", LocaleNumbers.documentDate(c.plan().remeasureOr(c.made()), c.locale())),
                new Font(bold, 8.5f, Font.NORMAL, INK)));
        dates.setSpacingBefore(4);
        dates.setSpacingAfter(2);
        document.add(dates);
    }

    /** The three key numbers, large, side by side. */
    private PdfPTable headline(List<KeyNumbers.Figure> figures) {
        PdfPTable table = new PdfPTable(figures.size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        float width = (PageSize.A4.getWidth() - 2 * MARGIN) / figures.size() - 2 * (TILE_PADDING + 4);
        for (KeyNumbers.Figure f : figures) {
            table.addCell(tile(f, width, 9.5f, 24, 9, 10));
        }
        return table;
    }

    private void actions(Document d, PdfWriter w, PdfOutline root, PlanContent c) {
        heading(d, w, root, c.t("pdf.actions"));
        List<PlannedAction> actions = c.plan().actions();
        if (actions.isEmpty()) {
            d.add(new Paragraph(c.t("pdf.no-actions"), body));
            return;
        }
        Columns columns = new Columns(new float[] {0.55f, 2.9f, 1.75f, 1.3f, 1.35f, 2.4f, 1.05f});
        PdfPTable table = columns.table();
        header(
                table,
                columns,
                c,
                "pdf.col.nr",
                "pdf.col.action",
                "pdf.col.department",
                "pdf.col.owner",
                "pdf.col.deadline",
                "pdf.col.kpi",
                "pdf.col.status");
        int n = 1;
        Font cellFont = new Font(regular, 8.5f, Font.NORMAL, INK);
        for (PlannedAction a : actions) {
            table.addCell(cell(Integer.toString(n++), cellFont, columns.inner(0)));
            Phrase what = new Phrase();
            what.add(new Chunk(a.title(), fitted(new Font(bold, 9, Font.NORMAL, INK), a.title(), columns.inner(1))));
            if (!a.why().isBlank()) {
                what.add(new Chunk("\n" + a.why(), fitted(small, a.why(), columns.inner(1))));
            }
            table.addCell(cell(what));
            table.addCell(cell(
                    a.department().map(dep -> c.t("department." + dep.key())).orElse(""), cellFont, columns.inner(2)));
            table.addCell(cell(a.owner(), cellFont, columns.inner(3)));
            table.addCell(cell(
                    a.deadline()
                            .map(dl ->
                                    LocaleNumbers.documentDate(dl, c.locale()).replace(' ', '\u00a0'))
                            .orElse(""),
                    cellFont,
                    columns.inner(4)));
            String kpi = a.kpi();
            if (!a.today().isBlank() || !a.target().isBlank()) {
                kpi += (kpi.isBlank() ? "" : "\n")
                        + c.t(
                                "pdf.kpi.values",
                                a.today().isBlank() ? "–" : oneLine(a.today()),
                                a.target().isBlank() ? "–" : oneLine(a.target()));
            }
            table.addCell(cell(kpi, cellFont, columns.inner(5)));
            table.addCell(cell(c.t("status." + a.status().key()), cellFont, columns.inner(6)));
        }
        d.add(table);
    }

    private void remeasure(Document d, PdfWriter w, PdfOutline root, PlanContent c) {
        heading(d, w, root, c.t("pdf.remeasure"), 60);
        d.add(new Paragraph(
                c.t("pdf.remeasure.text", LocaleNumbers.documentDate(c.plan().remeasureOr(c.made()), c.locale())),
                body));
    }

    // ------------------------------------------------------------------ the worksheets

    /** One worksheet: its title (a bookmark), its numbers as tiles, its sentences and its chart or table. */
    private void worksheet(
            Document d, PdfWriter w, PdfOutline parent, PlanContent c, KeyNumbers.Section section, ChartText text) {
        Worksheet worksheet = section.worksheet();
        // W7's chart and table show every department's score: as tiles only the average
        List<KeyNumbers.Figure> figures =
                worksheet == Worksheet.TEAMSPORT ? section.figures().subList(0, 1) : section.figures();
        // W8's table shows which steps are missing
        List<String> lines = worksheet == Worksheet.OFFBOARDING ? List.of() : section.lines();
        PdfPTable tiles = figures(figures);
        tiles.setTotalWidth(d.right() - d.left());
        tiles.setLockedWidth(true);
        float needed = 40 + tiles.getTotalHeight() + 16 * lines.size() + firstBlockHeight(worksheet);
        keepRoom(d, w, needed);
        subheading(d, w, parent, section.title());
        d.add(tiles);
        if (!lines.isEmpty()) {
            Paragraph lead = new Paragraph(lines.getFirst(), strong);
            lead.setSpacingBefore(4);
            d.add(lead);
            for (String line : lines.subList(1, lines.size())) {
                Paragraph item = new Paragraph("•  " + line, body);
                item.setIndentationLeft(8);
                d.add(item);
            }
        }
        extras(d, w, c, c.workbook(), worksheet, text);
    }

    /** The height of what follows a worksheet's tiles and should stay on their page: a chart or a sentence. */
    private static float firstBlockHeight(Worksheet worksheet) {
        return switch (worksheet) {
            case RETENTIEMETER -> 70;
            case KOSTEN, TEAMSPORT -> 240;
            case DRAAIDEUR, NPS, REDENEN -> 225;
            case KLANTGROEPEN -> 30;
            case OFFBOARDING -> 120;
            default -> 0;
        };
    }

    /** What a worksheet's section shows besides its numbers: the band, a sentence, the chart, a table. */
    private void extras(Document d, PdfWriter w, PlanContent c, Workbook book, Worksheet worksheet, ChartText text) {
        Locale l = c.locale();
        switch (worksheet) {
            case RETENTIEMETER -> {
                RetentiemeterResult r = book.retentiemeter().result().orElseThrow();
                d.add(new Paragraph(KeyNumbers.basis(r, l, c.translate()), small));
                Paragraph band = new Paragraph();
                band.add(new Chunk(c.t(r.band().messageKey() + ".title") + ". ", strong));
                band.add(new Chunk(c.t(r.band().messageKey() + ".advice"), body));
                band.setSpacingBefore(4);
                d.add(band);
            }
            case KOSTEN ->
                chart(
                        d,
                        w,
                        WorksheetCharts.customerCurves(book.kosten().result().orElseThrow(), text),
                        230);
            case DRAAIDEUR -> {
                DraaideurResult r = book.draaideur().result().orElseThrow();
                d.add(new Paragraph(
                        c.t("draaideur.stay-level", LocaleNumbers.whole(BigDecimal.valueOf(r.neededToStayLevel()), l)),
                        body));
                chart(d, w, WorksheetCharts.revolvingDoor(r, text), 200);
            }
            case NPS ->
                chart(d, w, WorksheetCharts.npsDistribution(book.nps().result().orElseThrow(), text), 200);
            case KLANTGROEPEN -> {
                KlantgroepenResult r = book.klantgroepen().result().orElseThrow();
                r.peildatum()
                        .ifPresent(p -> d.add(new Paragraph(
                                c.t(
                                                "klantgroepen.peildatum.used",
                                                LocaleNumbers.documentDate(p, l),
                                                r.inactiveDays(),
                                                r.loyalFrom())
                                        + " "
                                        + c.t(
                                                "pdf.w5.lists",
                                                r.atRisk().size(),
                                                r.reactivation().size()),
                                small)));
            }
            case REDENEN ->
                chart(d, w, WorksheetCharts.reasons(book.redenen().result().orElseThrow(), text), 200);
            case TEAMSPORT -> team(d, w, c, book.teamsport().result().orElseThrow(), text);
            case OFFBOARDING -> offboarding(d, c, book.offboarding().result().orElseThrow());
            default -> {
                // the numbers say it all
            }
        }
    }

    /** Earlier measurements beside the current one, with the change in retention. */
    private void history(Document d, PdfWriter w, PdfOutline parent, PlanContent c) {
        if (c.history().size() <= 1) {
            return;
        }
        subheading(d, w, parent, c.t("pdf.history"));
        Columns columns = new Columns(new float[] {1f, 1.4f, 1.3f, 1.3f, 1.6f, 1.8f});
        PdfPTable table = columns.table();
        header(
                table,
                columns,
                c,
                "history.measurement",
                "history.date",
                "retentiemeter.retention",
                "retentiemeter.churn",
                "retentiemeter.annual",
                "history.change");
        Locale l = c.locale();
        Font f = new Font(regular, 9, Font.NORMAL, INK);
        for (MeasurementHistory.Row row : c.history()) {
            table.addCell(cell(Integer.toString(row.number()), f));
            table.addCell(cell(
                    row.measuredOn().map(x -> LocaleNumbers.documentDate(x, l)).orElse("–"), f, columns.inner(1)));
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
                    f,
                    columns.inner(5)));
        }
        d.add(table);
    }

    private void offboarding(Document d, PlanContent c, OffboardingResult r) {
        Columns columns = new Columns(new float[] {2.2f, 1.4f, 1.7f, 1.6f, 1.75f});
        PdfPTable table = columns.table();
        table.setSpacingBefore(6);
        header(
                table,
                columns,
                c,
                "pdf.col.step",
                "offboarding.used",
                "offboarding.owner",
                "offboarding.timing",
                "offboarding.note");
        for (OffboardingStep step : OffboardingStep.values()) {
            OffboardingResult.Step s = r.steps().get(step);
            Font plain = new Font(regular, 9, Font.NORMAL, INK);
            Font missing = new Font(bold, 9, Font.NORMAL, ACCENT);
            table.addCell(cell(c.t("step." + step.key()), s.used() ? plain : missing, columns.inner(0)));
            table.addCell(cell(
                    c.t(s.used() ? "offboarding.ja" : "pdf.w8.missing"), s.used() ? plain : missing, columns.inner(1)));
            table.addCell(cell(s.owner(), plain, columns.inner(2)));
            table.addCell(cell(s.timing(), plain, columns.inner(3)));
            table.addCell(cell(s.note(), plain, columns.inner(4)));
        }
        d.add(table);
    }

    private void team(Document d, PdfWriter w, PlanContent c, TeamsportResult r, ChartText text) {
        chart(d, w, WorksheetCharts.teamScores(r, text), 230);
        Columns columns = new Columns(new float[] {2f, 5f, 0.8f});
        PdfPTable table = columns.table();
        header(table, columns, c, "pdf.col.department", "pdf.col.question", "pdf.col.score");
        for (Department dep : Department.values()) {
            table.addCell(cell(c.t("department." + dep.key()), strong, columns.inner(0)));
            table.addCell(cell(c.t("teamsport.question." + dep.key()), body, columns.inner(1)));
            table.addCell(cell(Integer.toString(r.scores().get(dep)), strong));
        }
        d.add(table);
    }

    /** The participant's answers to the lessons' "Vragen voor jezelf": per lesson, each question with its answer. */
    private void reflections(Document d, PdfWriter w, PdfOutline root, PlanContent c) {
        if (c.reflections().isEmpty()) {
            return;
        }
        PdfOutline section = heading(d, w, root, c.t("pdf.reflections"));
        for (WorkbookService.Reflections lesson : c.reflections()) {
            subheading(d, w, section, lesson.title());
            for (WorkbookService.Reflection r : lesson.answered()) {
                if (r.answer().isBlank()) {
                    continue;
                }
                Paragraph question = new Paragraph(r.question(), strong);
                question.setSpacingBefore(4);
                question.setKeepTogether(true);
                d.add(question);
                d.add(new Paragraph(r.answer(), body));
            }
        }
    }

    // ------------------------------------------------------------------ building blocks

    private PdfOutline heading(Document d, PdfWriter w, PdfOutline parent, String text) {
        return heading(d, w, parent, text, KEEP_WITH_NEXT);
    }

    /** A section heading with a bookmark to it; it moves to the next page when less than {@code room} is left. */
    private PdfOutline heading(Document d, PdfWriter w, PdfOutline parent, String text, float room) {
        keepRoom(d, w, room);
        Paragraph p = new Paragraph(anchor(text, h2));
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        d.add(p);
        return outline(parent, text);
    }

    private void subheading(Document d, PdfWriter w, PdfOutline parent, String text) {
        keepRoom(d, w, KEEP_WITH_NEXT);
        Paragraph p = new Paragraph(anchor(text, h3));
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        d.add(p);
        outline(parent, text);
    }

    /** A heading's text carrying a named destination, for the bookmark made right after it. */
    private Chunk anchor(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setLocalDestination("section-" + (++anchors));
        return chunk;
    }

    private PdfOutline outline(PdfOutline parent, String text) {
        PdfOutline outline = new PdfOutline(parent, PdfAction.gotoLocalPage("section-" + anchors, false), text);
        outline.setOpen(true);
        return outline;
    }

    /** Starts a new page when less than {@code room} (at most a page) is left, so a block is not torn apart. */
    private static void keepRoom(Document d, PdfWriter w, float room) {
        float page = d.top() - d.bottom();
        float left = w.getVerticalPosition(true) - d.bottom();
        if (left < Math.min(room, page - 20) && left < page - 20) {
            d.newPage();
        }
    }

    /** The header row, repeated on every page the table spans; a heading too wide for its column gets smaller. */
    private void header(PdfPTable table, Columns columns, PlanContent c, String... keys) {
        table.setHeaderRows(1);
        for (int i = 0; i < keys.length; i++) {
            String text = c.t(keys[i]);
            PdfPCell cell = new PdfPCell(new Phrase(text, fitted(headerFont, text, columns.inner(i))));
            cell.setBackgroundColor(BRAND);
            cell.setBorderColor(BRAND);
            cell.setPadding(5);
            table.addCell(cell);
        }
    }

    /**
     * A worksheet's numbers as tiles, four a row, or three or two when a label's longest word would not fit a
     * quarter of the page even at the smallest size.
     */
    private PdfPTable figures(List<KeyNumbers.Figure> figures) {
        float page = PageSize.A4.getWidth() - 2 * MARGIN;
        int columns = 4;
        while (columns > 2 && !allFit(figures, page / columns - 2 * TILE_PADDING - 2)) {
            columns--;
        }
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        table.setSpacingAfter(4);
        float width = page / columns - 2 * TILE_PADDING - 2;
        for (KeyNumbers.Figure f : figures) {
            table.addCell(tile(f, width, 8.5f, 16, 8.5f, 7));
        }
        table.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        table.completeRow();
        return table;
    }

    private boolean allFit(List<KeyNumbers.Figure> figures, float width) {
        return figures.stream()
                .allMatch(
                        f -> PdfFonts.fits(f.label(), regular, 7, width) && PdfFonts.fits(f.value(), bold, 10, width));
    }

    /** One number in a tile: its label, the number large and an optional note, each sized so no word breaks. */
    private PdfPCell tile(
            KeyNumbers.Figure f, float width, float labelSize, float valueSize, float noteSize, float min) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(
                f.label() + "\n",
                new Font(regular, PdfFonts.fit(f.label(), regular, labelSize, min, width), Font.NORMAL, MUTED)));
        // a short value ("6,7 maanden") stays on one line, smaller if need be; a long one wraps between words
        String joined = f.value().replace(' ', '\u00a0');
        String value = PdfFonts.fits(joined, bold, Math.min(valueSize, 12), width) ? joined : f.value();
        phrase.add(
                new Chunk(value, new Font(bold, PdfFonts.fit(value, bold, valueSize, 10, width), Font.NORMAL, BRAND)));
        f.note()
                .ifPresent(note -> phrase.add(new Chunk(
                        "\n" + note,
                        new Font(regular, PdfFonts.fit(note, regular, noteSize, 6.5f, width), Font.NORMAL, MUTED))));
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBackgroundColor(SOFT);
        cell.setBorderColor(Color.WHITE);
        cell.setBorderWidth(3);
        cell.setPadding(TILE_PADDING);
        cell.setPaddingBottom(8);
        return cell;
    }

    /** A short value such as "85,0 %" kept on one line. */
    private static String oneLine(String value) {
        return value.length() <= 16 ? value.replace(' ', '\u00a0') : value;
    }

    /** The same font at the size where every word of {@code text} fits {@code width}. */
    private static Font fitted(Font font, String text, float width) {
        float size = PdfFonts.fit(text, font.getBaseFont(), font.getSize(), 6.5f, width);
        return size == font.getSize() ? font : new Font(font.getBaseFont(), size, font.getStyle(), font.getColor());
    }

    private PdfPCell cell(String text, Font font) {
        return cell(new Phrase(text == null ? "" : text, font));
    }

    private PdfPCell cell(String text, Font font, float width) {
        String value = text == null ? "" : text;
        return cell(new Phrase(value, fitted(font, value, width)));
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

    /**
     * A table's columns: relative widths over the page's width, and the room inside each cell. A row moves whole to
     * the next page when it does not fit (split late); it could only split if it were taller than a page, which the
     * 500-character limit on every field rules out.
     */
    private record Columns(float[] relative) {

        PdfPTable table() {
            PdfPTable table = new PdfPTable(relative);
            table.setWidthPercentage(100);
            table.setSplitLate(true);
            return table;
        }

        /** The width inside a cell of column {@code i}, less its padding. */
        float inner(int i) {
            float sum = 0;
            for (float r : relative) {
                sum += r;
            }
            return (PageSize.A4.getWidth() - 2 * MARGIN) * relative[i] / sum - 10 - 1;
        }
    }

    /** Draws a chart definition as vectors, with the embedded font for its text. */
    private void chart(Document d, PdfWriter w, Chart chart, float height) {
        float width = CHART_WIDTH;
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
}
