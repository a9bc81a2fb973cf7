package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadTester;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.imports.Doubter;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** W4 and W5 as a participant uses them: typed counts, a pasted list, uploads with bad rows, deleting the data. */
@IntegrationTest
class CustomerDataViewsTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    ImportService imports;

    @Autowired
    WorkbookService workbook;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private String text(String id) {
        return $(Span.class).id(id).getText();
    }

    @SuppressWarnings("unchecked")
    private void upload(String id, String fileName, String content) {
        UploadTester<Upload> tester = test($(Upload.class).id(id));
        tester.upload(fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void w4_typed_counts_give_the_nps_and_the_doubters() {
        navigate(NpsView.class);
        long[] counts = {2, 1, 3, 4, 5, 9, 11, 20, 25, 30, 40};
        for (int s = 0; s <= 10; s++) {
            test($(TextField.class).id("nps-count-" + s)).setValue(Long.toString(counts[s]));
        }
        assertThat(text("nps-total")).isEqualTo("150");
        assertThat(text("nps-score")).isEqualTo("23");
        assertThat(text("nps-promoters")).isEqualTo("70");
        assertThat(text("nps-passives")).isEqualTo("45");
        assertThat(text("nps-detractors")).isEqualTo("35");
        assertThat(text("nps-doubters")).isEqualTo("25");
        assertThat(text("nps-doubter-share")).isEqualTo("16,7\u00a0%");
        assertThat(text("nps-half")).isEqualTo("32");
        assertThat(text("nps-all")).isEqualTo("40");
        assertThat($(Svg.class, $(Div.class).id("nps-chart")).exists()).isTrue();
    }

    @Test
    void w4_a_pasted_list_fills_the_counts_and_reports_bad_lines() {
        navigate(NpsView.class);
        test($(TextArea.class).id("nps-paste")).setValue("9 10 10\n5 6\nacht 11\n");
        test($(Button.class).id("nps-paste-apply")).click();
        assertThat($(Paragraph.class).id("nps-report-summary").getText()).isEqualTo("7 regels gelezen, 2 afgewezen");
        assertThat($(Div.class).id("nps-report").getElement().getTextRecursively())
                .contains("Regel 3: geen geheel getal", "Regel 3: score buiten 0 tot en met 10");
        assertThat(text("nps-total")).isEqualTo("5");
        assertThat($(TextField.class).id("nps-count-10").getValue()).isEqualTo("2");
    }

    @Test
    void w4_an_uploaded_survey_gives_a_call_list_and_the_steps_can_be_ticked() {
        navigate(NpsView.class);
        upload(
                "nps-upload",
                "enquete.csv",
                "naam;score;email;datum\nAnna;9;a@x.nl;2025-05-01\nBart;5;b@x.nl;2025-05-02\nCees;x;;\n");
        // first the mapping step: nothing is stored before "use these"
        assertThat($(Paragraph.class).id("nps-mapping-report-summary").getText())
                .isEqualTo("3 regels gelezen, 1 afgewezen");
        assertThat($(Select.class).id("nps-mapping-score").getValue()).isEqualTo(1);
        assertThat($(Select.class).id("nps-mapping-contact").getValue()).isEqualTo(2);
        assertThat($(NativeTable.class).id("nps-mapping-preview").getElement().getTextRecursively())
                .contains("Anna", "antwoord", "Bart", "Cees", "afgewezen");
        assertThat(imports.myDoubters(0, 100)).isEmpty();
        test($(Button.class).id("nps-mapping-use")).click();
        assertThat($(Paragraph.class).id("nps-report-summary").getText()).isEqualTo("3 regels gelezen, 1 afgewezen");
        assertThat($(Div.class).id("nps-call-list").getElement().getTextRecursively())
                .contains("1 twijfelaars");
        assertThat(text("nps-score")).isEqualTo("0");
        assertThat($(Anchor.class).id("nps-call-download-csv").getElement().getAttribute("download"))
                .isNotNull();
        assertThat($(Anchor.class).id("nps-call-download-xlsx").getElement().getTextRecursively())
                .isEqualTo("Download als Excel");
        test($(Checkbox.class).id("nps-step-reageer")).click();
        assertThat(workbook.myAnswers(Worksheet.NPS, Locale.of("nl")).values()).containsEntry("step.reageer", "ja");
        assertThat(imports.myDoubters(0, 100)).hasSize(1);
        test($(Button.class).id("nps-delete")).click();
        assertThat(imports.myDoubters(0, 100)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void w4_the_call_list_puts_whoever_needs_a_call_first_on_top_with_the_day_and_the_time() {
        navigate(NpsView.class);
        // in file order: answered 3 May 14:10, no date, 1 May 09:30, 1 May (no time), each a 4, 5 or 6
        upload(
                "nps-upload",
                "enquete.csv",
                "naam;score;email;datum\nLaat;5;l@x.nl;2025-05-03 14:10:00\nOnbekend;6;o@x.nl;\n"
                        + "Vroeg;4;v@x.nl;2025-05-01 09:30:00\nDag;5;d@x.nl;2025-05-01\n");
        test($(Button.class).id("nps-mapping-use")).click();
        Grid<Doubter> grid = $(Grid.class).id("nps-call-grid");
        var calls = test(grid);
        assertThat(calls.size()).isEqualTo(4);
        // 48 hours after the answer: no date first (as soon as possible), then 3 May 00:00 (a day only),
        // 3 May 09:30, 5 May 14:10
        assertThat(List.of(
                        calls.getCellText(0, 0),
                        calls.getCellText(1, 0),
                        calls.getCellText(2, 0),
                        calls.getCellText(3, 0)))
                .containsExactly("zo snel mogelijk", "03-05-2025", "03-05-2025 09:30", "05-05-2025 14:10");
        assertThat(calls.getCellComponent(3, 1).getElement().getTextRecursively())
                .isEqualTo("Laatl@x.nl");
        assertThat($(Div.class).id("nps-call-list").getElement().getTextRecursively())
                .contains("Wie het eerst gebeld moet worden, staat bovenaan.");
    }

    @Test
    void w4_a_survey_with_more_doubters_than_kept_shows_the_cap_and_reads_the_call_list_page_by_page() {
        navigate(NpsView.class);
        StringBuilder file = new StringBuilder("naam;score;datum\n");
        for (int i = 0; i < 1_200; i++) {
            file.append("Klant ")
                    .append(i)
                    .append(";5;")
                    .append(LocalDate.of(2025, 1, 1).plusDays(i % 300))
                    .append('\n');
        }
        upload("nps-upload", "groot.csv", file.toString());
        test($(Button.class).id("nps-mapping-use")).click();
        assertThat($(Div.class).id("nps-call-list").getElement().getTextRecursively())
                .contains("1.000 twijfelaars");
        assertThat($(Paragraph.class).id("nps-call-capped").getText()).contains("1.000", "meest recente");
        @SuppressWarnings("unchecked")
        Grid<Doubter> grid = $(Grid.class).id("nps-call-grid");
        assertThat(grid.getDataProvider().isInMemory())
                .as("the call list is read in pages")
                .isFalse();
        assertThat(grid.getPageSize()).isEqualTo(50);
        assertThat(test(grid).size()).isEqualTo(1_000);
    }

    @Test
    void w5_typed_counts_give_the_four_groups() {
        navigate(KlantgroepenView.class);
        test($(TextField.class).id("klantgroepen-count-eenmalig")).setValue("120");
        test($(TextField.class).id("klantgroepen-count-herhaal")).setValue("60");
        test($(TextField.class).id("klantgroepen-count-loyaal")).setValue("45");
        test($(TextField.class).id("klantgroepen-count-inactief")).setValue("75");
        assertThat(text("klantgroepen-eenmalig")).isEqualTo("120");
        assertThat(text("klantgroepen-eenmalig-detail")).isEqualTo("40,0\u00a0% van je klanten");
        assertThat(text("klantgroepen-inactief")).isEqualTo("75");
        assertThat(text("klantgroepen-repeat-rate")).isEqualTo("35,0\u00a0%");
    }

    @Test
    @SuppressWarnings("unchecked")
    void w5_an_uploaded_export_gives_groups_lists_and_the_cohort_table() {
        navigate(KlantgroepenView.class);
        test((RadioButtonGroup<Object>) $(RadioButtonGroup.class).id("klantgroepen-source"))
                .selectItem("Ik upload een export met aankopen");
        upload("klantgroepen-upload", "webshop.csv", """
                klant;datum;bedrag
                a;10-01-2025;10,00
                a;15-02-2025;20,00
                a;01-03-2025;30,00
                b;01-06-2025;5,00
                c;20-05-2025;7,50
                c;25-04-2025;7,50
                d;01-02-2025;100
                e;gisteren;5
                ;01-06-2025;5
                f;30-06-2025;-3
                """);
        // the mapping step first: what was read, nothing stored yet
        assertThat($(Div.class).id("klantgroepen-mapping").isVisible()).isTrue();
        assertThat($(Paragraph.class).id("klantgroepen-mapping-system").getText())
                .isEqualTo("Geen bekend systeem herkend: we lezen het als een eigen lijst.");
        assertThat($(Paragraph.class).id("klantgroepen-mapping-report-summary").getText())
                .isEqualTo("10 regels gelezen: 7 aankopen geteld, 2 geen aankoop, 1 afgewezen.");
        assertThat($(Div.class).id("klantgroepen-mapping-report").getElement().getTextRecursively())
                .contains(
                        "Regel 9: geen geldige datum",
                        "Zonder klant (bijvoorbeeld kassaverkopen): 1",
                        "Negatief bedrag: 1");
        assertThat($(NativeTable.class)
                        .id("klantgroepen-mapping-preview")
                        .getElement()
                        .getTextRecursively())
                .contains("10-01-2025", "€ 10,00", "aankoop", "afgewezen: geen geldige datum");
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN)).isEmpty();
        test($(Button.class).id("klantgroepen-mapping-use")).click();
        assertThat($(Div.class).withId("klantgroepen-mapping").exists()).isFalse();
        assertThat($(Paragraph.class).id("klantgroepen-report-summary").getText())
                .isEqualTo("10 regels gelezen: 7 aankopen geteld, 2 geen aankoop, 1 afgewezen.");
        // peildatum = 01-06-2025: a inactive (92 days), b one-time, c repeat (12 days), d inactive
        assertThat(text("klantgroepen-inactief")).isEqualTo("2");
        assertThat(text("klantgroepen-eenmalig")).isEqualTo("1");
        assertThat(text("klantgroepen-herhaal")).isEqualTo("1");
        assertThat(text("klantgroepen-loyaal")).isEqualTo("0");
        assertThat(text("klantgroepen-inactief-detail")).isEqualTo("50,0\u00a0% van je klanten, €\u00a0160 omzet");
        assertThat(text("klantgroepen-repeat-rate")).isEqualTo("50,0\u00a0%");
        assertThat($(Div.class).id("klantgroepen-reactivation").getElement().getTextRecursively())
                .contains("2 inactieve klanten");
        assertThat($(Anchor.class)
                        .id("klantgroepen-reactivation-download-csv")
                        .getElement()
                        .getTextRecursively())
                .isEqualTo("Download als CSV");
        assertThat($(Anchor.class).id("klantgroepen-reactivation-download-xlsx").isVisible())
                .isTrue();
        assertThat($(NativeTable.class).exists()).isTrue();

        test($(TextField.class).id("klantgroepen-inactive-days")).setValue("100");
        assertThat(text("klantgroepen-loyaal")).isEqualTo("1");
        test($(TextField.class).id("klantgroepen-peildatum")).setValue("01-01-2025");
        assertThat($(TextField.class).id("klantgroepen-peildatum").getErrorMessage())
                .startsWith("De peildatum ligt voor de laatste aankoop");

        navigate(WorkbookView.class);
        navigate(KlantgroepenView.class);
        assertThat($(Paragraph.class).id("klantgroepen-stored").getText())
                .startsWith("Bewaard uit webshop.csv: 10 regels gelezen, 1 afgewezen, 4 klanten");

        test($(Button.class).id("klantgroepen-delete")).click();
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN)).isEmpty();
        assertThat($(TextField.class).id("klantgroepen-count-eenmalig").isVisible())
                .isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void w5_an_unusable_file_gets_a_clear_message_and_nothing_is_stored() {
        navigate(KlantgroepenView.class);
        test((RadioButtonGroup<Object>) $(RadioButtonGroup.class).id("klantgroepen-source"))
                .selectItem("Ik upload een export met aankopen");
        upload("klantgroepen-upload", "leeg.csv", "");
        assertThat($(Paragraph.class).id("klantgroepen-report-summary").getText())
                .isEqualTo("Het bestand is leeg.");
        // an unknown layout goes to the mapping step, which asks for the missing column
        upload("klantgroepen-upload", "fout.csv", "klant;bedrag\na;10\n");
        assertThat($(Paragraph.class).id("klantgroepen-mapping-report-summary").getText())
                .startsWith("Dit lijkt een klantenlijst: er staat bij niemand een datum van een aankoop in");
        assertThat($(Button.class).id("klantgroepen-mapping-use").isEnabled()).isFalse();
        test($(Button.class).id("klantgroepen-mapping-cancel")).click();
        assertThat($(Div.class).withId("klantgroepen-mapping").exists()).isFalse();
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void w5_a_file_where_every_row_fails_still_lists_why_and_a_us_file_says_how_its_dates_were_read() {
        navigate(KlantgroepenView.class);
        test((RadioButtonGroup<Object>) $(RadioButtonGroup.class).id("klantgroepen-source"))
                .selectItem("Ik upload een export met aankopen");
        upload("klantgroepen-upload", "kapot.csv", "klant;datum;bedrag\na;gisteren;10\nb;31-02-2025;5\n");
        assertThat($(Paragraph.class).id("klantgroepen-mapping-report-summary").getText())
                .startsWith("Geen enkele regel in het bestand was bruikbaar");
        assertThat($(Details.class)
                        .id("klantgroepen-mapping-rejected")
                        .getElement()
                        .getTextRecursively())
                .contains("Regel 2", "gisteren", "Regel 3", "31-02-2025");
        assertThat($(Button.class).id("klantgroepen-mapping-use").isEnabled()).isFalse();
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN)).isEmpty();

        upload("klantgroepen-upload", "us.csv", "Customer,Date,Amount\na,03/04/2025,10\nb,04/30/2025,20\n");
        assertThat($(Paragraph.class).id("klantgroepen-mapping-report-dates").getText())
                .contains("maand-dag-jaar");
        test($(Button.class).id("klantgroepen-mapping-use")).click();
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN)).isPresent();
    }
}
