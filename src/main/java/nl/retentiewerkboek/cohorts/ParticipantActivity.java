package nl.retentiewerkboek.cohorts;

import nl.retentiewerkboek.actionplan.PlanDownloaded;
import nl.retentiewerkboek.workbook.WorkbookChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the facts a trainer's dashboard shows about a participant (last activity, plan downloaded) from the
 * workbook's and the action plan's events, per enrollment: what the participant did since they joined that cohort.
 * {@link DashboardBroadcaster} calls it on its own thread after the participant's change is committed, before it tells
 * the dashboards: noting the fact never makes a save fail or wait, and never holds a second database connection
 * beside the save's.
 */
@Component
class ParticipantActivity {

    private static final Logger log = LoggerFactory.getLogger(ParticipantActivity.class);

    private final EnrollmentRepository enrollments;
    private final TransactionTemplate ownTransaction;

    ParticipantActivity(EnrollmentRepository enrollments, PlatformTransactionManager transactions) {
        this.enrollments = enrollments;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void worked(WorkbookChanged event) {
        keep(
                "activity",
                event.participantId(),
                () -> ownTransaction.executeWithoutResult(
                        status -> enrollments.touchActivity(event.participantId(), event.at())));
    }

    void downloaded(PlanDownloaded event) {
        keep(
                "plan download",
                event.participantId(),
                () -> ownTransaction.executeWithoutResult(
                        status -> enrollments.notePlanDownload(event.participantId(), event.at())));
    }

    /** Runs the update (in its own transaction); a failure is logged and never reaches the participant. */
    private void keep(String fact, long participantId, Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            log.warn("Could not note the {} of participant {}", fact, participantId, e);
        }
    }
}
