package nl.retentiewerkboek.actionplan;

import static nl.retentiewerkboek.actionplan.PlanSamples.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.SimpleBookmark;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class PlanPdfTest {

    private static final Locale EN = AppI18NProvider.ENGLISH;
    private static final AppI18NProvider I18N = new AppI18NProvider();

    /** The text of every page, one string a page, with its line breaks; a no-break space reads as a space. */
    private static List<String> pages(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                pages.add(extractor.getTextFromPage(page).replace('\u00a0', ' '));
            }
            return pages;
        }
    }

    /** Text as a reader would compare it: any run of white space (table cells wrap lines) as one space. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String text(byte[] pdf) throws IOException {
        return flat(String.join("\n", pages(pdf)));
    }

    private static byte[] full() throws IOException {
        return save(
                PlanPdf.render(PlanSamples.content(
                        PlanSamples.workbook(PlanSamples.allWorksheets(), NL), PlanSamples.tenActions(), NL)),
                "actieplan-voorbeeld.pdf");
    }

    /** The English plan of a participant who worked in Dutch: every suggestion taken on the Dutch screen. */
    private static byte[] english() throws IOException {
        Workbook book = PlanSamples.workbook(PlanSamples.allWorksheetsInEnglish(), NL);
        return save(
                PlanPdf.render(PlanSamples.content(
                        book,
                        PlanSamples.fromSuggestions(book, NL),
                        EN,
                        "Dana & Sons Installations",
                        "Retention masterclass, 29 January 2026")),
                "action-plan-example.pdf");
    }

    private static byte[] save(byte[] pdf, String name) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), pdf);
        return pdf;
    }

    @Test
    void page_one_carries_who_the_three_key_numbers_and_the_actions() throws IOException {
        String first = flat(pages(full()).getFirst());
        assertThat(first)
                .contains(
                        "Actieplan klantbehoud",
                        "Installatiebedrijf Dana & Zonen",
                        "Dana de Vries-Ëlberts",
                        "Masterclass Klantbehoud, 29 januari 2026",
                        "Gemaakt op 29-1-2026",
                        "Hermeting op 29-4-2026");
        // the three key numbers: W1 (200 − 40 lost = 160 of the 200 start customers kept → 80,0 % per quarter),
        // W2 (€ 141.696 revenue lost a year) and W4 (NPS 70 − 35 = 35 of 150 promoters minus critics... see
        // worksheets.md: NPS 23, 25 doubters of 150 = 16,7 %)
        assertThat(first)
                .contains("Je kerncijfers", "Retentie 80,0 % per kwartaal", "Omzetverlies per jaar € 141.696")
                .contains("NPS 23 Aandeel twijfelaars: 16,7 %");
        // the actions, with owner and deadline (29-1-2026 + 14 days = 12-2-2026, + 28 = 26-2-2026)
        assertThat(first)
                .contains("Je acties", "Bel tien vertrokken klanten en vraag waarom ze gingen", "Sanne", "12-2-2026")
                .contains("Bel twijfelaars binnen 48 uur", "Joël Ëlberts", "26-2-2026");
    }

    @Test
    void the_worksheets_follow_with_the_participants_numbers_exactly_as_on_screen() throws IOException {
        List<String> pages = pages(full());
        String rest = flat(String.join("\n", pages.subList(1, pages.size())));
        // the worksheets follow page 1
        assertThat(flat(pages.getFirst())).doesNotContain("Je werkbladen");
        assertThat(rest).contains("Hermeting Meet op 29-4-2026");
        assertThat(rest.indexOf("Je werkbladen")).isGreaterThan(rest.indexOf("Hermeting Meet op"));
        // W1, W2, W3, W4, W5, W9 as the screens format them
        assertThat(rest).contains("80,0 %", "20,0 %", "41,0 %", "Stevige basis");
        assertThat(rest).contains("€ 141.696", "€ 56.678", "€ 41.328", "€ 813", "€ 124.123", "153");
        assertThat(rest).contains("−10", "−5,0 %", "€ 10.500", "7 : 1");
        assertThat(rest).contains("16,7 %", "Twijfelaars (4–6)");
        assertThat(rest).contains("40,0 % van je klanten", "35,0 %");
        assertThat(rest).contains("52,2 %", "ongeveer 22", "€ 10.791", "79,9 %", "6,7 maanden");
        // W6: 6 + 2 + 4 + 3 + 1 = 16 customers; frustration (service 6, billing 2) 8/16 = 50,0 %, competitor
        // (price 4, offer 3) 7/16 = 43,75 → 43,8 %, other (moved 1) 1/16 = 6,25 %; top three 6, 4 and 3
        assertThat(rest)
                .contains("Waarom klanten vertrekken", "Vertrokken klanten 16", "50,0 %", "43,8 %")
                .contains("service: 6 klanten (37,5 %), ligt bij Klantenservice", "prijs: 4 klanten (25,0 %)")
                .contains("aanbod: 3 klanten (18,8 %)");
        // W7: (4 + 3 + 2 + 4 + 3 + 4 + 2 + 3) / 8 = 25 / 8 = 3,125 → 3,1; weakest Marketing and Administratie, 2
        assertThat(rest)
                .contains("Klantbehoud is teamsport", "Gemiddelde score 3,1", "Marketing: score 2")
                .contains("Administratie: score 2");
        // W8: three of the seven steps in use
        assertThat(rest)
                .contains("Een waardig afscheid van een klant", "Stappen in gebruik 3 van de 7", "Ontbreekt")
                .contains("Exitgesprek");
        assertThat(rest).doesNotContain("null", "NaN", "Infinity", "!pdf.", "!");
    }

    @Test
    void no_tile_or_cell_breaks_a_word_in_either_language() throws IOException {
        for (Locale locale : List.of(NL, EN)) {
            Workbook book = PlanSamples.workbook(PlanSamples.allWorksheets(), NL);
            byte[] pdf = locale == NL ? full() : english();
            String text = text(pdf);
            List<String> shown = new ArrayList<>();
            for (KeyNumbers.Section s :
                    KeyNumbers.of(book, locale, (key, args) -> I18N.getTranslation(key, locale, args))) {
                for (KeyNumbers.Figure f : s.figures()) {
                    shown.add(f.label());
                    shown.add(f.value());
                    f.note().ifPresent(shown::add);
                }
            }
            for (KeyNumbers.Figure f :
                    KeyNumbers.headline(book, locale, (key, args) -> I18N.getTranslation(key, locale, args))) {
                shown.add(f.label());
                f.note().ifPresent(shown::add);
            }
            for (Department d : Department.values()) {
                shown.add(I18N.getTranslation("department." + d.key(), locale));
            }
            for (OffboardingStep step : OffboardingStep.values()) {
                shown.add(I18N.getTranslation("step." + step.key(), locale));
            }
            // and the tables' column headings
            for (String key : List.of(
                    "pdf.col.action",
                    "pdf.col.department",
                    "pdf.col.owner",
                    "pdf.col.deadline",
                    "pdf.col.kpi",
                    "pdf.col.status",
                    "pdf.col.step",
                    "pdf.col.question",
                    "offboarding.used",
                    "offboarding.owner",
                    "offboarding.timing",
                    "offboarding.note")) {
                shown.add(I18N.getTranslation(key, locale));
            }
            // every word of every label, number and note is whole on one line: a word broken over two lines
            // ("Herhaalaankooppercenta" / "ge") reads with a space inside it. Whole labels are not compared, as
            // the lines of tiles side by side interleave in the extracted text.
            for (String label : shown) {
                for (String word : label.replace('\u00a0', ' ').split(" ")) {
                    assertThat(text)
                            .as(locale + ": \"" + word + "\" of \"" + label + "\"")
                            .contains(word);
                }
            }
        }
    }

    @Test
    void a_table_row_never_splits_over_two_pages() throws IOException {
        List<PlannedAction> actions = new ArrayList<>();
        for (int i = 0; i < ActionPlan.MAX_ACTIONS; i++) {
            actions.add(new PlannedAction(
                    "Begin" + i + " " + "een actie met een lange omschrijving ".repeat(1 + i % 4) + "Einde" + i,
                    Optional.of(Department.values()[i % 8]),
                    "Eigenaar" + i,
                    Optional.of(PlanSamples.MADE.plusDays(i)),
                    "KPI",
                    "1",
                    "2",
                    ActionStatus.OPEN,
                    "",
                    ""));
        }
        List<String> pages = pages(PlanPdf.render(PlanSamples.content(
                PlanSamples.workbook(PlanSamples.allWorksheets(), NL), new ActionPlan(actions, Optional.empty()), NL)));
        for (int i = 0; i < ActionPlan.MAX_ACTIONS; i++) {
            String begin = "Begin" + i + " ";
            List<String> with =
                    pages.stream().filter(p -> flat(p).contains(begin)).toList();
            assertThat(with).as("action " + i).hasSize(1);
            assertThat(flat(with.getFirst())).contains("Einde" + i, "Eigenaar" + i);
        }
    }

    @Test
    void the_pdf_has_metadata_language_bookmarks_page_numbers_and_a4_pages() throws IOException {
        byte[] pdf = full();
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isBetween(3, 9);
            Map<String, String> info = reader.getInfo();
            assertThat(info.get("Title")).isEqualTo("Actieplan klantbehoud – Installatiebedrijf Dana & Zonen");
            assertThat(info.get("Author")).isEqualTo("Dana de Vries-Ëlberts");
            assertThat(info.get("Subject")).isEqualTo("Actieplan klantbehoud met kerncijfers, acties en hermeting");
            assertThat(((PdfString) reader.getCatalog().get(PdfName.LANG)).toUnicodeString())
                    .isEqualTo("nl-NL");
            assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595f);
            assertThat(reader.getPageSize(1).getHeight()).isEqualTo(842f);
            String last = new PdfTextExtractor(reader)
                    .getTextFromPage(reader.getNumberOfPages())
                    .replaceAll("\\s+", " ");
            assertThat(last).contains("Pagina " + reader.getNumberOfPages() + " van " + reader.getNumberOfPages());

            List<Map<String, Object>> marks = SimpleBookmark.getBookmarkList(reader);
            assertThat(marks)
                    .extracting(m -> m.get("Title"))
                    .containsExactly("Je kerncijfers", "Je acties", "Hermeting", "Je werkbladen");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> kids =
                    (List<Map<String, Object>>) marks.getLast().get("Kids");
            assertThat(kids)
                    .extracting(m -> m.get("Title"))
                    .containsExactly(
                            "Retentiemeter",
                            "Wat kost klantverlies, en wat kost niets doen?",
                            "Draaideur",
                            "NPS en de twijfelaars",
                            "Vier klantgroepen",
                            "Waarom klanten vertrekken",
                            "Klantbehoud is teamsport",
                            "Een waardig afscheid van een klant",
                            "Retentie op de begroting");
        }
        try (PdfReader reader = new PdfReader(english())) {
            assertThat(((PdfString) reader.getCatalog().get(PdfName.LANG)).toUnicodeString())
                    .isEqualTo("en-GB");
            assertThat(SimpleBookmark.getBookmarkList(reader))
                    .extracting(m -> m.get("Title"))
                    .containsExactly("Your key numbers", "Your actions", "Re-measurement", "Your worksheets");
        }
    }

    @Test
    void the_english_plan_is_english_throughout_suggested_actions_taken_in_dutch_included() throws IOException {
        String text = text(english());
        assertThat(text)
                .contains(
                        "Customer retention action plan",
                        "Your key numbers",
                        "Retention 80.0% per quarter",
                        "€124,123",
                        "€141,696",
                        "Made on 29 Jan 2026",
                        "Re-measurement on 29 Apr 2026",
                        "Page 1 of");
        // the suggestions were taken on the Dutch screen; the English plan writes them in English
        assertThat(text)
                .contains(
                        "Call your doubters within 48 hours",
                        "16.7% of your answers come from doubters (4–6)",
                        "Tackle the biggest reason for leaving: service",
                        "Improve how Marketing contributes to retention",
                        "Add this step: exit conversation",
                        "Share of inactive customers",
                        "now 25.0% → target 25.0%");
        assertThat(text)
                .contains("Why customers leave", "Retention is a team sport", "Offboarding: a dignified goodbye");
        for (String dutch : List.of(
                "Je kerncijfers",
                "klanten",
                "Hermeting",
                "Gemaakt op",
                "Pagina",
                "Afdeling",
                "Eigenaar",
                "Ontbreekt",
                "Verkoop",
                "kwartaal",
                "twijfelaars",
                "Twijfelaars",
                "Bel je",
                "Pak de grootste",
                "Verbeter de bijdrage",
                "Voeg deze stap",
                "Reserveer",
                "Start een e-mailflow",
                "Retentie",
                "Retentiemeter",
                "Draaideur",
                "Aandeel",
                "Gemiddelde",
                "Stappen",
                "Nog niet",
                "onder de",
                " van je ",
                " en ",
                " het ",
                " een ",
                "!")) {
            assertThat(text).as("Dutch in the English plan").doesNotContain(dutch);
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
                .contains("Retentiemeter", "80,0 %", "Je hebt nog geen acties gekozen.", "Hermeting op 29-4-2026")
                .contains(
                        "Nog niet ingevuld: Wat kost klantverlies, en wat kost niets doen?",
                        "Nog niet ingevuld: NPS en de twijfelaars");
        assertThat(text)
                .doesNotContain(
                        "Draaideur",
                        "Vier klantgroepen",
                        "Waarom klanten vertrekken",
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
