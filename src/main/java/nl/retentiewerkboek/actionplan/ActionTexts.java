package nl.retentiewerkboek.actionplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.metrics.Workbook;

/**
 * A plan's suggested actions in the language of the document. An action taken from a suggestion stores its texts in
 * the language the participant used at the time; a plan asked for in another language shows those texts in that
 * language, as long as the participant did not change them (they still read as the suggestion's sentence in the other
 * language) and the suggestion still applies (so its numbers are known). Own actions and edited texts stay as typed.
 */
final class ActionTexts {

    private ActionTexts() {}

    static ActionPlan inLanguage(ActionPlan plan, Workbook book, Locale target, AppI18NProvider i18n) {
        if (plan.actions().stream().allMatch(a -> a.suggestion().isBlank())) {
            return plan;
        }
        Map<String, Suggestion> wanted = byKey(book, target, i18n);
        List<PlannedAction> actions = new ArrayList<>();
        for (PlannedAction a : plan.actions()) {
            Suggestion s = wanted.get(a.suggestion());
            PlannedAction shown = a;
            if (s != null) {
                for (Locale other : AppI18NProvider.LOCALES) {
                    if (!other.getLanguage().equals(target.getLanguage())) {
                        Suggestion was = byKey(book, other, i18n).get(a.suggestion());
                        shown = swap(shown, other, s, was, target, i18n);
                    }
                }
            }
            actions.add(shown);
        }
        return new ActionPlan(actions, plan.remeasure(), plan.ids());
    }

    private static Map<String, Suggestion> byKey(Workbook book, Locale locale, AppI18NProvider i18n) {
        return Suggestions.suggest(book, locale, key -> i18n.getTranslation(key, locale)).stream()
                .collect(Collectors.toMap(Suggestion::key, Function.identity(), (x, y) -> x));
    }

    private static PlannedAction swap(
            PlannedAction a, Locale from, Suggestion to, Suggestion was, Locale target, AppI18NProvider i18n) {
        String title = i18n.getTranslation(to.titleKey(), target, to.titleArgs().toArray());
        String why = i18n.getTranslation(to.whyKey(), target, to.whyArgs().toArray());
        String kpi = i18n.getTranslation(to.kpiKey(), target);
        boolean sameNumbers = was != null;
        return new PlannedAction(
                reads(a.title(), from, to.titleKey()) ? title : a.title(),
                a.department(),
                a.owner(),
                a.deadline(),
                reads(a.kpi(), from, to.kpiKey()) ? kpi : a.kpi(),
                sameNumbers && a.today().equals(was.today()) ? to.today() : a.today(),
                sameNumbers && a.target().equals(was.target()) ? to.target() : a.target(),
                a.status(),
                reads(a.why(), from, to.whyKey()) ? why : a.why(),
                a.suggestion());
    }

    /** Whether {@code text} is the message {@code key} of {@code locale}, whatever its arguments were. */
    static boolean reads(String text, Locale locale, String key) {
        String pattern = AppI18NProvider.bundle(locale).getString(key);
        StringBuilder regex = new StringBuilder();
        int from = 0;
        var arguments = Pattern.compile("\\{[^}]*}").matcher(pattern);
        while (arguments.find()) {
            regex.append(Pattern.quote(literal(pattern.substring(from, arguments.start()))))
                    .append("(.+?)");
            from = arguments.end();
        }
        regex.append(Pattern.quote(literal(pattern.substring(from))));
        return Pattern.compile(regex.toString(), Pattern.DOTALL)
                .matcher(text.strip())
                .matches();
    }

    private static String literal(String part) {
        return part.replace("''", "'");
    }
}
