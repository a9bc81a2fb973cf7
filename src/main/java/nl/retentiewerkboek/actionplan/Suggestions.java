package nl.retentiewerkboek.actionplan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.RedenenResult;
import nl.retentiewerkboek.metrics.Workbook;

/**
 * The rules that turn a participant's results into suggested actions, each with the reason it
 * applies. Only worksheets that are filled in contribute.
 */
public final class Suggestions {

    static final BigDecimal RETENTION_FLOOR = new BigDecimal("80");
    static final BigDecimal DOUBTER_SHARE = new BigDecimal("15");
    static final BigDecimal INACTIVE_SHARE = new BigDecimal("25");
    static final BigDecimal REPEAT_FLOOR = new BigDecimal("30");
    static final BigDecimal GAP_FILLER_SHARE = new BigDecimal("50");
    static final int WEAK_SCORE = 3;

    private Suggestions() {}

    /**
     * The suggestions for a workbook; {@code t} translates names (departments, steps, reasons) that
     * appear inside a suggestion's text.
     */
    public static List<Suggestion> suggest(Workbook book, Locale locale, Function<String, String> t) {
        List<Suggestion> list = new ArrayList<>();
        book.retentiemeter().result().ifPresent(r -> {
            BigDecimal shown = LocaleNumbers.roundPercent(r.retention());
            if (shown.compareTo(RETENTION_FLOOR) < 0) {
                String pct = LocaleNumbers.percent(r.retention(), locale);
                list.add(new Suggestion(
                        "vertrekanalyse",
                        Department.KLANTENSERVICE,
                        "suggest.vertrekanalyse",
                        List.of(),
                        "suggest.vertrekanalyse.why",
                        List.of(pct),
                        "kpi.retention",
                        pct,
                        LocaleNumbers.percent(RETENTION_FLOOR, locale)));
            }
        });
        book.draaideur().result().ifPresent(r -> {
            r.gapFillerShare()
                    .filter(s -> LocaleNumbers.roundPercent(s).compareTo(GAP_FILLER_SHARE) >= 0)
                    .ifPresent(s -> list.add(new Suggestion(
                            "draaideur",
                            Department.SALES,
                            "suggest.draaideur",
                            List.of(),
                            "suggest.draaideur.why",
                            List.of(LocaleNumbers.percent(s, locale)),
                            "kpi.gap-fillers",
                            LocaleNumbers.percent(s, locale),
                            LocaleNumbers.percent(GAP_FILLER_SHARE, locale))));
            if (r.retentionBudget().signum() == 0) {
                list.add(new Suggestion(
                        "begroting",
                        Department.FINANCE,
                        "suggest.begroting",
                        List.of(),
                        "suggest.begroting.why",
                        List.of(LocaleNumbers.euros(r.acquisitionBudget(), locale)),
                        "kpi.retention-budget",
                        LocaleNumbers.euros(BigDecimal.ZERO, locale),
                        ""));
            }
        });
        book.nps().result().ifPresent(r -> {
            if (LocaleNumbers.roundPercent(r.doubterShare()).compareTo(DOUBTER_SHARE) >= 0) {
                list.add(new Suggestion(
                        "twijfelaars",
                        Department.KLANTENSERVICE,
                        "suggest.twijfelaars",
                        List.of(),
                        "suggest.twijfelaars.why",
                        List.of(LocaleNumbers.percent(r.doubterShare(), locale)),
                        "kpi.nps",
                        LocaleNumbers.whole(r.nps(), locale),
                        LocaleNumbers.whole(r.npsIfAllMoved(), locale)));
            }
        });
        book.klantgroepen().result().ifPresent(r -> groups(r, locale, list));
        book.redenen().result().ifPresent(r -> reasons(r, locale, t, list));
        book.teamsport().result().ifPresent(r -> {
            for (Department d : r.weakest()) {
                int score = r.scores().get(d);
                if (score <= WEAK_SCORE) {
                    String name = t.apply("department." + d.key());
                    list.add(new Suggestion(
                            "teamsport-" + d.key(),
                            d,
                            "suggest.teamsport",
                            List.of(name),
                            "suggest.teamsport.why",
                            List.of(name, Integer.toString(score)),
                            "kpi.team-score",
                            Integer.toString(score),
                            Integer.toString(Math.min(5, score + 1))));
                }
            }
        });
        book.offboarding().result().ifPresent(r -> {
            for (OffboardingStep step : r.missing()) {
                // inside a sentence the step's name starts in lower case ("Voeg deze stap toe: exitgesprek")
                String name = lowerFirst(t.apply("step." + step.key()), locale);
                list.add(new Suggestion(
                        "offboarding-" + step.key(),
                        Department.KLANTENSERVICE,
                        "suggest.offboarding",
                        List.of(name),
                        "suggest.offboarding.why",
                        List.of(name),
                        "kpi.offboarding",
                        r.inUse() + "/" + r.total(),
                        (r.inUse() + 1) + "/" + r.total()));
            }
        });
        book.begroting().result().ifPresent(r -> {
            if (r.roi().signum() > 0 && list.stream().noneMatch(s -> s.key().equals("begroting"))) {
                list.add(new Suggestion(
                        "begroting",
                        Department.FINANCE,
                        "suggest.begroting-roi",
                        List.of(LocaleNumbers.euros(r.budget(), locale)),
                        "suggest.begroting-roi.why",
                        List.of(LocaleNumbers.percent(r.roi(), locale), LocaleNumbers.euros(r.marginSaved(), locale)),
                        "kpi.retention-budget",
                        LocaleNumbers.euros(BigDecimal.ZERO, locale),
                        LocaleNumbers.euros(r.budget(), locale)));
            }
        });
        return list;
    }

