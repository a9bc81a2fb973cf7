package nl.retentiewerkboek.imports;

import static nl.retentiewerkboek.imports.Preset.Match.FILLED;
import static nl.retentiewerkboek.imports.Preset.Match.NOT_ONE_OF;
import static nl.retentiewerkboek.imports.Preset.Match.ONE_OF;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.retentiewerkboek.imports.Preset.OrderAmount;
import nl.retentiewerkboek.imports.Preset.Rule;

/**
 * The exports the importer recognises, one definition per system (imports.md's table); where each layout comes from is
 * written down in {@code src/test/resources/imports/presets/README.md}.
 */
public final class Presets {

    /** A list the participant made: no system recognised, columns found by their usual names. */
    public static final Preset OWN_LIST = new Preset(
            "own",
            "",
            "list",
            List.of(),
            List.of(
                    "email",
                    "e-mail",
                    "e-mailadres",
                    "klantnummer",
                    "klantnr",
                    "klant_id",
                    "klantid",
                    "customer_id",
                    "customerid",
                    "klant",
                    "klantnaam",
                    "naam",
                    "customer",
                    "client",
                    "name"),
            List.of(
                    "datum",
                    "date",
                    "orderdatum",
                    "order_date",
                    "aankoopdatum",
                    "purchase_date",
                    "factuurdatum",
                    "invoice_date",
                    "created_at"),
            List.of("bedrag", "amount", "omzet", "totaal", "total", "revenue", "prijs", "price"),
            List.of(),
            List.of("ordernummer", "order", "bestelling", "bestelnummer", "order_id", "bonnummer"),
            List.of(),
            OrderAmount.LINES,
            SkipReason.NEGATIVE,
            false,
            false);

