package nl.retentiewerkboek.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The lists to take away open in Dutch Excel as they should: numbers as numbers, dates as dates, no formulas. */
class SheetTest {

    private static final Sheet CALL_LIST = new Sheet(
            "Bellijst",
            List.of("Naam", "Contact", "Score", "Antwoord op", "Omzet"),
            List.of(
                    Arrays.asList(
                            "Anaïs Noël", "anais@example.nl", 5, LocalDate.of(2026, 3, 12), new BigDecimal("1234.50")),
                    Arrays.asList("=HYPERLINK(\"http://evil\")", "+31 6 1234 5678", 6, null, null),
                    Arrays.asList("@SUM(A1)", "-", 4L, LocalDate.of(2026, 3, 1), new BigDecimal("-3"))));

    @Test
    void csv_for_dutch_excel_has_a_byte_order_mark_semicolons_numbers_dates_and_no_formulas() {
        byte[] file = CALL_LIST.csv(Locale.forLanguageTag("nl-NL"));
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n"))
                .containsExactly(
                        "Naam;Contact;Score;Antwoord op;Omzet",
                        "Anaïs Noël;anais@example.nl;5;2026-03-12;1234,5",
                        "\"'=HYPERLINK(\"\"http://evil\"\")\";'+31 6 1234 5678;6;;",
                        "'@SUM(A1);'-;4;2026-03-01;-3");
        String english = new String(CALL_LIST.csv(Locale.ENGLISH), StandardCharsets.UTF_8);
        assertThat(english).contains(";1234.5\r\n");
    }

    @Test
    void xlsx_keeps_numbers_as_numbers_dates_as_dates_and_text_as_plain_text() throws Exception {
        byte[] file = CALL_LIST.xlsx();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Bellijst");
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Naam");
            Row anais = rows.get(1);
            assertThat(anais.getCellText(0)).isEqualTo("Anaïs Noël");
            assertThat(anais.getCell(2).getType()).isEqualTo(CellType.NUMBER);
            assertThat(anais.getCellAsNumber(2)).contains(new BigDecimal("5"));
            assertThat(anais.getCellAsDate(3))
                    .hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 12)));
            assertThat(anais.getCellAsNumber(4))
                    .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("1234.50"));
            Row hostile = rows.get(2);
            assertThat(hostile.getCell(0).getType()).isEqualTo(CellType.STRING);
            assertThat(hostile.getCellText(0)).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(hostile.getCell(0).getFormula()).isNull();
        }
    }

    @Test
    void a_sheet_name_excel_refuses_is_made_acceptable() throws Exception {
        Sheet sheet = new Sheet("Risicolijst: klanten [W5] / maart 2026 en verder", List.of("Klant"), List.of());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(sheet.xlsx()))) {
            assertThat(workbook.getFirstSheet().getName())
                    .hasSizeLessThanOrEqualTo(31)
                    .doesNotContain(":", "[", "/");
        }
    }

    @Test
    void a_moment_is_one_cell_excel_reads_as_date_and_time() throws Exception {
        Sheet sheet = new Sheet(
                "Bellijst", List.of("Reageer voor"), List.of(List.of(LocalDateTime.of(2026, 9, 3, 12, 42, 5))));
        String text = new String(sheet.csv(Locale.forLanguageTag("nl-NL")), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n2026-09-03 12:42\r\n");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(sheet.xlsx()))) {
            Row row = workbook.getFirstSheet().read().get(1);
            assertThat(row.getCellAsDate(0)).contains(LocalDateTime.of(2026, 9, 3, 12, 42, 5));
        }
    }
}
