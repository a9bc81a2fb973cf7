package nl.retentiewerkboek.imports;

import java.time.LocalDate;
import java.util.List;
import nl.retentiewerkboek.metrics.CustomerStats;

/** Purchases read from a file, summed per customer. */
public record PurchaseImport(ImportReport report, List<CustomerStats> customers, LocalDate latest, boolean amounts) {}
