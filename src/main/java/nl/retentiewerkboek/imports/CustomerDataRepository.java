package nl.retentiewerkboek.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CustomerDataRepository extends JpaRepository<CustomerData, Long> {

    Optional<CustomerData> findByOwnerIdAndWorksheet(long ownerId, String worksheet);

    /** The summary without the payload. */
    @Query("select new nl.retentiewerkboek.imports.ImportSummary(d.fileName, d.rowsRead, d.rowsRejected, d.customers, "
            + "d.latestDate, d.importedAt) from CustomerData d where d.ownerId = :ownerId and d.worksheet = :worksheet")
    Optional<ImportSummary> findSummary(long ownerId, String worksheet);

    /** The summaries of several owners' uploads, without their payloads. */
    @Query("select new nl.retentiewerkboek.imports.CustomerDataRepository$OwnedSummary(d.ownerId, d.fileName, "
            + "d.rowsRead, d.rowsRejected, d.customers, d.latestDate, d.importedAt) from CustomerData d "
            + "where d.ownerId in :ownerIds and d.worksheet = :worksheet")
    List<OwnedSummary> findSummaries(Collection<Long> ownerIds, String worksheet);

    record OwnedSummary(
            long ownerId,
            String fileName,
            long rowsRead,
            long rowsRejected,
            long customers,
            LocalDate latestDate,
            Instant importedAt) {}

    @Modifying
    @Query("delete from CustomerData d where d.ownerId = :ownerId and d.worksheet = :worksheet")
    int deleteByOwner(long ownerId, String worksheet);
}
