package nl.retentiewerkboek.actionplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.workbook.WorkbookService;

/**
 * Everything the PDF shows, gathered (and access-checked) by {@link ActionPlanService}.
 *
 * @param participant the participant's name
 * @param company     their company, if known
 * @param cohort      their cohort, if any
 * @param made        the day the PDF is made
 * @param locale      language and number notation
 * @param workbook    the participant's worksheets, evaluated as on screen
 * @param plan        the chosen actions and the re-measure date
 * @param translate   message key and arguments to text in the locale
 * @param history     retention per measurement (one row when there was no re-measurement)
 * @param reflections the participant's answers to the lessons' questions, per lesson answered (may be empty)
 */
public record PlanContent(
        String participant,
        Optional<String> company,
        Optional<String> cohort,
        LocalDate made,
        Locale locale,
        Workbook workbook,
        ActionPlan plan,
        BiFunction<String, Object[], String> translate,
        List<MeasurementHistory.Row> history,
        List<WorkbookService.Reflections> reflections) {

    public PlanContent {
        history = List.copyOf(history);
        reflections = List.copyOf(reflections);
    }

    String t(String key, Object... args) {
        return translate.apply(key, args);
    }
}
