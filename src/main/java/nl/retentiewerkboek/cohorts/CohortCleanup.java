package nl.retentiewerkboek.cohorts;

import nl.retentiewerkboek.security.AccountDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Takes a deleted participant out of their cohorts. */
@Component
class CohortCleanup {

    private final EnrollmentRepository enrollments;

    CohortCleanup(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    /** Runs inside the transaction that deletes the account: all of it goes, or none. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void deleting(AccountDeleting event) {
        enrollments.deleteAll(enrollments.findByParticipantIdOrderByJoinedAtDesc(event.userId()));
        enrollments.flush();
    }
}
