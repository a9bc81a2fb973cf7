package nl.retentiewerkboek.cohorts;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    List<Enrollment> findByCohortId(long cohortId);

    List<Enrollment> findByParticipantIdOrderByJoinedAtDesc(long participantId);

    boolean existsByCohortIdAndParticipantId(long cohortId, long participantId);

    @Query("select count(e) > 0 from Enrollment e, Cohort c where e.cohortId = c.id "
            + "and c.trainerId = :trainerId and e.participantId = :participantId")
    boolean isParticipantOfTrainer(long trainerId, long participantId);
}
