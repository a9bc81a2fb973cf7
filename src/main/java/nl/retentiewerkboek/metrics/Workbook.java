package nl.retentiewerkboek.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * All of a participant's worksheets evaluated together, so worksheets that build on others (W2 and
 * W3 on W1, W9 on W2) use the very same results. Screens, the trainer's overview and the PDF ask
 * this for their numbers.
 */
public final class Workbook {

    /** Answers as typed, with the locale they were typed in. */
    public record Answers(Map<String, String> values, Locale locale) {
        public Answers {
            values = Map.copyOf(values);
        }

        public static final Answers NONE = new Answers(Map.of(), Locale.ROOT);
    }

    private final Map<Worksheet, Answers> answers;

    public Workbook(Map<Worksheet, Answers> answers) {
        this.answers = new EnumMap<>(Worksheet.class);
        this.answers.putAll(answers);
    }

    private Answers of(Worksheet worksheet) {
        return answers.getOrDefault(worksheet, Answers.NONE);
    }

    public Evaluation<RetentionResult> retentiemeter() {
        Answers a = of(Worksheet.RETENTIEMETER);
        return Retentiemeter.evaluate(a.values(), a.locale());
    }

    public Evaluation<CostResult> kosten() {
        Answers a = of(Worksheet.KOSTEN);
        return Kosten.evaluate(retentiemeter(), a.values(), a.locale());
    }

    public Evaluation<RevolvingDoorResult> draaideur() {
        Answers a = of(Worksheet.DRAAIDEUR);
        return Draaideur.evaluate(retentiemeter(), a.values(), a.locale());
    }

    public Evaluation<ReasonsResult> redenen() {
        Answers a = of(Worksheet.REDENEN);
        return Redenen.evaluate(a.values(), a.locale());
    }

    public Evaluation<TeamResult> teamsport() {
        Answers a = of(Worksheet.TEAMSPORT);
        return Teamsport.evaluate(a.values(), a.locale());
    }

    public Evaluation<OffboardingResult> offboarding() {
        Answers a = of(Worksheet.OFFBOARDING);
        return Offboarding.evaluate(a.values(), a.locale());
    }

    public Evaluation<BudgetResult> begroting() {
        Answers a = of(Worksheet.BEGROTING);
        return Begroting.evaluate(kosten(), a.values(), a.locale());
    }

    /** A copy with one worksheet's answers replaced (the screen's current, unsaved input). */
    public Workbook with(Worksheet worksheet, Map<String, String> values, Locale locale) {
        Map<Worksheet, Answers> copy = new EnumMap<>(Worksheet.class);
        copy.putAll(answers);
        copy.put(worksheet, new Answers(values, locale));
        return new Workbook(copy);
    }
}
