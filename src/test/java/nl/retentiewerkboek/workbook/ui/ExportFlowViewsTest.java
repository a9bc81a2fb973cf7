package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadTester;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.imports.Doubter;
import nl.retentiewerkboek.imports.ImportFailedException;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.imports.PurchaseRead;
import nl.retentiewerkboek.imports.StagedUpload;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A real export through the mapping step into W5, and from there into W1 and W2 ("Neem over uit je export"), as a
 * participant clicks it; and the kept upload's privacy.
 */
@IntegrationTest
class ExportFlowViewsTest extends SpringBrowserlessTest {

    /** imports.md's worked example, as a Shopify export: one line-item order of two rows, one refunded order. */
    private static final String SHOPIFY = """
            Name,Email,Financial Status,Lineitem name,Created at,Total,Cancelled at,Refunded Amount,Billing Name
            #1,a@example.nl,paid,Thee,2026-06-15 10:00:00 +0200,100.00,,0.00,Anna
            #1,a@example.nl,,Kop,2026-06-15 10:00:00 +0200,,,,
            #2,a@example.nl,paid,Thee,2026-09-10 10:00:00 +0200,50.00,,0.00,Anna
            #3,b@example.nl,paid,Thee,2026-06-01 10:00:00 +0200,80.00,,0.00,Bert
            #4,c@example.nl,paid,Thee,2026-05-20 10:00:00 +0200,40.00,,0.00,Cas
            #5,c@example.nl,paid,Thee,2026-07-15 10:00:00 +0200,60.00,,0.00,Cas
            #6,d@example.nl,paid,Thee,2026-08-20 10:00:00 +0200,200.00,,0.00,Dirk
            #7,e@example.nl,paid,Thee,2026-01-10 10:00:00 +0200,30.00,,0.00,Eva
            #8,e@example.nl,paid,Thee,2026-09-25 10:00:00 +0200,70.00,,0.00,Eva
            #9,f@example.nl,paid,Thee,2026-07-05 10:00:00 +0200,25.00,,0.00,Fien
            #10,g@example.nl,paid,Thee,2026-06-30 10:00:00 +0200,10.00,,0.00,Gijs
            #11,g@example.nl,paid,Thee,2026-08-02 10:00:00 +0200,90.00,,0.00,Gijs
            #12,h@example.nl,paid,Thee,2026-05-01 10:00:00 +0200,55.00,,0.00,Hans
            #13,i@example.nl,paid,Thee,2026-10-15 10:00:00 +0200,45.00,,0.00,Ilse
            #14,j@example.nl,paid,Thee,2026-09-30 10:00:00 +0200,120.00,,0.00,Joop
            #15,j@example.nl,refunded,Thee,2026-09-01 10:00:00 +0200,99.00,,99.00,Joop
            """;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ImportService imports;

