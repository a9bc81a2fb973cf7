package nl.retentiewerkboek.cohorts;

import nl.retentiewerkboek.security.AccountDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Takes a deleted participant out of their cohorts and out of the cohort screens' read model. */
@Component
class CohortCleanup {

    private final EnrollmentRepository enrollments;
    private final CohortReadModel readModel;

    CohortCleanup(EnrollmentRepository enrollments, CohortReadModel readModel) {
        this.enrollments = enrollments;
        this.readModel = readModel;
    }

    /** Runs inside the transaction that deletes the account: all of it goes, or none. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void deleting(AccountDeleting event) {
        enrollments.deleteAll(enrollments.findByParticipantIdOrderByJoinedAtDesc(event.userId()));
        enrollments.flush();
        readModel.changed(event.userId()); // nothing of the deleted participant stays in memory either
    }
}
