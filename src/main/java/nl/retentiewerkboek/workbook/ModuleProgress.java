package nl.retentiewerkboek.workbook;

import nl.retentiewerkboek.lessons.Lesson;

/** Where a participant stands in one module: a module is done when its lesson is read and its worksheet complete. */
public record ModuleProgress(Lesson lesson, boolean lessonRead, boolean worksheetComplete) {

    public boolean done() {
        return lessonRead && worksheetComplete;
    }

    public boolean started() {
        return lessonRead || worksheetComplete;
    }

    /** The message key of where the participant stands, for the workbook's cards and the trainer's participant view. */
    public String statusKey() {
        if (done()) {
            return "workbook.status.done";
        }
        if (lessonRead) {
            return "workbook.status.lesson-read";
        }
        return worksheetComplete ? "workbook.status.worksheet-filled" : "workbook.status.open";
    }
}
