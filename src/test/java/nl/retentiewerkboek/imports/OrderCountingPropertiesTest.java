package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.metrics.Klantgroepen;

/**
 * What counts does not depend on how the shop writes its orders: shuffling the rows, spreading an order over more
 * line-item rows, or adding refund rows to cancelled orders never changes the customers or the groups.
 */
class OrderCountingPropertiesTest {

    private static final String HEADER =
            "Name,Email,Financial Status,Lineitem name,Created at,Total,Cancelled at,Refunded Amount\n";

    /** One order: its rows as Shopify writes them (order fields on the first row only). */
    private record Order(String name, String email, String status, LocalDate date, int cents, boolean cancelled) {

        List<String> rows(int lines) {
            List<String> rows = new ArrayList<>();
            String total = cents / 100 + "." + String.format("%02d", cents % 100);
            rows.add(String.join(
                    ",",
                    name,
                    email,
                    status,
                    "Thee",
                    date + " 10:15:00 +0200",
                    total,
                    cancelled ? date.plusDays(1) + " 09:00:00 +0200" : "",
                    "0.00"));
            for (int i = 1; i < lines; i++) {
                rows.add(String.join(",", name, email, "", "Extra " + i, date + " 10:15:00 +0200", "", "", ""));
            }
            return rows;
        }
    }

    private static List<Order> orders(Random random) {
        List<Order> orders = new ArrayList<>();
        int count = 5 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            String status = switch (random.nextInt(6)) {
                case 0 -> "refunded";
                case 1 -> "voided";
                case 2 -> "partially_refunded";
                default -> "paid";
            };
            orders.add(new Order(
                    "#" + (1000 + i),
                    "klant" + random.nextInt(12) + "@example.nl",
                    status,
                    LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)),
                    100 + random.nextInt(20_000),
                    random.nextInt(8) == 0));
        }
        return orders;
    }

    private static String file(List<String> rows) {
        return HEADER + String.join("\n", rows) + "\n";
    }

    private static PurchaseImport read(String text) {
        return CsvImporter.purchases(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "orders.csv");
    }

    /** Per customer: purchases, first and last day, revenue; and the four groups. */
    private static String outcome(PurchaseImport result) {
        Map<String, String> customers = new TreeMap<>();
        for (CustomerStats c : result.customers()) {
            customers.put(c.id(), c.purchases() + " " + c.first() + " " + c.last() + " " + c.revenueCents());
        }
        return customers + " "
                + Klantgroepen.calculate(result.customers(), result.latest(), 60, 3)
                        .counts();
    }

    @Property(tries = 60)
    void shuffling_rows_splitting_orders_and_refunding_cancelled_orders_change_nothing(@ForAll long seed) {
        Random random = new Random(seed);
        List<Order> orders = orders(random);
        List<String> plain = new ArrayList<>();
        orders.forEach(o -> plain.addAll(o.rows(1)));
        PurchaseImport base;
        try {
            base = read(file(plain));
        } catch (ImportFailedException e) {
            // every order refunded or cancelled: then every variant must say so too
            assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.NO_VALID_ROWS);
            return;
        }
        String expected = outcome(base);

        List<String> shuffled = new ArrayList<>(plain);
        Collections.shuffle(shuffled, random);
        assertThat(outcome(read(file(shuffled)))).isEqualTo(expected);

        List<String> split = new ArrayList<>();
        orders.forEach(o -> split.addAll(o.rows(1 + random.nextInt(4))));
        Collections.shuffle(split, random);
        assertThat(outcome(read(file(split)))).isEqualTo(expected);

        List<String> refunded = new ArrayList<>(plain);
        for (Order o : orders) {
            if (o.cancelled() || !o.status().equals("paid") && !o.status().equals("partially_refunded")) {
                refunded.add(String.join(
                        ",",
                        o.name(),
                        o.email(),
                        "refunded",
                        "Terugbetaling",
                        o.date() + " 12:00:00 +0200",
                        "-" + o.cents() / 100 + "." + String.format("%02d", o.cents() % 100),
                        "",
                        ""));
            }
        }
        Collections.shuffle(refunded, random);
        assertThat(outcome(read(file(refunded)))).isEqualTo(expected);
    }

    @Property(tries = 30)
    void the_purchases_counted_are_the_paid_orders_that_were_not_cancelled(@ForAll long seed) {
        Random random = new Random(seed);
        List<Order> orders = orders(random);
        List<String> rows = new ArrayList<>();
        orders.forEach(o -> rows.addAll(o.rows(1 + random.nextInt(3))));
        Collections.shuffle(rows, random);
        long paid = orders.stream()
                .filter(o -> !o.cancelled()
                        && (o.status().equals("paid") || o.status().equals("partially_refunded")))
                .count();
        try {
            assertThat(read(file(rows)).report().purchases()).isEqualTo(paid);
        } catch (ImportFailedException e) {
            assertThat(paid).isZero();
        }
    }
}
