package nl.retentiewerkboek.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A participant's uploaded purchases as W5 needs them: how many customers, the latest purchase date, and the
 * per-customer sums, loaded only when a calculation needs them; for W1 and W2, the days each customer bought on
 * (uploads from before these were kept have none).
 */
public record PurchaseData(
        long customers,
        LocalDate latest,
        Supplier<List<CustomerStats>> loader,
        String fileName,
        Supplier<Optional<PurchaseHistory>> history) {

    public PurchaseData(long customers, LocalDate latest, Supplier<List<CustomerStats>> loader) {
        this(customers, latest, loader, "", Optional::empty);
    }
}
