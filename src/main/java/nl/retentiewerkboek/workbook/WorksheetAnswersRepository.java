package nl.retentiewerkboek.workbook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorksheetAnswersRepository extends JpaRepository<WorksheetAnswers, Long> {

    Optional<WorksheetAnswers> findByOwnerIdAndWorksheetAndMeasurement(long ownerId, String worksheet, int measurement);

    @org.springframework.data.jpa.repository.Query(
            "select coalesce(max(a.measurement), 1) from WorksheetAnswers a where a.ownerId = :ownerId")
    int currentMeasurement(long ownerId);

    List<WorksheetAnswers> findByOwnerId(long ownerId);
}
