package nl.retentiewerkboek.workbook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorksheetAnswersRepository extends JpaRepository<WorksheetAnswers, Long> {

    Optional<WorksheetAnswers> findByOwnerIdAndWorksheet(long ownerId, String worksheet);

    List<WorksheetAnswers> findByOwnerId(long ownerId);
}
