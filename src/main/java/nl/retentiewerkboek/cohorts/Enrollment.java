package nl.retentiewerkboek.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A participant in a cohort. */
@Entity
@Table(name = "enrollment")
class Enrollment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cohort_id", nullable = false)
    private long cohortId;

    @Column(name = "participant_id", nullable = false)
    private long participantId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    /** The last time the participant saved or read something (kept from the workbook's events). */
    @Column(name = "last_activity")
    private Instant lastActivity;

    /** When the participant last downloaded their own action plan (kept from the action plan's events). */
    @Column(name = "plan_downloaded_at")
    private Instant planDownloadedAt;

    protected Enrollment() {}

    Enrollment(long cohortId, long participantId, Instant joinedAt) {
        this.cohortId = cohortId;
        this.participantId = participantId;
        this.joinedAt = joinedAt;
    }

    long getCohortId() {
        return cohortId;
    }

    long getParticipantId() {
        return participantId;
    }

    Instant getJoinedAt() {
        return joinedAt;
    }

    Optional<Instant> getLastActivity() {
        return Optional.ofNullable(lastActivity);
    }

    Optional<Instant> getPlanDownloadedAt() {
        return Optional.ofNullable(planDownloadedAt);
    }
}
