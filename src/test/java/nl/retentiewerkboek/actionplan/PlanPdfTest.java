package nl.retentiewerkboek.actionplan;

import static nl.retentiewerkboek.actionplan.PlanSamples.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.Worksheet;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class PlanPdfTest {

    private static String text(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(extractor.getTextFromPage(page)).append('\n');
            }
            // table cells wrap lines: compare text as a reader would, with any run of white space as one space
            return all.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    private static byte[] full() throws IOException {
        byte[] pdf = PlanPdf.render(PlanSamples.content(
                PlanSamples.workbook(PlanSamples.allWorksheets(), NL), PlanSamples.tenActions(), NL));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "actieplan-voorbeeld.pdf"), pdf);
        return pdf;
    }

    @Test
    void the_plan_shows_the_participants_numbers_exactly_as_on_screen() throws IOException {
        String text = text(full());
        assertThat(text)
                .contains(
                        "Actieplan klantbehoud",
                        "Installatiebedrijf Dana & Zonen",
                        "Dana de Vries-Ëlberts",
                        "Masterclass Klantbehoud, 29 januari 2026",
                        "29-01-2026",
                        "Hermeting op 29-04-2026");
        // W1, W2, W3, W4, W5, W9 as the screens format them
        assertThat(text).contains("80,0 %", "20,0 %", "41,0 %", "Stevige basis");
        assertThat(text).contains("€ 141.696", "€ 56.678", "€ 41.328", "€ 813", "€ 124.123", "153");
        assertThat(text).contains("−10", "−5,0 %", "€ 10.500", "7 : 1");
        assertThat(text).contains("16,7 %", "Twijfelaars (4–6)");
        assertThat(text).contains("40,0 % van je klanten", "35,0 %");
        assertThat(text).contains("52,2 %", "ongeveer 22", "€ 10.791", "79,9 %", "6,7 maanden");
        // actions, offboarding, team sport, re-measurement
        assertThat(text).contains("Bel tien vertrokken klanten", "Joël Ëlberts", "nu 80,0 % → doel 85,0 %");
        assertThat(text).contains("3 van de 7 stappen", "Ontbreekt", "Exitgesprek");
        assertThat(text).contains("Gemiddelde score 3,1", "Marketing en Administratie");
        assertThat(text).doesNotContain("null", "NaN", "Infinity", "!pdf.");
    }

    @Test
    void the_pdf_has_metadata_language_page_numbers_and_a4_pages() throws IOException {
        byte[] pdf = full();
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isBetween(3, 8);
            Map<String, String> info = reader.getInfo();
            assertThat(info.get("Title")).isEqualTo("Actieplan klantbehoud – Installatiebedrijf Dana & Zonen");
            assertThat(info.get("Author")).isEqualTo("Dana de Vries-Ëlberts");
            assertThat(((PdfString) reader.getCatalog().get(PdfName.LANG)).toUnicodeString())
                    .isEqualTo("nl-NL");
            assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595f);
            assertThat(reader.getPageSize(1).getHeight()).isEqualTo(842f);
            String last = new PdfTextExtractor(reader)
                    .getTextFromPage(reader.getNumberOfPages())
                    .replaceAll("\\s+", " ");
            assertThat(last).contains("Pagina " + reader.getNumberOfPages() + " van " + reader.getNumberOfPages());
        }
    }

    @Test
    void worksheets_not_filled_in_are_left_out_cleanly() throws IOException {
        byte[] pdf = PlanPdf.render(PlanSamples.content(
                PlanSamples.workbook(
                        Map.of(
                                Worksheet.RETENTIEMETER,
                                PlanSamples.allWorksheets().get(Worksheet.RETENTIEMETER)),
                        NL),
                new ActionPlan(List.of(), Optional.empty()),
                NL));
        String text = text(pdf);
        assertThat(text)
                .contains("Retentiemeter", "80,0 %", "Je hebt nog geen acties gekozen.", "Hermeting op 29-04-2026");
        assertThat(text)
                .doesNotContain(
                        "Wat kost klantverlies",
                        "Draaideur",
                        "NPS",
                        "Vier klantgroepen",
                        "Een waardig afscheid",
                        "teamsport",
                        "begroting",
                        "null",
                        "€ 0");
    }

    @Test
    void an_empty_workbook_still_gives_a_valid_plan() throws IOException {
        String text = text(PlanPdf.render(PlanSamples.content(
                PlanSamples.workbook(Map.of(), NL), new ActionPlan(List.of(), Optional.empty()), NL)));
        assertThat(text)
                .contains("Je hebt nog geen werkbladen met cijfers ingevuld.", "Je hebt nog geen acties gekozen.");
    }

    @Test
    void the_plan_is_complete_in_english() throws IOException {
        String text = text(PlanPdf.render(PlanSamples.content(
                PlanSamples.workbook(PlanSamples.allWorksheets(), NL),
                PlanSamples.tenActions(),
                AppI18NProvider.ENGLISH)));
        assertThat(text)
                .contains(
                        "Customer retention action plan",
                        "80.0%",
                        "€124,123",
                        "€141,696",
                        "Re-measurement on 29/04/2026",
                        "Page 1 of");
        assertThat(text).doesNotContain("!pdf.", "!kosten", "!nps");
    }

    @Test
    void hostile_and_huge_input_still_gives_a_valid_pdf() throws IOException {
        List<PlannedAction> actions = new ArrayList<>();
        String longText = "Heel lange actie ".repeat(18);
        for (int i = 0; i < ActionPlan.MAX_ACTIONS; i++) {
            actions.add(new PlannedAction(
                    i % 3 == 0 ? longText : "Actie 😀 " + i + " مرحبا بالعالم",
                    Optional.of(Department.values()[i % 8]),
                    "Eigenaar\u202Eemordnilap\u202C " + i,
                    Optional.empty(),
                    "<script>alert(1)</script>",
                    "%s %n {0}",
                    "'quote' \"dubbel\"",
                    ActionStatus.OPEN,
                    "",
                    ""));
        }
        byte[] pdf = PlanPdf.render(PlanSamples.content(
                PlanSamples.workbook(PlanSamples.allWorksheets(), NL), new ActionPlan(actions, Optional.empty()), NL));
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isGreaterThan(4);
        }
        String text = text(pdf);
        assertThat(text).contains("Heel lange actie", "alert(1)", "%s %n {0}", "Actie");
        // the actions table repeats its header on every page it spans
        assertThat(text.split("Eigenaar Deadline", -1).length - 1).isGreaterThan(1);
    }
}
