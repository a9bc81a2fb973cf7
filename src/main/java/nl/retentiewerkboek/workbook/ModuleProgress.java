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
}