    @Autowired
    WorkbookService workbook;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @SuppressWarnings("unchecked")
    private void upload(String fileName, String content) {
        UploadTester<Upload> tester = test($(Upload.class).id("klantgroepen-upload"));
        tester.upload(fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private String summary() {
        return $(Paragraph.class).id("klantgroepen-mapping-report-summary").getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_shop_export_is_checked_in_the_mapping_step_then_fills_w5_w1_and_w2() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        navigate(KlantgroepenView.class);
        test((RadioButtonGroup<Object>) $(RadioButtonGroup.class).id("klantgroepen-source"))
                .selectItem("Ik upload een export met aankopen");
        upload("orders_export.csv", SHOPIFY);
        assertThat($(Paragraph.class).id("klantgroepen-mapping-system").getText())
                .isEqualTo("Herkend: Shopify, bestellingen.");
        assertThat(summary()).isEqualTo("16 regels gelezen: 14 aankopen geteld, 1 geen aankoop, 0 afgewezen.");

        // another column reads the file again, off the UI thread: without the order number #1 is two purchases
        Select<Integer> order = $(Select.class).id("klantgroepen-mapping-order");
        test(order).selectItem("(geen)");
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            roundTrip();
            assertThat(summary()).isEqualTo("16 regels gelezen: 15 aankopen geteld, 1 geen aankoop, 0 afgewezen.");
        });
        test((Select<Integer>) $(Select.class).id("klantgroepen-mapping-order")).selectItem("Name");
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            roundTrip();
            assertThat(summary()).startsWith("16 regels gelezen: 14 aankopen geteld");
        });
        test($(Button.class).id("klantgroepen-mapping-use")).click();

        // W5 on the same file: X = 60, K = 3, as imports.md's worked example
        assertThat($(Span.class).id("klantgroepen-eenmalig").getText()).isEqualTo("3");
        assertThat($(Span.class).id("klantgroepen-herhaal").getText()).isEqualTo("2");
        assertThat($(Span.class).id("klantgroepen-loyaal").getText()).isEqualTo("0");
        assertThat($(Span.class).id("klantgroepen-inactief").getText()).isEqualTo("5");

        navigate(RetentiemeterView.class);
        assertThat($(Paragraph.class).id("retentiemeter-export-summary").getText())
                .isEqualTo("Volgens orders_export.csv, voor de periode 01-07-2026 tot en met 30-09-2026: S = 4 actief"
                        + " aan het begin, E = 5 actief aan het eind, N = 3 nieuw of teruggekomen.");
        test($(Button.class).id("retentiemeter-export-take")).click();
        assertThat($(TextField.class).id("retentiemeter-start").getValue()).isEqualTo("4");
        assertThat($(TextField.class).id("retentiemeter-new").getValue()).isEqualTo("3");
        assertThat($(TextField.class).id("retentiemeter-end").getValue()).isEqualTo("5");
        assertThat($(Span.class).id("retentiemeter-retention").getText()).isEqualTo("50,0\u00a0%");
        assertThat($(Paragraph.class).id("retentiemeter-export-origin").getText())
                .isEqualTo("S, N, E: uit je export.");
        // the participant can still overwrite a number, and the screen says which one they changed
        test($(TextField.class).id("retentiemeter-new")).setValue("2");
        assertThat($(Paragraph.class).id("retentiemeter-export-origin").getText())
                .isEqualTo("Uit je export: S, E. Zelf aangepast: N.");

        navigate(RetentiemeterView.class);
        assertThat($(TextField.class).id("retentiemeter-new").getValue()).isEqualTo("2");
        assertThat($(Paragraph.class).id("retentiemeter-export-origin").getText())
                .isEqualTo("Uit je export: S, E. Zelf aangepast: N.");

        navigate(KostenView.class);
        assertThat($(Paragraph.class).id("kosten-export-summary").getText())
                .isEqualTo("Volgens orders_export.csv: gemiddeld €\u00a097,50 omzet per klant in de 365 dagen van"
                        + " 16-10-2025 tot en met 15-10-2026.");
        test($(Button.class).id("kosten-export-take")).click();
        assertThat($(TextField.class).id("kosten-arpc").getValue()).isEqualTo("97,50");
        assertThat($(Paragraph.class).id("kosten-export-origin").getText())
                .isEqualTo("De gemiddelde omzet per klant komt uit je export.");

        // the next Shopify file needs no new choices: the mapping was remembered, and a second upload replaces it
        navigate(KlantgroepenView.class);
        upload("orders_export_2.csv", SHOPIFY);
        assertThat($(Select.class).id("klantgroepen-mapping-order").getValue()).isEqualTo(0);
    }

    private static final String TYPEFORM = """
            #,Hoe tevreden ben je over onze service?,Hoe waarschijnlijk is het dat je ons aanbeveelt aan een vriend?,\
            Voornaam,Achternaam,E-mail,Submit Date (UTC),Network ID
            r1,8,9,Anna,Jansen,anna@x.nl,2026-10-01 09:15:00,n1
            r2,7,5,Bart,Vos,bart@x.nl,2026-10-02 10:00:00,n2
            r3,9,10,Cees,Bakker,cees@x.nl,2026-10-03 11:30:00,n3
            r4,3,6,Dora,Smit,dora@x.nl,2026-10-04 12:00:00,n4
            r5,6,2,Eva,Mol,eva@x.nl,2026-10-05 13:00:00,n5
            """;

    @Test
    @SuppressWarnings("unchecked")
    void a_survey_upload_goes_through_its_mapping_step_and_the_chosen_score_column_is_remembered_for_the_tool() {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        navigate(NpsView.class);
        test($(Upload.class).id("nps-upload"))
                .upload("responses.csv", "text/csv", TYPEFORM.getBytes(StandardCharsets.UTF_8));
        assertThat($(Paragraph.class).id("nps-mapping-system").getText())
                .isEqualTo("Herkend: Typeform, enquêteantwoorden.");
        // found by the question: how likely to recommend; the name from two columns; contact; the submit date
        assertThat($(Select.class).id("nps-mapping-score").getValue()).isEqualTo(2);
        assertThat($(Select.class).id("nps-mapping-name").getValue()).isEqualTo(3);
        assertThat($(Select.class).id("nps-mapping-last-name").getValue()).isEqualTo(4);
        assertThat($(Select.class).id("nps-mapping-contact").getValue()).isEqualTo(5);
        assertThat($(Select.class).id("nps-mapping-answered").getValue()).isEqualTo(6);
        assertThat($(NativeTable.class).id("nps-mapping-preview").getElement().getTextRecursively())
                .contains("Anna Jansen", "01-10-2026", "antwoord");
        assertThat($(Paragraph.class).id("nps-mapping-report-summary").getText())
                .startsWith("5 regels gelezen");

        // the participant takes the other question instead: read again off the UI thread
        test((Select<Integer>) $(Select.class).id("nps-mapping-score"))
                .selectItem("Hoe tevreden ben je over onze service?");
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            roundTrip();
            assertThat($(NativeTable.class)
                            .id("nps-mapping-preview")
                            .getElement()
                            .getTextRecursively())
                    .contains("Anna Jansen8");
        });
        assertThat(imports.myCallListSize().kept()).isZero(); // nothing stored yet
        test($(Button.class).id("nps-mapping-use")).click();
        // 8, 7, 9, 3, 6: one promoter, two detractors, one doubter (Eva, 6)
        assertThat($(Span.class).id("nps-total").getText()).isEqualTo("5");
        assertThat($(Span.class).id("nps-score").getText()).matches("[−-]20");
        assertThat($(Span.class).id("nps-doubters").getText()).isEqualTo("1");
        assertThat(imports.myDoubters(0, 10)).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Eva Mol");
            assertThat(d.contact()).isEqualTo("eva@x.nl");
        });
        // answered 05-10-2026 at 13:00 UTC (the column says so), 15:00 in Amsterdam: to be called by 07-10 15:00
        Grid<Doubter> calls = $(Grid.class).id("nps-call-grid");
        assertThat(test(calls).getCellText(0, 0)).isEqualTo("07-10-2026 15:00");

        // the next Typeform file starts from that choice
        navigate(NpsView.class);
        test($(Upload.class).id("nps-upload"))
                .upload("responses-2.csv", "text/csv", TYPEFORM.getBytes(StandardCharsets.UTF_8));
        assertThat($(Select.class).id("nps-mapping-score").getValue()).isEqualTo(1);
        test($(Button.class).id("nps-mapping-cancel")).click();
        assertThat(imports.myDoubters(0, 10))
                .singleElement()
                .extracting(d -> d.name())
                .isEqualTo("Eva Mol");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_workbook_whose_first_sheet_is_not_the_data_lets_the_participant_choose_the_sheet() throws IOException {
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workbook book = new Workbook(bytes, "test", "1.0");
        var help = book.newWorksheet("Uitleg");
        help.value(0, 0, "Export van de kassa, gemaakt op 1 oktober");
        var sales = book.newWorksheet("Verkopen");
        sales.value(0, 0, "klant");
        sales.value(0, 1, "datum");
        sales.value(0, 2, "bedrag");
        String[][] rows = {{"anna", "2026-09-01", "10"}, {"bart", "2026-09-02", "20"}, {"anna", "2026-09-20", "5"}};
        for (int r = 0; r < rows.length; r++) {
            sales.value(r + 1, 0, rows[r][0]);
            sales.value(r + 1, 1, LocalDate.parse(rows[r][1]));
            sales.style(r + 1, 1).format("dd-mm-yyyy").set();
            sales.value(r + 1, 2, Integer.parseInt(rows[r][2]));
        }
        book.finish();
        navigate(KlantgroepenView.class);
        test((RadioButtonGroup<Object>) $(RadioButtonGroup.class).id("klantgroepen-source"))
                .selectItem("Ik upload een export met aankopen");
        test($(Upload.class).id("klantgroepen-upload"))
                .upload(
                        "kassa.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        bytes.toByteArray());
        Select<Integer> sheet = $(Select.class).id("klantgroepen-mapping-sheet");
        assertThat(sheet.getValue()).isZero();
        assertThat($(Button.class).id("klantgroepen-mapping-use").isEnabled()).isFalse();
        test(sheet).selectItem("Verkopen");
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            roundTrip();
            assertThat(summary()).isEqualTo("3 regels gelezen: 3 aankopen geteld, 0 geen aankoop, 0 afgewezen.");
        });
        assertThat($(Select.class).id("klantgroepen-mapping-sheet").getValue()).isEqualTo(1);
        test($(Button.class).id("klantgroepen-mapping-use")).click();
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN).orElseThrow().customers())
                .isEqualTo(2);
    }

    @Test
    void a_kept_upload_is_readable_only_by_its_owner_and_only_until_a_newer_one() throws IOException {
        TestAccounts.Account anna = accounts.create(Role.DEELNEMER);
        TestAccounts.Account bert = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(anna);
        StagedUpload first = imports.stage(Worksheet.KLANTGROEPEN, stream(SHOPIFY), "a.csv");
        Path file = Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                .filter(p -> p.getFileName().toString().startsWith("retentiewerkboek-uploads-"))
                .flatMap(d -> {
                    try {
                        return Files.list(d);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(f -> f.getFileName().toString().startsWith("upload-"))
                .max((x, y) -> x.toFile().lastModified() < y.toFile().lastModified() ? -1 : 1)
                .orElseThrow();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(file.getParent()))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);

        TestAccounts.signIn(bert);
        assertThatThrownBy(() -> imports.readPurchases(first, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.usePurchases(first)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.scoresReader(first, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.useScores(first)).isInstanceOf(AccessDeniedException.class);

        TestAccounts.signIn(anna);
        PurchaseRead read = imports.readPurchases(first, null);
        assertThat(read.result()).isPresent();
        StagedUpload second = imports.stage(Worksheet.KLANTGROEPEN, stream(SHOPIFY), "b.csv");
        assertThatThrownBy(() -> imports.usePurchases(first))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.REPLACED));
        imports.usePurchases(second);
        assertThat(imports.mySummary(Worksheet.KLANTGROEPEN).orElseThrow().fileName())
                .isEqualTo("b.csv");
        // used: its file is gone
        assertThatThrownBy(() -> imports.usePurchases(second)).isInstanceOf(ImportFailedException.class);
        assertThat(Set.of(file)).allMatch(f -> !Files.exists(f));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
