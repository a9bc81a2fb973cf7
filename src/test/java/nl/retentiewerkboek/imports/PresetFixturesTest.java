package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import nl.retentiewerkboek.metrics.CustomerStats;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One real-looking export per system (src/test/resources/imports/presets, with where each layout comes from in its
 * README): the customers, purchases, dates and revenue an accountant counts by hand from the same file.
 */
class PresetFixturesTest {

    /** customer key (lower case) = purchases, first, last, revenue in cents; then what is not a purchase. */
    static Stream<Arguments> exports() {
        return Stream.of(
                Arguments.of("shopify-orders.csv", "shopify", """
                        noel.jansen@example.nl=3,2026-01-14,2026-10-08,14380
                        anouk.moller@example.com=2,2026-03-05,2026-09-30,10820
                        joelle.vandenberg@example.com=1,2026-06-12,2026-06-12,4500
                        renee.devries@example.com=1,2026-02-03,2026-02-03,3445
                        s.muller@example.nl=1,2026-08-19,2026-08-19,3745""", "REFUNDED=2,CANCELLED=1,NO_CUSTOMER=1"),
                Arguments.of(
                        "woocommerce-analytics-orders.csv",
                        "woocommerce-analytics",
                        """
                        noël jansen=3,2026-03-17,2026-10-06,9613
                        renée de vries=2,2026-01-09,2026-09-14,4285
                        sanne müller=2,2026-02-11,2026-07-03,2217
                        joëlle van den berg=1,2026-06-08,2026-06-08,3669""",
                        "REFUNDED=1,CANCELLED=1,NOT_PAID=1,NO_CUSTOMER=1"),
                Arguments.of("lightspeed-x-sales.csv", "lightspeed-x", """
                        noel-jansen-4821=2,2026-01-09,2026-06-12,6125
                        renee-devries-1375=1,2026-02-14,2026-02-14,3145
                        sanne-muller-9062=1,2026-10-02,2026-10-02,1995""", "CANCELLED=1,REFUND=1,NO_CUSTOMER=1"),
                Arguments.of("lightspeed-ecom-orders.csv", "lightspeed-ecom", """
                        noel.jansen@example.nl=3,2026-01-16,2026-10-05,9115
                        renee.devries@example.com=2,2026-02-09,2026-08-22,4335
                        anouk.moller@example.com=1,2026-07-11,2026-07-11,3495
                        s.muller@example.nl=1,2026-03-18,2026-03-18,1790""", "NOT_PAID=1,CANCELLED=1"),
                Arguments.of("mollie-payments.csv", "mollie", """
                        noël jansen=2,2026-01-12,2026-05-06,12995
                        renée de vries=2,2026-02-02,2026-10-02,24900
                        sanne müller=2,2026-03-03,2026-09-18,6800
                        sanne möller=1,2026-03-21,2026-03-21,7800
                        joëlle van den berg=1,2026-07-15,2026-07-15,6200""", "REFUNDED=4,CANCELLED=1,NOT_PAID=3,NO_CUSTOMER=1"),
                Arguments.of("stripe-payments.csv", "stripe", """
                        renee.devries@example.com=2,2026-01-07,2026-06-11,19000
                        noel.jansen@example.nl=2,2026-01-21,2026-09-29,11350
                        s.muller@example.nl=2,2026-02-14,2026-08-17,11800
                        joelle.vandenberg@example.com=1,2026-03-18,2026-03-18,8000
                        cus_tk9qmw2xlp4rvz=2,2026-04-09,2026-10-09,3700
                        anouk.moller@example.com=1,2026-07-01,2026-07-01,1850""", "NOT_PAID=3,REFUNDED=1,NO_CUSTOMER=1"),
                Arguments.of("square-transactions.csv", "square", """
                        rv3m8n1b6v4c2x9z7l5k0j3h8g=2,2026-02-14,2026-09-26,114900
                        nj7k4q2w9e8r1t5y6u3p0a2s4d=2,2026-01-10,2026-05-09,4700
                        sm5t2y9u1i4o7p3a6s8d0f2g5h=2,2026-03-02,2026-08-15,2700
                        jb2z5x8c1v4b7n3m6l9k0j5h2g=1,2026-10-03,2026-10-03,2150
                        am8q1w4e7r2t5y9u3i6o0p4a7s=1,2026-06-20,2026-06-20,1680""", "REFUND=1,NO_CUSTOMER=3"),
                Arguments.of("square-transactions-excel-2018.csv", "square", """
                        nj7k4q2w9e8r1t5y6u3p0a2s4d=2,2026-03-13,2026-04-01,4200
                        rv3m8n1b6v4c2x9z7l5k0j3h8g=1,2026-02-14,2026-02-14,114900""", "REFUND=1,NO_CUSTOMER=1"),
                Arguments.of("etsy-sold-orders.csv", "etsy", """
                        812345671=2,2026-01-18,2026-04-30,9140
                        823456782=2,2026-02-09,2026-06-19,9700
                        856789015=1,2026-05-27,2026-05-27,6250
                        878901237=1,2026-10-01,2026-10-01,6250
                        867890126=1,2026-08-08,2026-08-08,4850
                        834567893=1,2026-09-12,2026-09-12,3450
                        845678904=1,2026-03-22,2026-03-22,3450""", "REFUNDED=1"),
                Arguments.of("paypal-activity-nl.csv", "paypal-nl", """
                        renee.devries@example.com=2,2026-01-19,2026-06-18,129200
                        s.muller@example.nl=2,2026-02-14,2026-09-10,11000
                        noel.jansen@example.nl=3,2026-01-05,2026-10-08,8575
                        zoe.dejong@example.com=2,2026-01-27,2026-08-23,3780
                        thijs.visser@example.nl=1,2026-09-29,2026-09-29,2750
                        anouk.moller@example.com=1,2026-04-15,2026-04-15,1995""", "REFUND=1,MONEY_OUT=3"),
                Arguments.of("ing-zakelijk.csv", "ing", """
                        bakkerij müller b.v.=2,2026-02-03,2026-05-13,243000
                        möller installatietechniek=2,2026-02-10,2026-09-04,58500
                        noël jansen=3,2026-01-12,2026-10-07,21250
                        joëlle van den berg=1,2026-07-10,2026-07-10,12000
                        renée de vries=1,2026-03-18,2026-03-18,6500
                        thijs visser=1,2026-09-22,2026-09-22,3995""", "MONEY_OUT=6"),
                Arguments.of("rabobank-zakelijk.csv", "rabobank", """
                        bakkerij müller b.v.=2,2026-02-11,2026-04-07,96000
                        noël jansen=2,2026-01-08,2026-09-09,24000
                        möller installatietechniek=1,2026-05-20,2026-05-20,21000
                        renée de vries=1,2026-03-12,2026-03-12,9500
                        joëlle van den berg=1,2026-10-06,2026-10-06,7550
                        thijs visser=1,2026-07-16,2026-07-16,6000""", "MONEY_OUT=6"),
                Arguments.of("moneybird-invoices.csv", "invoices", """
                        bakkerij müller b.v.=4,2026-01-07,2026-09-07,242000
                        café de zwaan=2,2026-03-25,2026-08-18,133100
                        möller installatietechniek=2,2026-01-19,2026-06-16,78650
                        noël jansen=2,2026-02-04,2026-07-21,19360
                        renée de vries=1,2026-04-14,2026-04-14,18150
                        thijs visser=1,2026-10-12,2026-10-12,5445""", "CREDIT=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void every_system_gives_the_customers_an_accountant_counts_by_hand(
            String file, String system, String customers, String skipped) throws IOException {
        PurchaseImport result;
        try (InputStream in = getClass().getResourceAsStream("/imports/presets/" + file)) {
            result = CsvImporter.purchases(in, file);
        }
        check(result, system, customers, skipped);
    }

    /** The same export saved by Dutch Excel: as a workbook (.xlsx), and as "CSV (gescheiden door lijstscheidingsteken)". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void the_same_export_saved_by_dutch_excel_gives_the_same_customers(
            String file, String system, String customers, String skipped, @TempDir Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/imports/presets/" + file)) {
            bytes = in.readAllBytes();
        }
        Charset charset = file.startsWith("rabobank") ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        String text = new String(bytes, charset).replace("\uFEFF", "");
        char separator = text.substring(0, text.indexOf('\n')).contains(";") ? ';' : ',';
        try (CsvReader<CsvRecord> reader =
                CsvReader.builder().fieldSeparator(separator).ofCsvRecord(text)) {
            reader.forEach(r -> rows.add(r.getFields()));
        }
        // a workbook with every cell as text, as Excel keeps an opened CSV
        Path book = dir.resolve("export.xlsx");
        try (OutputStream out = Files.newOutputStream(book)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("Blad1");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        ws.value(r, c, rows.get(r).get(c));
                    }
                }
            }
            wb.finish();
        }
        Path csv = dir.resolve("export.csv");
        XlsxSheet.toCsv(book, csv);
        try (InputStream in = Files.newInputStream(csv)) {
            check(CsvImporter.purchases(in, "export.xlsx"), system, customers, skipped);
        }
        // Dutch Excel's CSV: Windows-1252, semicolons, CRLF, quotes only where needed
        StringBuilder dutch = new StringBuilder();
        for (List<String> row : rows) {
            dutch.append(String.join(
                            ";",
                            row.stream()
                                    .map(f -> f.contains(";") || f.contains("\"") || f.contains("\n")
                                            ? '"' + f.replace("\"", "\"\"") + '"'
                                            : f)
                                    .toList()))
                    .append("\r\n");
        }
        byte[] cp1252 = dutch.toString().getBytes(Charset.forName("windows-1252"));
        check(CsvImporter.purchases(new ByteArrayInputStream(cp1252), "export.csv"), system, customers, skipped);
    }

    @Test
    void a_payout_from_a_payment_service_in_a_bank_file_is_no_customer_and_paypal_memos_are_no_sales() {
        String ing = """
                "Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort"
                "20261001";"Stichting Mollie Payments";"NL00INGB0001234567";"NL00ABNA0000000001";"OV";"Bij";"1.245,10";"Overschrijving"
                "20261002";"bol.com b.v.";"NL00INGB0001234567";"NL00ABNA0000000002";"OV";"Bij";"310,00";"Overschrijving"
                "20261003";"Anna Bol";"NL00INGB0001234567";"NL00TEST0000000003";"GT";"Bij";"40,00";"Online bankieren"
                "20261005";"Stripe Technology Europe Ltd";"NL00INGB0001234567";"NL00ABNA0000000004";"OV";"Bij";"99,00";"Overschrijving"
                "20261007";"Anna Bol";"NL00INGB0001234567";"NL00TEST0000000003";"GT";"Bij";"25,50";"Online bankieren"
                "20261008";"Mollie B.V.";"NL00INGB0001234567";"NL00ABNA0000000001";"IC";"Af";"12,00";"Incasso"
                """;
        // Anna Bol (a surname, not bol.com) bought twice: 40,00 + 25,50; three payouts; the fee to Mollie is money out
        check(
                CsvImporter.purchases(CsvImporter.bytes(ing), "ing.csv"),
                "ing",
                "anna bol=2,2026-10-03,2026-10-07,6550",
                "PAYOUT=3,MONEY_OUT=1");

        String paypal = """
                "Date","Time","Time Zone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address",\
                "To Email Address","Transaction ID","Balance Impact"
                "13/10/2026","10:00:00","CET","Noël Jansen","Express Checkout Payment","Completed","EUR","24.50",\
                "-1.08","23.42","noel@example.nl","shop@example.nl","T1","Credit"
                "13/10/2026","10:00:01","CET","","General Currency Conversion","Completed","EUR","24.50","0.00",\
                "24.50","","","T2","Credit"
                "14/10/2026","09:00:00","CET","Renée de Vries","Express Checkout Payment","Pending","EUR","12.00",\
                "0.00","12.00","renee@example.nl","shop@example.nl","T3","Memo"
                "15/10/2026","11:00:00","CET","","General Withdrawal","Completed","EUR","-500.00","0.00","-500.00",\
                "","","T4","Debit"
                "16/10/2026","12:00:00","CET","Renée de Vries","Express Checkout Payment","Completed","EUR","12.00",\
                "-0.60","11.40","renee@example.nl","shop@example.nl","T5","Credit"
                """;
        check(CsvImporter.purchases(CsvImporter.bytes(paypal), "paypal.csv"), "paypal", """
                noel@example.nl=1,2026-10-13,2026-10-13,2450
                renee@example.nl=1,2026-10-16,2026-10-16,1200""", "NO_SALE=2,MONEY_OUT=1");
    }

    private static void check(PurchaseImport result, String system, String customers, String skipped) {
        assertThat(result.report().system()).isEqualTo(system);
        Map<String, String> found = new HashMap<>();
        for (CustomerStats c : result.customers()) {
            found.put(
                    c.id().toLowerCase(Locale.ROOT),
                    c.purchases() + "," + c.first() + "," + c.last() + "," + c.revenueCents());
        }
        Map<String, String> expected = new HashMap<>();
        long purchases = 0;
        for (String line : customers.strip().split("\n")) {
            String[] kv = line.strip().split("=");
            expected.put(kv[0], kv[1]);
            purchases += Long.parseLong(kv[1].split(",")[0]);
        }
        assertThat(found).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(result.report().purchases()).isEqualTo(purchases);
        Map<SkipReason, Long> expectedSkips = new EnumMap<>(SkipReason.class);
        if (!skipped.isEmpty()) {
            for (String part : skipped.split(",")) {
                String[] kv = part.split("=");
                expectedSkips.put(SkipReason.valueOf(kv[0]), Long.parseLong(kv[1]));
            }
        }
        assertThat(new HashMap<>(result.report().skipped())).isEqualTo(new HashMap<>(expectedSkips));
        assertThat(result.report().rowsRejected()).isZero();
        LocalDate latest = expected.values().stream()
                .map(v -> LocalDate.parse(v.split(",")[2]))
                .max(LocalDate::compareTo)
                .orElseThrow();
        assertThat(result.latest()).isEqualTo(latest);
    }
}
