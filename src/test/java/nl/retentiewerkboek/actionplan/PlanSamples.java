package nl.retentiewerkboek.actionplan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.Nps;
import nl.retentiewerkboek.metrics.Offboarding;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.Redenen;
import nl.retentiewerkboek.metrics.Teamsport;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;

/** Workbooks and plans for the PDF tests and benchmark: the worked examples of worksheets.md, all filled in. */
public final class PlanSamples {

    static final Locale NL = AppI18NProvider.DUTCH;
    static final LocalDate MADE = LocalDate.of(2026, 1, 29);

    private PlanSamples() {}

    public static Map<Worksheet, Map<String, String>> allWorksheets() {
        Map<Worksheet, Map<String, String>> sheets = new EnumMap<>(Worksheet.class);
        sheets.put(Worksheet.RETENTIEMETER, Map.of("start", "200", "new", "30", "end", "190", "period", "kwartaal"));
        sheets.put(Worksheet.KOSTEN, Map.of("arpc", "1.200", "margin", "40", "cac", "350"));
        sheets.put(Worksheet.DRAAIDEUR, Map.of("acquisition", "10.500", "retention", "1.500"));
        Map<String, String> nps = new HashMap<>();
        long[] counts = {2, 1, 3, 4, 5, 9, 11, 20, 25, 30, 40};
        for (int s = 0; s <= 10; s++) {
            nps.put(Nps.countField(s), Long.toString(counts[s]));
        }
        sheets.put(Worksheet.NPS, nps);
        sheets.put(
                Worksheet.KLANTGROEPEN,
                Map.of("count.eenmalig", "120", "count.herhaal", "60", "count.loyaal", "45", "count.inactief", "75"));
        Map<String, String> reasons = new HashMap<>();
        String[][] rows = {{"service", "6"}, {"facturatie", "2"}, {"prijs", "4"}, {"aanbod", "3"}, {"verhuisd", "1"}};
        for (int i = 0; i < rows.length; i++) {
            reasons.put(Redenen.reasonField(i), rows[i][0]);
            reasons.put(Redenen.countField(i), rows[i][1]);
        }
        sheets.put(Worksheet.REDENEN, reasons);
        Map<String, String> team = new HashMap<>();
        int[] scores = {4, 3, 2, 4, 3, 4, 2, 3};
        for (Department d : Department.values()) {
            team.put(Teamsport.field(d), Integer.toString(scores[d.ordinal()]));
        }
        sheets.put(Worksheet.TEAMSPORT, team);
        Map<String, String> steps = new HashMap<>();
        for (OffboardingStep step : OffboardingStep.values()) {
            boolean used = step == OffboardingStep.OPZEGGEN
                    || step == OffboardingStep.BEVESTIGING
                    || step == OffboardingStep.OVERDRACHT;
            steps.put(Offboarding.usedField(step), used ? "ja" : "nee");
            steps.put(Offboarding.ownerField(step), used ? "Sanne (klantenservice)" : "");
            steps.put(Offboarding.timingField(step), used ? "binnen 2 werkdagen" : "");
        }
        sheets.put(Worksheet.OFFBOARDING, steps);
        sheets.put(Worksheet.BEGROTING, Map.of("budget", "6.000", "delta", "5"));
        return sheets;
    }

    /** The same worksheets with the participant's own words (W8's owners and timing) written in English. */
    static Map<Worksheet, Map<String, String>> allWorksheetsInEnglish() {
        Map<Worksheet, Map<String, String>> sheets = allWorksheets();
        Map<String, String> steps = new HashMap<>(sheets.get(Worksheet.OFFBOARDING));
        steps.replaceAll((k, v) -> v.replace("Sanne (klantenservice)", "Sanne (customer service)")
                .replace("binnen 2 werkdagen", "within 2 working days"));
        sheets.put(Worksheet.OFFBOARDING, steps);
        return sheets;
    }

