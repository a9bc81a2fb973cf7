package nl.retentiewerkboek.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An e-mail address invited to a cohort (once). */
@Entity
@Table(name = "invitation")
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cohort_id", nullable = false)
    private long cohortId;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(name = "invited_by", nullable = false)
    private long invitedBy;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    protected Invitation() {}

    Invitation(long cohortId, String email, long invitedBy, Instant invitedAt) {
        this.cohortId = cohortId;
        this.email = email;
        this.invitedBy = invitedBy;
        this.invitedAt = invitedAt;
    }

    String getEmail() {
        return email;
    }
}
