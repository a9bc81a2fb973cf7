package nl.retentiewerkboek.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** W8: which steps of a dignified goodbye are in place, with owner and timing, and which are missing. */
public final class Offboarding {

    public static final String YES = "ja";
    public static final String NO = "nee";

    private Offboarding() {}

    public static String usedField(OffboardingStep step) {
        return "step." + step.key() + ".used";
    }

    public static String ownerField(OffboardingStep step) {
        return "step." + step.key() + ".owner";
    }

    public static String timingField(OffboardingStep step) {
        return "step." + step.key() + ".timing";
    }

    public static String noteField(OffboardingStep step) {
        return "step." + step.key() + ".note";
    }

    public static Evaluation<OffboardingResult> evaluate(Map<String, String> answers, Locale locale) {
        FieldReader in = new FieldReader(answers, locale);
        Map<OffboardingStep, OffboardingResult.Step> steps = new EnumMap<>(OffboardingStep.class);
        for (OffboardingStep step : OffboardingStep.values()) {
            String used = in.text(usedField(step));
            if (!used.equals(YES) && !used.equals(NO)) {
                in.problem(usedField(step), used.isEmpty() ? Problem.REQUIRED : Problem.CHOOSE_YES_NO);
                continue;
            }
            steps.put(
                    step,
                    new OffboardingResult.Step(
                            used.equals(YES),
                            in.text(ownerField(step)),
                            in.text(timingField(step)),
                            in.text(noteField(step))));
        }
        if (in.hasProblems()) {
            return Evaluation.failed(in.problems());
        }
        List<OffboardingStep> missing = steps.entrySet().stream()
                .filter(e -> !e.getValue().used())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return Evaluation.of(new OffboardingResult(steps, missing));
    }
}
