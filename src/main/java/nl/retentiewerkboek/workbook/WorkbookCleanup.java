package nl.retentiewerkboek.workbook;

import nl.retentiewerkboek.security.AccountDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Removes a deleted participant's answers and lessons read. */
@Component
class WorkbookCleanup {

    private final WorksheetAnswersRepository answers;
    private final LessonReadRepository reads;

    WorkbookCleanup(WorksheetAnswersRepository answers, LessonReadRepository reads) {
        this.answers = answers;
        this.reads = reads;
    }

    @EventListener
    void deleting(AccountDeleting event) {
        answers.deleteAll(answers.findByOwnerId(event.userId()));
        reads.deleteAll(reads.findByOwnerId(event.userId()));
        answers.flush();
        reads.flush();
    }
}
