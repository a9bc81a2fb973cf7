package nl.retentiewerkboek.cohorts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    List<Enrollment> findByCohortId(long cohortId);

    List<Enrollment> findByParticipantIdOrderByJoinedAtDesc(long participantId);

    boolean existsByCohortIdAndParticipantId(long cohortId, long participantId);

    /** Notes activity in every cohort of the participant; never goes back in time. */
    @Modifying
    @Query("update Enrollment e set e.lastActivity = :at where e.participantId = :participantId "
            + "and (e.lastActivity is null or e.lastActivity < :at)")
    int touchActivity(long participantId, Instant at);

    /** Notes a plan download in every cohort of the participant. */
    @Modifying
    @Query("update Enrollment e set e.planDownloadedAt = :at where e.participantId = :participantId")
    int notePlanDownload(long participantId, Instant at);

    @Query("select count(e) > 0 from Enrollment e, Cohort c where e.cohortId = c.id "
            + "and c.trainerId = :trainerId and e.participantId = :participantId")
    boolean isParticipantOfTrainer(long trainerId, long participantId);

    /** How many of these participants are in a cohort of the trainer. */
    @Query("select count(distinct e.participantId) from Enrollment e, Cohort c where e.cohortId = c.id "
            + "and c.trainerId = :trainerId and e.participantId in :participantIds")
    long countParticipantsOfTrainer(long trainerId, Collection<Long> participantIds);
}
