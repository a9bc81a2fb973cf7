package nl.retentiewerkboek.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.retentiewerkboek.base.AppI18NProvider;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class CertificatePdfTest {

    @Test
    void without_a_cohort_the_certificate_names_the_workbook_and_no_group_or_trainer() throws Exception {
        AppI18NProvider i18n = new AppI18NProvider();
        List<String> modules = List.of(
                "Loyaliteit is geen retentie",
                "Wat kost klantverlies, en wat kost niets doen?",
                "De draaideur",
                "De vergeten middengroep",
                "Gedrag per klantgroep",
                "Waarom klanten vertrekken",
                "Klantbehoud is teamsport",
                "Een waardig afscheid",
                "Retentie op de begroting");
        byte[] pdf = CertificatePdf.render(new CertificatePdf.Content(
                "Dana de Vries-Ëlberts met een heel erg lange achternaam die toch op één regel past",
                Optional.of("Installatiebedrijf Dana & Zonen"),
                Optional.empty(),
                LocalDate.of(2027, 3, 1),
                modules,
                AppI18NProvider.DUTCH,
                (key, args) -> i18n.getTranslation(key, AppI18NProvider.DUTCH, args)));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "certificaat-zonder-groep.pdf"), pdf);
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            String text = new PdfTextExtractor(reader)
                    .getTextFromPage(1)
                    .replace('\u00a0', ' ')
                    .replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            "Dana de Vries-Ëlberts met een heel erg lange achternaam die toch op één regel past",
                            "heeft alle 9 onderdelen van het Retentiewerkboek over klantbehoud afgerond",
                            "9 Retentie op de begroting",
                            "1-3-2027 Datum")
                    .doesNotContain("Trainer", "deelgenomen");
        }
    }
}