    private static String lowerFirst(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(locale) + text.substring(1);
    }

    private static void groups(KlantgroepenResult r, Locale locale, List<Suggestion> list) {
        BigDecimal inactive = r.share(CustomerGroup.INACTIEF);
        if (LocaleNumbers.roundPercent(inactive).compareTo(INACTIVE_SHARE) >= 0) {
            String pct = LocaleNumbers.percent(inactive, locale);
            list.add(new Suggestion(
                    "inactief",
                    Department.MARKETING,
                    "suggest.inactief",
                    List.of(),
                    "suggest.inactief.why",
                    List.of(pct),
                    "kpi.inactive",
                    pct,
                    LocaleNumbers.percent(INACTIVE_SHARE, locale)));
        }
        if (LocaleNumbers.roundPercent(r.repeatRate()).compareTo(REPEAT_FLOOR) < 0) {
            String pct = LocaleNumbers.percent(r.repeatRate(), locale);
            list.add(new Suggestion(
                    "tweede-aankoop",
                    Department.MARKETING,
                    "suggest.tweede-aankoop",
                    List.of(),
                    "suggest.tweede-aankoop.why",
                    List.of(pct),
                    "kpi.repeat-rate",
                    pct,
                    LocaleNumbers.percent(REPEAT_FLOOR, locale)));
        }
    }

    private static void reasons(RedenenResult r, Locale locale, Function<String, String> t, List<Suggestion> list) {
        // moved away and stopped cannot be prevented: then the most-named reason that can be
        r.topFixable().ifPresent(fixable -> {
            RedenenResult.ReasonCount top = r.top().getFirst();
            boolean isTop = fixable.equals(top);
            String name = t.apply("reason." + fixable.reason().key());
            String share = LocaleNumbers.percent(r.share(fixable.count()), locale);
            list.add(new Suggestion(
                    "reden-" + fixable.reason().key(),
                    fixable.reason().owner().orElse(Department.CULTUUR),
                    isTop ? "suggest.reden" : "suggest.reden-fixable",
                    List.of(name),
                    isTop ? "suggest.reden.why" : "suggest.reden-fixable.why",
                    isTop
                            ? List.of(name, share)
                            : List.of(
                                    name,
                                    share,
                                    t.apply("reason." + top.reason().key())),
                    "kpi.reason-share",
                    share,
                    ""));
        });
    }
}
