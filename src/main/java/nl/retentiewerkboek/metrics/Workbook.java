package nl.retentiewerkboek.metrics;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** W5's answer key that says which numbers to use: {@value #SOURCE_UPLOAD} or typed counts. */
    public static final String SOURCE = "source";

    public static final String SOURCE_UPLOAD = "upload";

    private final Map<Worksheet, Answers> answers;
    private final Optional<PurchaseData> purchases;
    private List<CustomerStats> loadedCustomers;

    public Workbook(Map<Worksheet, Answers> answers) {
        this(answers, Optional.empty());
    }

    public Workbook(Map<Worksheet, Answers> answers, Optional<PurchaseData> purchases) {
        this.answers = new EnumMap<>(Worksheet.class);
        this.answers.putAll(answers);
        this.purchases = purchases;
    }

    /** The uploaded purchases of W5, if any. */
    public Optional<PurchaseData> purchases() {
        return purchases;
    }

    /** A worksheet's answers as typed (empty when never saved). */
    public Map<String, String> answers(Worksheet worksheet) {
        return of(worksheet).values();
    }

    /** The locale a worksheet's answers were typed in. */
    public Locale answersLocale(Worksheet worksheet) {
        return of(worksheet).locale();
    }

    private Answers of(Worksheet worksheet) {
        return answers.getOrDefault(worksheet, Answers.NONE);
    }

    public Evaluation<RetentiemeterResult> retentiemeter() {
        Answers a = of(Worksheet.RETENTIEMETER);
        return Retentiemeter.evaluate(a.values(), a.locale());
    }

    public Evaluation<KostenResult> kosten() {
        Answers a = of(Worksheet.KOSTEN);
        return Kosten.evaluate(retentiemeter(), a.values(), a.locale());
    }

    public Evaluation<DraaideurResult> draaideur() {
        Answers a = of(Worksheet.DRAAIDEUR);
        return Draaideur.evaluate(retentiemeter(), a.values(), a.locale());
    }

    public Evaluation<RedenenResult> redenen() {
        Answers a = of(Worksheet.REDENEN);
        return Redenen.evaluate(a.values(), a.locale());
    }

    public Evaluation<TeamsportResult> teamsport() {
        Answers a = of(Worksheet.TEAMSPORT);
        return Teamsport.evaluate(a.values(), a.locale());
    }

    public Evaluation<OffboardingResult> offboarding() {
        Answers a = of(Worksheet.OFFBOARDING);
        return Offboarding.evaluate(a.values(), a.locale());
    }

    public Evaluation<BegrotingResult> begroting() {
        Answers a = of(Worksheet.BEGROTING);
        return Begroting.evaluate(kosten(), a.values(), a.locale());
    }

    public Evaluation<NpsResult> nps() {
        Answers a = of(Worksheet.NPS);
        return Nps.evaluate(a.values(), a.locale());
    }

    /** W5 from the uploaded purchases when the participant chose those, else from the typed counts. */
    public Evaluation<KlantgroepenResult> klantgroepen() {
        Answers a = of(Worksheet.KLANTGROEPEN);
        if (usesUpload(a)) {
            PurchaseData data = purchases.orElseThrow();
            return Klantgroepen.evaluateCustomers(customers(data), data.latest(), a.values(), a.locale());
        }
        return Klantgroepen.evaluateCounts(a.values(), a.locale());
    }

    /**
     * W1's S, N and E for the given period and W2's ARPC, from the uploaded purchases (imports.md): with W5's "inactief
     * na X dagen" and peildatum when they are filled in and usable, else 60 days and the latest purchase date. Empty
     * without an upload, or for an upload kept before purchase days were.
     */
    public Optional<ExportNumbers> fromExport(Period period) {
        if (purchases.isEmpty()) {
            return Optional.empty();
        }
        PurchaseData data = purchases.get();
        Optional<PurchaseHistory> history = data.history().get();
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Answers w5 = of(Worksheet.KLANTGROEPEN);
        boolean usable = Klantgroepen.parameterProblems(data.latest(), w5.values(), w5.locale())
                .isEmpty();
        LocalDate peildatum = data.latest();
        int x = Klantgroepen.DEFAULT_INACTIVE_DAYS;
        if (usable) {
            FieldReader in = new FieldReader(w5.values(), w5.locale());
            String typed = in.text(Klantgroepen.PEILDATUM);
            if (!typed.isEmpty()) {
                peildatum = Dates.parse(typed).orElse(peildatum);
            }
            x = in.whole(Klantgroepen.INACTIVE_DAYS, 1, 3650, Klantgroepen.DEFAULT_INACTIVE_DAYS);
        }
        return Optional.of(ExportNumbers.calculate(history.get(), peildatum, period, x));
    }

    /** Whether W5 is set to use an uploaded purchases export while none is uploaded yet. */
    public boolean klantgroepenWaitsForUpload() {
        return SOURCE_UPLOAD.equals(of(Worksheet.KLANTGROEPEN).values().get(SOURCE)) && purchases.isEmpty();
    }

    /**
     * Whether W5 is filled in, without loading uploaded customers: the one definition the progress, the dashboard and
     * the W5 screen use. Set to use an upload, it is not complete before there is one.
     */
    public boolean klantgroepenComplete() {
        Answers a = of(Worksheet.KLANTGROEPEN);
        if (klantgroepenWaitsForUpload()) {
            return false;
        }
        if (usesUpload(a)) {
            PurchaseData data = purchases.orElseThrow();
            return data.customers() > 0
                    && Klantgroepen.parameterProblems(data.latest(), a.values(), a.locale())
                            .isEmpty();
        }
        return Klantgroepen.evaluateCounts(a.values(), a.locale()).isComplete();
    }

    private boolean usesUpload(Answers a) {
        return SOURCE_UPLOAD.equals(a.values().get(SOURCE)) && purchases.isPresent();
    }

    private List<CustomerStats> customers(PurchaseData data) {
        if (loadedCustomers == null) {
            loadedCustomers = data.loader().get();
        }
        return loadedCustomers;
    }

    /** A copy with one worksheet's answers replaced (the screen's current, unsaved input). */
    public Workbook with(Worksheet worksheet, Map<String, String> values, Locale locale) {
        Map<Worksheet, Answers> copy = new EnumMap<>(Worksheet.class);
        copy.putAll(answers);
        copy.put(worksheet, new Answers(values, locale));
        Workbook changed = new Workbook(copy, purchases);
        changed.loadedCustomers = loadedCustomers;
        return changed;
    }
}
