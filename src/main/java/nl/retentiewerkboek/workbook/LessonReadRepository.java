package nl.retentiewerkboek.workbook;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LessonReadRepository extends JpaRepository<LessonRead, Long> {

    boolean existsByOwnerIdAndLessonId(long ownerId, String lessonId);

    List<LessonRead> findByOwnerId(long ownerId);

    List<LessonRead> findByOwnerIdIn(Collection<Long> ownerIds);
}
