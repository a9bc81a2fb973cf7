package nl.retentiewerkboek.imports;

import java.time.LocalDate;
import java.util.List;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.metrics.PurchaseHistory;

/** Purchases read from a file, summed per customer, with the days each customer bought on. */
public record PurchaseImport(
        ImportReport report,
        List<CustomerStats> customers,
        LocalDate latest,
        boolean amounts,
        PurchaseHistory history) {}
