package nl.retentiewerkboek.imports;

import java.time.Instant;
import java.time.LocalDate;

/** What is stored of an upload, shown to the participant: file, rows read and rejected, customers, when. */
public record ImportSummary(
        String fileName, long rowsRead, long rowsRejected, long customers, LocalDate latestDate, Instant importedAt) {}
