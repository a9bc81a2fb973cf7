package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.metrics.Worksheet;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel workbooks in: what Excel and other tools write, read through the same counts as a CSV, within bounds. */
class XlsxSheetTest {

    @TempDir
    Path dir;

    private static final String TYPES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            </Types>""";
    private static final String WORKBOOK = """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <workbookPr%s/><sheets><sheet name="Bestellingen" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    private static final String RELS = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            </Relationships>""";
    /** Style 0 general, 1 Excel's built-in date (14), 2 a custom d-m-yyyy, 3 a custom time only, 4 a currency. */
    private static final String STYLES = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <numFmts count="3"><numFmt numFmtId="164" formatCode="d\\-m\\-yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm"/>
            <numFmt numFmtId="166" formatCode="&quot;€&quot;\\ #,##0.00"/></numFmts>
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>
            </styleSheet>""";

    private Path workbook(String sheetRows, String shared, boolean date1904) throws IOException {
        Path file = Files.createTempFile(dir, "book", ".xlsx");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", TYPES);
        parts.put("xl/workbook.xml", WORKBOOK.formatted(date1904 ? " date1904=\"1\"" : ""));
        parts.put("xl/_rels/workbook.xml.rels", RELS);
        parts.put("xl/styles.xml", STYLES);
        parts.put(
                "xl/sharedStrings.xml",
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + shared + "</sst>");
        parts.put(
                "xl/worksheets/sheet1.xml",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetRows
                        + "</sheetData></worksheet>");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private String csv(Path xlsx) throws IOException {
        Path out = dir.resolve("out.csv");
        XlsxSheet.toCsv(xlsx, out);
        return Files.readString(out);
    }

    @Test
    void dates_by_their_format_numbers_as_numbers_texts_shared_and_inline_formulas_by_their_saved_value()
            throws IOException {
        // 46082 is 2026-03-01 in Excel's 1900 system; .5 is noon
        String rows = """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
                <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>46082</v></c><c r="C2" s="4"><v>24.5</v></c></row>
                <row r="3"><c r="A3" t="inlineStr"><is><t>Renée; "de" Vries</t></is></c><c r="B3" s="2"><v>46083.5</v></c>\
                <c r="C3"><f>C2*2</f><v>48.999999999999993</v></c></row>
                <row r="5"><c r="A5" t="str"><f>"No"&amp;"ël"</f><v>Noël</v></c><c r="B5" s="3"><v>0.5</v></c><c r="D5"><v>1149</v></c></row>
                """;
        String shared = "<si><t>klant</t></si><si><t>datum</t></si><si><r><t>bed</t></r><r><t>rag</t></r></si>"
                + "<si><t>Müller</t><rPh><t>ミュラー</t></rPh></si>";
        assertThat(csv(workbook(rows, shared, false)))
                .isEqualTo(
                        "klant;datum;bedrag\nMüller;2026-03-01;24.5\n\"Renée; \"\"de\"\" Vries\";2026-03-02 12:00;49\n"
                                // row 4 is not in the sheet: a blank line keeps Excel's row numbers; a time as a time
                                + "\nNoël;12:00:00;;1149\n");
    }

    @Test
    void a_workbook_of_purchases_gives_the_same_customers_as_the_csv() throws IOException {
        Path file = dir.resolve("export.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            var ws = wb.newWorksheet("Orders");
            ws.value(0, 0, "klant");
            ws.value(0, 1, "datum");
            ws.value(0, 2, "bedrag");
            Object[][] data = {
                {"Müller", LocalDate.of(2026, 3, 1), 24.5},
                {"Möller", LocalDate.of(2026, 3, 2), 10},
                {"müller", LocalDateTime.of(2026, 4, 2, 9, 30), 0.1 + 0.2}
            };
            for (int r = 0; r < data.length; r++) {
                ws.value(r + 1, 0, (String) data[r][0]);
                if (data[r][1] instanceof LocalDate d) {
                    ws.value(r + 1, 1, d);
                    ws.style(r + 1, 1).format("dd-mm-yyyy").set();
                } else {
                    ws.value(r + 1, 1, (LocalDateTime) data[r][1]);
                    ws.style(r + 1, 1).format("dd-mm-yyyy hh:mm").set();
                }
                ws.value(r + 1, 2, (Number) data[r][2]);
            }
            wb.finish();
        }
        Path out = dir.resolve("export.csv");
        XlsxSheet.toCsv(file, out);
        PurchaseImport result;
        try (InputStream in = Files.newInputStream(out)) {
            result = CsvImporter.purchases(in, "export.xlsx");
        }
        assertThat(result.customers())
                .extracting(CustomerStats::id, CustomerStats::purchases, CustomerStats::revenueCents)
                .containsExactlyInAnyOrder(tuple("Müller", 2L, 2480L), tuple("Möller", 1L, 1000L));
        assertThat(result.latest()).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void dates_counted_from_1904_are_read_as_such() throws IOException {
        // the 1904 system counts from 1904-01-01: 44620 days after it is 2026-03-01, 1462 fewer than in the 1900 system
        String rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44620</v></c></row>";
        assertThat(csv(workbook(rows, "", true))).isEqualTo("2026-03-01\n");
        assertThat(XlsxSheet.date(new BigDecimal("46082"), false)).hasValue("2026-03-01");
        assertThat(XlsxSheet.date(new BigDecimal("-1"), false)).isEmpty();
    }

    @Test
    void a_workbook_that_contradicts_itself_or_is_too_wide_is_refused_without_reading_on() throws IOException {
        String pastTable = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>";
        assertThatThrownBy(() -> csv(workbook(pastTable, "<si><t>a</t></si>", false)))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.UNREADABLE_WORKBOOK));
        String wide = "<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>";
        assertThatThrownBy(() -> csv(workbook(wide, "", false)))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.LINE_TOO_LONG));
        String beyondColumns = "<row r=\"1\"><c r=\"ALM1\"><v>1</v></c></row>"; // column 1001
        assertThatThrownBy(() -> csv(workbook(beyondColumns, "", false)))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.LINE_TOO_LONG));
        String backwards = "<row r=\"5\"><c r=\"A5\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>";
        assertThatThrownBy(() -> csv(workbook(backwards, "", false))).isInstanceOf(ImportFailedException.class);
        String farRow = "<row r=\"2000000\"><c r=\"A2000000\"><v>1</v></c></row>";
        assertThatThrownBy(() -> csv(workbook(farRow, "", false))).isInstanceOf(ImportFailedException.class);
        String entity =
                "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a;</t></is></c></row>";
        assertThatThrownBy(() -> csv(workbook(entity, "", false))).isInstanceOf(ImportFailedException.class);
    }

    @Test
    void hostile_numbers_comments_and_long_runs_are_bounded_and_ordinary_ampersands_are_fine() throws IOException {
        // a few bytes that would be a million-digit number: kept as the text it is, at once
        String huge = "<row r=\"1\"><c r=\"A1\"><v>1E999999</v></c><c r=\"B1\"><v>17.955</v></c></row>";
        assertThat(csv(workbook(huge, "", false))).isEqualTo("1E999999;17.96\n");
        // a comment (or any <!...>) is not something Excel writes
        String comment = "<!-- x --><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";
        assertThatThrownBy(() -> csv(workbook(comment, "", false))).isInstanceOf(ImportFailedException.class);
        // 150,000 escaped ampersands (URLs with &utm_…): the JDK's default limit of 100,000 would refuse them
        StringBuilder urls = new StringBuilder();
        for (int r = 1; r <= 3000; r++) {
            urls.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>");
            urls.append("https://example.nl/?a=1&amp;b=2".repeat(50)).append("</t></is></c></row>");
        }
        String text = csv(workbook(urls.toString(), "", false));
        assertThat(text.lines()).hasSize(3000);
        assertThat(text).startsWith("https://example.nl/?a=1&b=2https");
        // a separator or tab in a cell is quoted, so the CSV reader cannot take it for another separator
        String commas = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Overzicht, 2026</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>a|b</t></is></c></row>";
        assertThat(csv(workbook(commas, "", false))).isEqualTo("\"Overzicht, 2026\";\"a|b\"\n");
    }

    @Test
    void a_part_that_unpacks_beyond_its_bound_is_refused() throws IOException {
        // 10 MB of cell styles in the styles part, past its 8 MB bound, in a few kB of zip
        Path file = Files.createTempFile(dir, "bomb", ".xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(TYPES.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(WORKBOOK.formatted("").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write("<sst/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/styles.xml"));
            zip.write("<styleSheet><cellXfs>".getBytes(StandardCharsets.UTF_8));
            byte[] block = "<xf numFmtId=\"0\"/>".repeat(50_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 12; i++) {
                zip.write(block);
            }
            zip.write("</cellXfs></styleSheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> csv(file))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.WORKBOOK_TOO_LARGE));
    }

    @Test
    void an_old_xls_file_gets_its_own_advice() {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        StagedUpload staged =
                StagedUpload.copy(1, Worksheet.KLANTGROEPEN, new ByteArrayInputStream(ole), "oud.xls", Instant.now());
        assertThatThrownBy(staged::convertWorkbook)
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.OLD_EXCEL));
    }

    @Test
    void custom_formats_with_a_day_month_or_year_are_dates_and_times_or_money_are_not() {
        assertThat(XlsxSheet.isDateFormat("d\\-m\\-yyyy")).isTrue();
        assertThat(XlsxSheet.isDateFormat("[$-413]dddd d mmmm yyyy")).isTrue();
        assertThat(XlsxSheet.isDateFormat("[h]:mm")).isFalse();
        assertThat(XlsxSheet.isDateFormat("mm:ss")).isFalse();
        assertThat(XlsxSheet.isDateFormat("\"€\"\\ #,##0.00")).isFalse();
        assertThat(XlsxSheet.isDateFormat("[Red]0.00")).isFalse();
        assertThat(XlsxSheet.isBuiltInDate(14)).isTrue();
        assertThat(XlsxSheet.isBuiltInDate(22)).isTrue();
        assertThat(XlsxSheet.isBuiltInDate(18)).isFalse();
        assertThat(XlsxSheet.isBuiltInTime(18)).isTrue();
        assertThat(XlsxSheet.isBuiltInTime(46)).isTrue();
        assertThat(XlsxSheet.isTimeFormat("[h]:mm")).isTrue();
        assertThat(XlsxSheet.isTimeFormat("hh:mm:ss")).isTrue();
        assertThat(XlsxSheet.isTimeFormat("0.00")).isFalse();
        // Excel shows money to the cent; three decimals would read as thousands further on
        assertThat(XlsxSheet.plain(new BigDecimal("17.955"))).isEqualTo("17.96");
        assertThat(XlsxSheet.isBuiltInDate(4)).isFalse();
        assertThat(XlsxSheet.plain(new BigDecimal("0.30000000000000004"))).isEqualTo("0.3");
        assertThat(XlsxSheet.plain(new BigDecimal("118452063711"))).isEqualTo("118452063711");
        assertThat(XlsxSheet.plain(new BigDecimal("1.5E3"))).isEqualTo("1500");
    }
}
