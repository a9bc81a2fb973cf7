package nl.retentiewerkboek.imports;

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

    @Modifying
    @Query("delete from CustomerData d where d.ownerId = :ownerId and d.worksheet = :worksheet")
    int deleteByOwner(long ownerId, String worksheet);
}
