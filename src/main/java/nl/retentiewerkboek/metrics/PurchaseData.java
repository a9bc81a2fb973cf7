package nl.retentiewerkboek.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * A participant's uploaded purchases as W5 needs them: how many customers, the latest purchase
 * date, and the per-customer sums, loaded only when a calculation needs them.
 */
public record PurchaseData(long customers, LocalDate latest, Supplier<List<CustomerStats>> loader) {}
