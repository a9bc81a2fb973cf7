package nl.retentiewerkboek.workbook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WorksheetAnswersRepository extends JpaRepository<WorksheetAnswers, Long> {

    Optional<WorksheetAnswers> findByOwnerIdAndWorksheetAndMeasurement(long ownerId, String worksheet, int measurement);

    @Query("select coalesce(max(a.measurement), 1) from WorksheetAnswers a where a.ownerId = :ownerId")
    int currentMeasurement(long ownerId);

    List<WorksheetAnswers> findByOwnerId(long ownerId);

    /** Several owners' answers with their values, in one query (the values would otherwise be one query per row). */
    @Query("select distinct a from WorksheetAnswers a left join fetch a.values where a.ownerId in :ownerIds")
    List<WorksheetAnswers> findByOwnerIdIn(Collection<Long> ownerIds);

    /**
     * Takes the row lock of one worksheet's answers for the rest of the transaction (an update that
     * changes nothing), so two screens that save at the same moment merge one after the other
     * instead of failing on the version. Portable: H2 and PostgreSQL lock the row the same way.
     */
    @Modifying
    @Query("update WorksheetAnswers a set a.updatedAt = a.updatedAt"
            + " where a.ownerId = :ownerId and a.worksheet = :worksheet and a.measurement = :measurement")
    int lockRow(long ownerId, String worksheet, int measurement);
}