    /** Every suggestion taken as the action plan screen takes it, in the language the participant worked in. */
    static ActionPlan fromSuggestions(Workbook book, Locale locale) {
        AppI18NProvider i18n = new AppI18NProvider();
        List<PlannedAction> actions = new ArrayList<>();
        int i = 0;
        for (Suggestion s : Suggestions.suggest(book, locale, key -> i18n.getTranslation(key, locale))) {
            actions.add(new PlannedAction(
                    i18n.getTranslation(s.titleKey(), locale, s.titleArgs().toArray()),
                    Optional.of(s.department()),
                    i % 2 == 0 ? "Sanne" : "Joël",
                    Optional.of(MADE.plusDays(30L + 7 * i++)),
                    i18n.getTranslation(s.kpiKey(), locale),
                    s.today(),
                    s.target(),
                    ActionStatus.OPEN,
                    i18n.getTranslation(s.whyKey(), locale, s.whyArgs().toArray()),
                    s.key()));
        }
        return new ActionPlan(actions, Optional.of(MADE.plusDays(90)));
    }

    static Workbook workbook(Map<Worksheet, Map<String, String>> sheets, Locale locale) {
        Map<Worksheet, Workbook.Answers> answers = new EnumMap<>(Worksheet.class);
        sheets.forEach((w, v) -> answers.put(w, new Workbook.Answers(v, NL)));
        return new Workbook(answers);
    }

    static ActionPlan tenActions() {
        List<PlannedAction> actions = new ArrayList<>();
        String[] titles = {
            "Bel tien vertrokken klanten en vraag waarom ze gingen",
            "Bel twijfelaars binnen 48 uur",
            "E-mailflow na 30 en 60 dagen stilte",
            "Exitgesprek invoeren bij elke opzegging",
            "Vertrekreden vastleggen in het CRM",
            "Terugkeermoment na zes maanden",
            "Review vragen bij afscheid",
            "Factuurregels begrijpelijk maken",
            "Marketing mailt ook bestaande klanten",
            "Kwartaalcijfers retentie in het MT-overleg"
        };
        Department[] departments = {
            Department.KLANTENSERVICE,
            Department.KLANTENSERVICE,
            Department.MARKETING,
            Department.KLANTENSERVICE,
            Department.OPERATIONS,
            Department.SALES,
            Department.MARKETING,
            Department.FINANCE,
            Department.MARKETING,
            Department.CULTUUR
        };
        for (int i = 0; i < titles.length; i++) {
            actions.add(new PlannedAction(
                    titles[i],
                    Optional.of(departments[i]),
                    i % 2 == 0 ? "Sanne" : "Joël Ëlberts",
                    Optional.of(MADE.plusDays(14L * (i + 1))),
                    "Retentie per kwartaal",
                    "80,0 %",
                    "85,0 %",
                    i < 3 ? ActionStatus.BEZIG : ActionStatus.OPEN,
                    i == 0 ? "Je retentie is 80,0 %, en 40 klanten vertrokken in één kwartaal." : "",
                    ""));
        }
        return new ActionPlan(actions, Optional.of(MADE.plusDays(90)));
    }

    static PlanContent content(Workbook book, ActionPlan plan, Locale locale) {
        return content(
                book, plan, locale, "Installatiebedrijf Dana & Zonen", "Masterclass Klantbehoud, 29 januari 2026");
    }

    /** As the service gathers it: suggested actions shown in the plan's language. */
    static PlanContent content(Workbook book, ActionPlan plan, Locale locale, String company, String cohort) {
        AppI18NProvider i18n = new AppI18NProvider();
        return new PlanContent(
                "Dana de Vries-Ëlberts",
                Optional.of(company),
                Optional.of(cohort),
                MADE,
                locale,
                book,
                ActionTexts.inLanguage(plan, book, locale, i18n),
                (key, args) -> i18n.getTranslation(key, locale, args),
                List.of(),
                List.of());
    }
}
