package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import nl.retentiewerkboek.metrics.CustomerStats;
import org.junit.jupiter.api.Test;

/** The mapping step's reading: what an unknown layout, a changed column, a chosen date order and a remembered choice give. */
class MappingTest {

    private static PurchaseRead read(String text, Mapping mapping, Map<String, String> remembered) {
        return PurchaseReader.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv", mapping, remembered);
    }

    private static PurchaseRead read(String text) {
        return read(text, null, Map.of());
    }

    @Test
    void an_unknown_layout_goes_to_the_mapping_step_with_its_columns_and_first_rows() {
        PurchaseRead r = read("Wie;Wanneer;Hoeveel\nAnna;2026-03-01;10\nBart;2026-03-02;20\n");
        assertThat(r.header()).containsExactly("Wie", "Wanneer", "Hoeveel");
        assertThat(r.result()).isEmpty();
        assertThat(r.failure().orElseThrow().reason()).isEqualTo(ImportFailedException.Reason.NO_DATE_COLUMN);
        assertThat(r.preview())
                .extracting(PreviewRow::fields)
                .first()
                .asList()
                .containsExactly("Anna", "2026-03-01", "10");

        // the participant chooses the columns: now it counts
        Mapping chosen = r.mapping().withCustomer(0).withDate(1).withAmount(2);
        PurchaseRead again = read("Wie;Wanneer;Hoeveel\nAnna;2026-03-01;10\nBart;2026-03-02;20\n", chosen, Map.of());
        assertThat(again.orThrow().customers()).extracting(CustomerStats::id).containsExactlyInAnyOrder("Anna", "Bart");
        assertThat(again.orThrow().report().purchases()).isEqualTo(2);
    }

    @Test
    void a_customer_list_without_any_date_says_so() {
        PurchaseRead r = read("Naam;E-mail;Plaats\nAnna;anna@example.nl;Utrecht\nBart;bart@example.nl;Zwolle\n");
        assertThat(r.failure().orElseThrow().reason()).isEqualTo(ImportFailedException.Reason.CUSTOMER_LIST);
    }

    @Test
    void never_a_time_or_a_transaction_number_as_the_customer() {
        // no column is named like a customer: none is guessed
        PurchaseRead r = read("Transactie;Tijd;Datum;Bedrag\nT-1;10:15;2026-03-01;10\nT-2;11:00;2026-03-02;20\n");
        assertThat(r.mapping().customer()).isEmpty();
        assertThat(r.failure().orElseThrow().reason()).isEqualTo(ImportFailedException.Reason.NO_CUSTOMER_COLUMN);
    }

    @Test
    void another_column_and_another_date_order_change_what_is_counted() {
        String file = "klant;datum;bedrag;bestelling\na;03/04/2026;10;1\na;03/04/2026;5;1\nb;05/04/2026;7;2\n";
        PurchaseRead auto = read(file);
        assertThat(auto.dateOrder()).isEqualTo(ImportReport.DateOrder.DAY_FIRST_ASSUMED);
        // "bestelling" is recognised as the order number: a's two rows are one order of 15
        assertThat(auto.mapping().order()).isEqualTo(3);
        CustomerStats a = auto.orThrow().customers().stream()
                .filter(c -> c.id().equals("a"))
                .findFirst()
                .orElseThrow();
        assertThat(a.purchases()).isEqualTo(1);
        assertThat(a.revenueCents()).isEqualTo(1500);
        assertThat(a.last()).isEqualTo(LocalDate.of(2026, 4, 3));

        PurchaseRead lines =
                read(file, auto.mapping().withOrder(-1).withDates(Mapping.DateChoice.MONTH_FIRST), Map.of());
        CustomerStats a2 = lines.orThrow().customers().stream()
                .filter(c -> c.id().equals("a"))
                .findFirst()
                .orElseThrow();
        assertThat(a2.purchases()).isEqualTo(2);
        assertThat(a2.last()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(lines.dateOrder()).isEqualTo(ImportReport.DateOrder.CHOSEN_MONTH_FIRST);
    }

    @Test
    void a_remembered_choice_is_used_for_the_next_file_of_the_same_system() {
        String first = "Name,Email,Financial Status,Lineitem name,Created at,Total,Billing Name\n"
                + "#1,a@example.nl,paid,Thee,2026-03-01 10:00:00 +0100,10.00,Anna\n";
        PurchaseRead r = read(first);
        assertThat(r.mapping().preset().id()).isEqualTo("shopify");
        // the participant wants customers by billing name, not by e-mail
        Mapping byName = r.mapping().withCustomer(6);
        String stored = byName.stored(r.header());

        String next = "Name,Email,Financial Status,Lineitem name,Created at,Total,Billing Name,Extra\n"
                + "#7,b@example.nl,paid,Thee,2026-04-01 10:00:00 +0100,12.00,Bert,x\n";
        PurchaseRead second = read(next, null, Map.of("shopify", stored));
        assertThat(second.mapping().customer()).containsExactly(6);
        assertThat(second.orThrow().customers()).extracting(CustomerStats::id).containsExactly("Bert");

        // a status set to none stays none
        String noStatus = r.mapping().withStatus(-1).stored(r.header());
        assertThat(read(next, null, Map.of("shopify", noStatus)).mapping().status())
                .isEqualTo(-1);

        // a remembered choice of another system, or naming a column the file lacks, is not used
        assertThat(Mapping.fromStored(stored, Presets.OWN_LIST, r.header())).isEmpty();
        String without = "Name,Email,Financial Status,Lineitem name,Created at,Total\n"
                + "#8,c@example.nl,paid,Thee,2026-05-01 10:00:00 +0100,9.00\n";
        assertThat(read(without, null, Map.of("shopify", stored)).mapping().customer())
                .containsExactly(1);
    }

    @Test
    void an_accent_typed_as_a_letter_and_a_mark_is_the_same_customer() {
        // "Renée" once with é as one character, once as e followed by a combining acute accent (as macOS writes it)
        PurchaseRead r = read("klant;datum\nRen\u00e9e;2026-03-01\nRene\u0301e;2026-03-02\nRenee;2026-03-03\n");
        assertThat(r.orThrow().customers())
                .extracting(CustomerStats::id, CustomerStats::purchases)
                .containsExactlyInAnyOrder(tuple("Ren\u00e9e", 2L), tuple("Renee", 1L));
    }

    @Test
    void a_file_without_a_header_reads_customer_date_amount() {
        PurchaseRead r = read("a;2026-03-01;10\nb;2026-03-02;20\n");
        assertThat(r.header()).isEmpty();
        assertThat(r.orThrow().customers()).hasSize(2);
        assertThat(r.preview()).hasSize(2);
    }
}