    static final List<Preset> ALL = List.of(
            new Preset(
                    "shopify",
                    "Shopify",
                    "orders",
                    List.of("Name", "Email", "Financial Status", "Lineitem name"),
                    List.of("Email", "Billing Name"),
                    List.of("Created at", "Paid at"),
                    List.of("Total"),
                    List.of("Refunded Amount"),
                    List.of("Name"),
                    List.of(
                            new Rule(
                                    List.of("Financial Status"),
                                    Set.of("refunded", "voided"),
                                    ONE_OF,
                                    SkipReason.REFUNDED),
                            new Rule(
                                    List.of("Financial Status"),
                                    Set.of("pending", "expired"),
                                    ONE_OF,
                                    SkipReason.NOT_PAID),
                            new Rule(List.of("Cancelled at"), Set.of(), FILLED, SkipReason.CANCELLED)),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    false,
                    false),
            new Preset(
                    "woocommerce-analytics",
                    "WooCommerce",
                    "orders",
                    List.of("Order #", "Status", "Customer", "Net Sales"),
                    List.of("Customer"),
                    List.of("Date"),
                    List.of("Net Sales"),
                    List.of(),
                    List.of("Order #"),
                    wooRules("Status"),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    false,
                    false),
            new Preset(
                    "woocommerce",
                    "WooCommerce",
                    "orders",
                    List.of("Order Number", "Order Status", "Order Total"),
                    List.of("Billing Email", "Billing Email Address", "Customer User ID", "Billing Company"),
                    List.of("Order Date", "Date"),
                    List.of("Order Total", "Order Total Amount"),
                    List.of("Order Refund Amount", "Refund Amount"),
                    List.of("Order Number"),
                    wooRules("Order Status"),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    false,
                    false),
            new Preset(
                    "lightspeed-x",
                    "Lightspeed",
                    "sales",
                    // the Sales History export of Retail X-Series (formerly Vend): a Sale row with the receipt's
                    // total, its Sale Line rows and Payment rows, all under one receipt number
                    List.of("Receipt Number", "Line Type", "Customer Code"),
                    List.of("Customer Code", "Customer Name"),
                    List.of("Date", "Sale Date"),
                    List.of("Total"),
                    List.of(),
                    List.of("Receipt Number", "Invoice Number"),
                    List.of(new Rule(List.of("Status"), Set.of("voided"), ONE_OF, SkipReason.CANCELLED)),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    false,
                    false),
            new Preset(
                    "lightspeed-ecom",
                    "Lightspeed",
                    "orders",
                    List.of("Order number", "Payment status", "Customer email"),
                    List.of("Customer email", "Customer"),
                    List.of("Date", "Created at"),
                    List.of("Total incl. VAT", "Total incl. tax", "Total"),
                    List.of(),
                    List.of("Order number"),
                    List.of(
                            new Rule(
                                    List.of("Payment status"),
                                    Set.of("paid", "betaald"),
                                    NOT_ONE_OF,
                                    SkipReason.NOT_PAID),
                            new Rule(
                                    List.of("Status"),
                                    Set.of("cancelled", "geannuleerd"),
                                    ONE_OF,
                                    SkipReason.CANCELLED)),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    false,
                    false),
            new Preset(
                    "mollie",
                    "Mollie",
                    "payments",
                    List.of("Payment method", "Consumer name", "Status", "Amount"),
                    List.of("Consumer name", "Consumer bank account", "Consumer account"),
                    List.of("Date", "Created at"),
                    List.of("Amount"),
                    List.of("Amount refunded", "Refunded amount"),
                    List.of(),
                    List.of(
                            new Rule(
                                    List.of("Status"),
                                    Set.of("refunded", "charged_back", "chargeback"),
                                    ONE_OF,
                                    SkipReason.REFUNDED),
                            new Rule(List.of("Status"), Set.of("canceled", "cancelled"), ONE_OF, SkipReason.CANCELLED),
                            new Rule(
                                    List.of("Status"),
                                    Set.of("paid", "paidout", "settled", "betaald"),
                                    NOT_ONE_OF,
                                    SkipReason.NOT_PAID)),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    false,
                    false),
            new Preset(
                    "stripe",
                    "Stripe",
                    "payments",
                    List.of("id", "Amount Refunded", "Status"),
                    List.of("Customer Email", "Customer ID", "Customer Description"),
                    List.of("Created date (UTC)", "Created (UTC)", "Created"),
                    List.of("Amount"),
                    List.of("Amount Refunded"),
                    List.of(),
                    List.of(
                            new Rule(List.of("Status"), Set.of("refunded"), ONE_OF, SkipReason.REFUNDED),
                            new Rule(
                                    List.of("Status"),
                                    Set.of("paid", "succeeded", "partially_refunded"),
                                    NOT_ONE_OF,
                                    SkipReason.NOT_PAID)),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    false,
                    false),
            new Preset(
                    "square",
                    "Square",
                    "transactions",
                    List.of("Transaction ID", "Event Type", "Total Collected"),
                    List.of("Customer ID", "Customer Name", "Customer Reference ID"),
                    List.of("Date"),
                    List.of("Total Collected", "Net Sales"),
                    List.of(),
                    List.of(),
                    List.of(new Rule(List.of("Event Type"), Set.of("refund"), ONE_OF, SkipReason.REFUND)),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    true,
                    false),
            new Preset(
                    "etsy",
                    "Etsy",
                    "orders",
                    List.of("Sale Date", "Order ID", "Buyer User ID", "Order Total"),
                    List.of("Buyer User ID", "Buyer", "Full Name"),
                    List.of("Sale Date"),
                    List.of("Adjusted Order Total", "Order Total"),
                    List.of(),
                    List.of("Order ID"),
                    List.of(),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.REFUND,
                    true,
                    true),
            paypal("paypal-nl", "Datum", "Naam", "Bruto", "Van e-mailadres"),
            paypal("paypal", "Date", "Name", "Gross", "From Email Address"),
            new Preset(
                    "ing",
                    "ING",
                    "bank",
                    List.of("Naam / Omschrijving", "Af Bij", "Bedrag (EUR)"),
                    List.of("Naam / Omschrijving", "Tegenrekening"),
                    List.of("Datum"),
                    List.of("Bedrag (EUR)"),
                    List.of(),
                    List.of(),
                    List.of(
                            new Rule(List.of("Af Bij"), Set.of("af", "debit"), ONE_OF, SkipReason.MONEY_OUT),
                            payouts("Naam / Omschrijving")),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.MONEY_OUT,
                    false,
                    false),
            new Preset(
                    "rabobank",
                    "Rabobank",
                    "bank",
                    List.of("IBAN/BBAN", "Naam tegenpartij", "Bedrag"),
                    List.of("Naam tegenpartij", "Tegenrekening IBAN/BBAN"),
                    List.of("Datum"),
                    List.of("Bedrag"),
                    List.of(),
                    List.of(),
                    List.of(payouts("Naam tegenpartij")),
                    OrderAmount.ORDER_TOTAL,
                    SkipReason.MONEY_OUT,
                    false,
                    false),
            new Preset(
                    "invoices",
                    "Moneybird, Exact Online, e-Boekhouden",
                    "invoices",
                    List.of("Factuurnummer", "Factuurdatum"),
                    List.of("Contact", "Relatie", "Klant", "Debiteur", "Bedrijfsnaam", "Relatienaam"),
                    List.of("Factuurdatum"),
                    List.of("Totaal incl. btw", "Bedrag incl. btw", "Totaalbedrag", "Totaal", "Bedrag"),
                    List.of(),
                    List.of(),
                    List.of(),
                    OrderAmount.ORDER_TOTAL,
                    null,
                    false,
                    false));

