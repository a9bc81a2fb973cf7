package nl.retentiewerkboek.workbook;

import nl.retentiewerkboek.security.AccountDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Removes a deleted participant's answers and lessons read. */
@Component
class WorkbookCleanup {

    private final WorksheetAnswersRepository answers;
    private final LessonReadRepository reads;

    WorkbookCleanup(WorksheetAnswersRepository answers, LessonReadRepository reads) {
        this.answers = answers;
        this.reads = reads;
    }

    /** Runs inside the transaction that deletes the account: all of it goes, or none. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void deleting(AccountDeleting event) {
        answers.deleteAll(answers.findByOwnerId(event.userId()));
        reads.deleteAll(reads.findByOwnerId(event.userId()));
        answers.flush();
        reads.flush();
    }
}
