package nl.retentiewerkboek.actionplan;

import java.util.List;
import nl.retentiewerkboek.metrics.Department;

/**
 * A suggested action with the reason it is suggested. Texts are message keys with their arguments
 * already written in the participant's language, so the screen and the PDF say the same.
 *
 * @param key        stable id of the rule and its subject (e.g. {@code teamsport-marketing})
 * @param department the department that owns it
 * @param titleKey   message key of the action's title
 * @param titleArgs  arguments of the title
 * @param whyKey     message key of the reason
 * @param whyArgs    arguments of the reason
 * @param kpiKey     message key of the KPI
 * @param today      the KPI's value today, as shown
 * @param target     a sensible target, as shown
 */
public record Suggestion(
        String key,
        Department department,
        String titleKey,
        List<String> titleArgs,
        String whyKey,
        List<String> whyArgs,
        String kpiKey,
        String today,
        String target) {

    public Suggestion {
        titleArgs = List.copyOf(titleArgs);
        whyArgs = List.copyOf(whyArgs);
    }
}