    private Presets() {}

    private static List<Rule> wooRules(String status) {
        return List.of(
                new Rule(List.of(status), Set.of("refunded", "wc-refunded"), ONE_OF, SkipReason.REFUNDED),
                new Rule(List.of(status), Set.of("cancelled", "wc-cancelled"), ONE_OF, SkipReason.CANCELLED),
                new Rule(
                        List.of(status),
                        Set.of(
                                "failed",
                                "wc-failed",
                                "pending",
                                "pending payment",
                                "wc-pending",
                                "checkout-draft",
                                "draft"),
                        ONE_OF,
                        SkipReason.NOT_PAID));
    }

    /** PayPal's activity download, in Dutch or in English: the same columns under other names. */
    private static Preset paypal(String id, String date, String name, String gross, String fromEmail) {
        return new Preset(
                id,
                "PayPal",
                "payments",
                List.of(date, name, "Type", gross),
                List.of(fromEmail, name),
                List.of(date),
                List.of(gross),
                List.of(),
                List.of(),
                paypalRules("Status", "Type", List.of("Effect op saldo", "Impact op saldo", "Balance Impact")),
                OrderAmount.ORDER_TOTAL,
                SkipReason.MONEY_OUT,
                false,
                false);
    }

    /**
     * Payment services and marketplaces that pay out to a bank account: a booking from one of them holds many
     * customers' purchases, which that system's own export lists one by one.
     */
    private static Rule payouts(String counterparty) {
        return new Rule(
                List.of(counterparty),
                Set.of(
                        "mollie",
                        "stripe",
                        "adyen",
                        "paypal",
                        "buckaroo",
                        "multisafepay",
                        "pay.nl",
                        "sisow",
                        "sumup",
                        "zettle",
                        "izettle",
                        "ccv",
                        "worldline",
                        "ingenico",
                        "mypos",
                        "klarna",
                        "afterpay",
                        "riverty",
                        "bol.com",
                        "amazon",
                        "etsy",
                        "shopify",
                        "lightspeed"),
                Preset.Match.NAMES_ONE_OF,
                SkipReason.PAYOUT);
    }

    private static List<Rule> paypalRules(String status, String type, List<String> balanceImpact) {
        return List.of(
                // a memo moves no money (an authorisation, an order noted before it was paid); a withdrawal is money
                // out
                new Rule(balanceImpact, Set.of("memo"), ONE_OF, SkipReason.NO_SALE),
                new Rule(
                        List.of(type),
                        Set.of(
                                "algemene valutaomrekening",
                                "general currency conversion",
                                "bankstorting op pp-rekening",
                                "bank deposit to pp account"),
                        ONE_OF,
                        SkipReason.NO_SALE),
                new Rule(List.of(status), Set.of("voltooid", "completed", "afgerond"), NOT_ONE_OF, SkipReason.NOT_PAID),
                new Rule(
                        List.of(type),
                        Set.of("terugbetaling", "refund", "terugboeking", "chargeback", "payment reversal"),
                        ONE_OF,
                        SkipReason.REFUND));
    }

    /** The system whose export has this header (normalised names): the one with the most telling signature. */
    static Optional<Preset> recognise(List<String> normalisedHeader) {
        Preset best = null;
        for (Preset p : ALL) {
            if (p.recognises(normalisedHeader)
                    && (best == null || p.signature().size() > best.signature().size())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A preset by its stored id; the own list for an id no longer known. */
    static Preset byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElse(OWN_LIST);
    }
}
