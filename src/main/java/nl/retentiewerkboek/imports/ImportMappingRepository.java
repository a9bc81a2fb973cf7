package nl.retentiewerkboek.imports;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ImportMappingRepository extends JpaRepository<ImportMapping, Long> {

    List<ImportMapping> findByOwnerIdAndWorksheet(long ownerId, String worksheet);

    Optional<ImportMapping> findByOwnerIdAndWorksheetAndSystem(long ownerId, String worksheet, String system);

    @Modifying
    @Query("delete from ImportMapping m where m.ownerId = :ownerId")
    int deleteByOwner(long ownerId);
}
