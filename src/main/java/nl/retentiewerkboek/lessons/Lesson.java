package nl.retentiewerkboek.lessons;

import java.util.List;
import java.util.Optional;
import nl.retentiewerkboek.metrics.Worksheet;

/**
 * One lesson in one language, ready to show.
 *
 * @param id             stable id, the same in every language
 * @param order          position in the workbook; 0 is the opening page, 1.. are the modules
 * @param title          the title in this language
 * @param worksheet      the worksheet that follows the lesson; empty for the opening page
 * @param minutes        reading time
 * @param objectives     learning goals
 * @param html           sanitised HTML of the body
 * @param wordCount      words in the body, for the curriculum checks
 * @param exampleInputs  the worked example's inputs as written in front matter, if any
 * @param exampleResults the worked example's results as they appear in the text, if any
 * @param source         the file it came from, for messages
 * @param questions      the questions for the reader at the end of the lesson ("Vragen voor jezelf"), in order
 */
public record Lesson(
        String id,
        int order,
        String title,
        Optional<Worksheet> worksheet,
        int minutes,
        List<String> objectives,
        String html,
        int wordCount,
        Optional<String> exampleInputs,
        Optional<String> exampleResults,
        String source,
        List<String> questions) {

    public Lesson {
        objectives = List.copyOf(objectives);
        questions = List.copyOf(questions);
    }

    /** A module is a lesson with a worksheet; the opening page is not a module. */
    public boolean isModule() {
        return worksheet.isPresent();
    }
}
