package nl.retentiewerkboek.cohorts;

import nl.retentiewerkboek.security.AccountDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Takes a deleted participant out of their cohorts. */
@Component
class CohortCleanup {

    private final EnrollmentRepository enrollments;

    CohortCleanup(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    @EventListener
    void deleting(AccountDeleting event) {
        enrollments.deleteAll(enrollments.findByParticipantIdOrderByJoinedAtDesc(event.userId()));
        enrollments.flush();
    }
}
