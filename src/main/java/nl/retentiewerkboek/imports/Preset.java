package nl.retentiewerkboek.imports;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One system's export, as data: the header it is recognised by, which columns hold the customer, the date, the amount,
 * the order number and the status (each a list of header names in order of preference), and which rows are not a
 * purchase. {@link Presets} holds one per system; the reader has no branch per system.
 *
 * @param id          stable name, stored with a remembered mapping
 * @param name        the system as the screen names it ("Shopify")
 * @param kind        what one row is, as a message key suffix ({@code orders}, {@code payments}, {@code bank} …)
 * @param signature   header names that must all be present for the file to be this system's
 * @param customer    the customer: the first of these columns that is filled in on a row (e-mail, else id, else name)
 * @param date        the purchase date
 * @param amount      the amount: the first of these columns that is filled in
 * @param refunded    an amount already refunded, taken off the amount
 * @param order       the order number that rows of one order share
 * @param rules       what makes a row not a purchase; the first rule's column is the status the mapping step shows
 * @param orderAmount whether an order's amount is on its rows as the order total, or spread over its lines
 * @param negative    what a negative amount without an order is: a refund, money out, or a credit that nets against
 *                    the customer ({@code null})
 * @param monthFirst  whether dates that could be read both ways are month first (US exports)
 * @param zeroIsRefund whether an amount of zero means the order was adjusted to nothing
 */
public record Preset(
        String id,
        String name,
        String kind,
        List<String> signature,
        List<String> customer,
        List<String> date,
        List<String> amount,
        List<String> refunded,
        List<String> order,
        List<Rule> rules,
        OrderAmount orderAmount,
        SkipReason negative,
        boolean monthFirst,
        boolean zeroIsRefund) {

    /** How an order's rows carry its amount. */
    public enum OrderAmount {
        /** Every row, or only the first, has the order's total (Shopify's line items). */
        ORDER_TOTAL,
        /** Each row has its own line's amount; the order's amount is their sum. */
        LINES
    }

    /** How a rule matches the value in its column. */
    public enum Match {
        ONE_OF,
        NOT_ONE_OF,
        FILLED,
        /** One of the words of the text is one of the values ("Stichting Mollie Payments" has "mollie"). */
        NAMES_ONE_OF
    }

    /** A row whose value in the first present of {@code columns} matches is not a purchase, for {@code reason}. */
    public record Rule(List<String> columns, Set<String> values, Match match, SkipReason reason) {
        public Rule {
            columns = columns.stream().map(Preset::normal).toList();
            values = Set.copyOf(values.stream().map(Preset::value).toList());
        }

        boolean matches(String text) {
            String v = value(text == null ? "" : text);
            return switch (match) {
                case ONE_OF -> values.contains(v);
                case NOT_ONE_OF -> !v.isEmpty() && !values.contains(v);
                case FILLED -> !v.isEmpty();
                case NAMES_ONE_OF -> {
                    for (String word : v.split("[^\\p{L}\\p{N}.]+")) {
                        if (values.contains(word)) {
                            yield true;
                        }
                    }
                    yield false;
                }
            };
        }
    }

    public Preset {
        signature = signature.stream().map(Preset::normal).toList();
        customer = customer.stream().map(Preset::normal).toList();
        date = date.stream().map(Preset::normal).toList();
        amount = amount.stream().map(Preset::normal).toList();
        refunded = refunded.stream().map(Preset::normal).toList();
        order = order.stream().map(Preset::normal).toList();
        rules = List.copyOf(rules);
    }

    /** Whether a header (normalised names) has every column this system's export always has. */
    boolean recognises(List<String> normalisedHeader) {
        return !signature.isEmpty() && normalisedHeader.containsAll(signature);
    }

    /** A header name as compared: trimmed, lower case, spaces as underscores, no byte order mark or quotes. */
    static String normal(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
    }

    /** A status value as compared: trimmed, lower case, spaces and dashes as underscores. */
    static String value(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
