package nl.retentiewerkboek.actionplan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.retentiewerkboek.metrics.BegrotingResult;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.DraaideurResult;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import nl.retentiewerkboek.metrics.KostenResult;
import nl.retentiewerkboek.metrics.LeaveReason;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.NpsResult;
import nl.retentiewerkboek.metrics.OffboardingResult;
import nl.retentiewerkboek.metrics.OffboardingStep;
import nl.retentiewerkboek.metrics.RedenenResult;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.TeamsportResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;

/**
 * The key numbers of every filled-in worksheet, labelled and written as the worksheets show them.
 * The PDF and the trainer's read-only view of a participant both use this, so they say the same.
 */
public final class KeyNumbers {

    /** One labelled number, with an optional note under it. */
    public record Figure(String label, String value, Optional<String> note) {}

    /**
     * The numbers of one worksheet, and the sentences that go with them: a lead-in followed by its items (W6's top
     * three reasons, W7's weakest departments, W8's missing steps); empty for the other worksheets.
     */
    public record Section(Worksheet worksheet, String title, List<Figure> figures, List<String> lines) {

        public Section {
            figures = List.copyOf(figures);
            lines = List.copyOf(lines);
        }

        Section(Worksheet worksheet, String title, List<Figure> figures) {
            this(worksheet, title, figures, List.of());
        }
    }

    /**
     * The three numbers that sum up where a company stands, for the first page of the plan: retention per period
     * (W1), revenue lost per year (W2) and the NPS with its share of doubters (W4). A worksheet not filled in yet
     * gives a dash and says which worksheet to fill in.
     */
    public static List<Figure> headline(Workbook book, Locale l, BiFunction<String, Object[], String> tr) {
        Text t = new Text(tr);
        Figure retention = book.retentiemeter()
                .result()
                .map(r -> new Figure(
                        t.t("retentiemeter.retention"),
                        LocaleNumbers.percent(r.retention(), l),
                        Optional.of(t.t(
                                "pdf.headline.per",
                                t.t("period." + r.period().key()).toLowerCase(l)))))
                .orElseGet(() -> missing(t, "retentiemeter.retention", "retentiemeter.title"));
        Figure lost = book.kosten()
                .result()
                .map(r -> new Figure(
                        t.t("kosten.revenue-lost"),
                        LocaleNumbers.euros(r.revenueLost(), l),
                        Optional.of(t.t("pdf.headline.customers-lost", LocaleNumbers.whole(r.lostPerYear(), l)))))
                .orElseGet(() -> missing(t, "kosten.revenue-lost", "kosten.title"));
        Figure nps = book.nps()
                .result()
                .map(r -> new Figure(
                        t.t("nps.score"),
                        LocaleNumbers.whole(r.nps(), l),
                        Optional.of(t.t("pdf.headline.doubters", LocaleNumbers.percent(r.doubterShare(), l)))))
                .orElseGet(() -> missing(t, "nps.score", "nps.title"));
        return List.of(retention, lost, nps);
    }

    private static Figure missing(Text t, String label, String worksheet) {
        return new Figure(t.t(label), "–", Optional.of(t.t("pdf.headline.missing", t.t(worksheet))));
    }

    private KeyNumbers() {}

    public static List<Section> of(Workbook book, Locale l, BiFunction<String, Object[], String> tr) {
        Text t = new Text(tr);
        List<Section> sections = new ArrayList<>();
        book.retentiemeter()
                .result()
                .ifPresent(r -> sections.add(new Section(
                        Worksheet.RETENTIEMETER,
                        t.t("retentiemeter.title"),
                        List.of(
                                fig(t.t("retentiemeter.retention"), LocaleNumbers.percent(r.retention(), l)),
                                fig(t.t("retentiemeter.churn"), LocaleNumbers.percent(r.churn(), l)),
                                fig(t.t("retentiemeter.lost"), LocaleNumbers.whole(BigDecimal.valueOf(r.lost()), l)),
                                fig(t.t("retentiemeter.annual"), LocaleNumbers.percent(r.annual(), l))))));
        book.kosten()
                .result()
                .ifPresent(r -> sections.add(new Section(Worksheet.KOSTEN, t.t("kosten.title"), cost(r, l, t))));
        book.draaideur()
                .result()
                .ifPresent(r -> sections.add(new Section(Worksheet.DRAAIDEUR, t.t("draaideur.title"), door(r, l, t))));
        book.nps().result().ifPresent(r -> sections.add(new Section(Worksheet.NPS, t.t("nps.title"), nps(r, l, t))));
        book.klantgroepen()
                .result()
                .ifPresent(r ->
                        sections.add(new Section(Worksheet.KLANTGROEPEN, t.t("klantgroepen.title"), groups(r, l, t))));
        book.redenen().result().ifPresent(r -> sections.add(reasons(r, l, t)));
        book.teamsport().result().ifPresent(r -> sections.add(team(r, t, l)));
        book.offboarding().result().ifPresent(r -> sections.add(offboarding(r, t)));
        book.begroting()
                .result()
                .ifPresent(
                        r -> sections.add(new Section(Worksheet.BEGROTING, t.t("begroting.title"), budget(r, l, t))));
        return sections;
    }

    /** The sentence under W1: what was measured. */
    public static String basis(RetentiemeterResult r, Locale l, BiFunction<String, Object[], String> tr) {
        return tr.apply("pdf.w1.basis", new Object[] {
            LocaleNumbers.whole(BigDecimal.valueOf(r.start()), l),
            LocaleNumbers.whole(BigDecimal.valueOf(r.newCustomers()), l),
            LocaleNumbers.whole(BigDecimal.valueOf(r.end()), l),
            tr.apply("period." + r.period().key(), new Object[0]).toLowerCase(l)
        });
    }

    private static List<Figure> cost(KostenResult r, Locale l, Text t) {
        return List.of(
                fig(t.t("kosten.lost-per-year"), LocaleNumbers.whole(r.lostPerYear(), l)),
                fig(t.t("kosten.revenue-lost"), LocaleNumbers.euros(r.revenueLost(), l)),
                fig(t.t("kosten.margin-lost"), LocaleNumbers.euros(r.marginLost(), l)),
                fig(t.t("kosten.replacement"), LocaleNumbers.euros(r.replacementCost(), l)),
                fig(
                        t.t("kosten.clv"),
                        r.clv().map(v -> LocaleNumbers.euros(v, l)).orElse(t.t("kosten.unlimited"))),
                fig(
                        t.t("kosten.customers-nothing.horizon", r.horizonYears()),
                        LocaleNumbers.whole(r.customersNothing(), l)),
                fig(
                        t.t("kosten.customers-improved.horizon", r.horizonYears()),
                        LocaleNumbers.whole(r.customersImproved(), l)),
                fig(t.t("kosten.revenue-gap.horizon", r.horizonYears()), LocaleNumbers.euros(r.revenueGap(), l)));
    }

    private static List<Figure> door(DraaideurResult r, Locale l, Text t) {
        String none = t.t("draaideur.no-new");
        return List.of(
                fig(t.t("draaideur.net-growth"), LocaleNumbers.signedWhole(BigDecimal.valueOf(r.netGrowth()), l)),
                fig(t.t("draaideur.growth"), LocaleNumbers.percent(r.growthPercent(), l)),
                fig(t.t("draaideur.gap-fillers"), LocaleNumbers.whole(BigDecimal.valueOf(r.gapFillers()), l)),
                fig(
                        t.t("draaideur.cac"),
                        r.acquisitionCost().map(v -> LocaleNumbers.euros(v, l)).orElse(none)),
                fig(
                        t.t("draaideur.refill-spend"),
                        r.refillSpend().map(v -> LocaleNumbers.euros(v, l)).orElse(none)),
                fig(
                        t.t("draaideur.ratio"),
                        r.budgetRatio()
                                .map(v -> LocaleNumbers.ratio(v, l))
                                .orElse(t.t("draaideur.no-retention-budget"))));
    }

    private static List<Figure> nps(NpsResult r, Locale l, Text t) {
        return List.of(
                fig(t.t("nps.score"), LocaleNumbers.whole(r.nps(), l)),
                fig(t.t("nps.total"), LocaleNumbers.whole(BigDecimal.valueOf(r.total()), l)),
                fig(t.t("nps.doubters"), LocaleNumbers.whole(BigDecimal.valueOf(r.doubters()), l)),
                fig(t.t("nps.doubter-share"), LocaleNumbers.percent(r.doubterShare(), l)),
                fig(t.t("nps.half"), LocaleNumbers.whole(r.npsIfHalfMoved(), l)),
                fig(t.t("nps.all"), LocaleNumbers.whole(r.npsIfAllMoved(), l)));
    }

    private static List<Figure> groups(KlantgroepenResult r, Locale l, Text t) {
        List<Figure> figures = new ArrayList<>();
        for (CustomerGroup g :
                List.of(CustomerGroup.EENMALIG, CustomerGroup.HERHAAL, CustomerGroup.LOYAAL, CustomerGroup.INACTIEF)) {
            String share = LocaleNumbers.percent(r.share(g), l);
            figures.add(new Figure(
                    t.t("klantgroepen." + g.key()),
                    LocaleNumbers.whole(BigDecimal.valueOf(r.counts().get(g)), l),
                    Optional.of(r.revenue(g)
                            .map(v -> t.t("klantgroepen.share-revenue", share, LocaleNumbers.euros(v, l)))
                            .orElse(t.t("klantgroepen.share", share)))));
        }
        figures.add(fig(t.t("klantgroepen.repeat-rate"), LocaleNumbers.percent(r.repeatRate(), l)));
        return figures;
    }

    /** W6 as its worksheet shows it: the count, the share per kind of reason and the top three with their owner. */
    private static Section reasons(RedenenResult r, Locale l, Text t) {
        List<Figure> figures = List.of(
                fig(t.t("redenen.total"), LocaleNumbers.whole(BigDecimal.valueOf(r.total()), l)),
                fig(t.t("redenen.frustration"), LocaleNumbers.percent(r.share(LeaveReason.Category.FRUSTRATIE), l)),
                fig(t.t("redenen.competitor"), LocaleNumbers.percent(r.share(LeaveReason.Category.CONCURRENT), l)),
                fig(t.t("redenen.other"), LocaleNumbers.percent(r.share(LeaveReason.Category.OVERIG), l)));
        List<String> lines = new ArrayList<>();
        lines.add(t.t("redenen.top"));
        for (RedenenResult.ReasonCount c : r.top()) {
            String name =
                    t.t("reason." + c.reason().key()) + (c.description().isBlank() ? "" : " (" + c.description() + ")");
            String owner = c.reason()
                    .owner()
                    .map(d -> t.t("redenen.owner", t.t("department." + d.key())))
                    .orElse(t.t("redenen.no-owner"));
            lines.add(t.t(
                    "redenen.top-item",
                    name,
                    LocaleNumbers.whole(BigDecimal.valueOf(c.count()), l),
                    LocaleNumbers.percent(r.share(c.count()), l),
                    owner));
        }
        return new Section(Worksheet.REDENEN, t.t("redenen.title"), figures, lines);
    }

    /** W7: the average and each department's score, and the weakest departments to start with. */
    private static Section team(TeamsportResult r, Text t, Locale l) {
        List<Figure> figures = new ArrayList<>();
        figures.add(fig(t.t("teamsport.average"), LocaleNumbers.decimal(r.average(), 1, l)));
        for (Department d : Department.values()) {
            figures.add(fig(
                    t.t("department." + d.key()), Integer.toString(r.scores().get(d))));
        }
        List<String> lines = new ArrayList<>();
        lines.add(t.t("teamsport.weakest"));
        for (Department d : r.weakest()) {
            lines.add(t.t(
                    "teamsport.weak-item",
                    t.t("department." + d.key()),
                    r.scores().get(d)));
        }
        return new Section(Worksheet.TEAMSPORT, t.t("teamsport.title"), figures, lines);
    }

    /** W8: how many steps of a dignified goodbye are in use, and which are missing. */
    private static Section offboarding(OffboardingResult r, Text t) {
        List<String> lines = new ArrayList<>();
        if (r.missing().isEmpty()) {
            lines.add(t.t("offboarding.none-missing"));
        } else {
            lines.add(t.t("offboarding.missing", r.missing().size()));
            for (OffboardingStep step : r.missing()) {
                lines.add(t.t("step." + step.key()));
            }
        }
        return new Section(
                Worksheet.OFFBOARDING,
                t.t("offboarding.title"),
                List.of(fig(t.t("offboarding.in-use"), t.t("offboarding.in-use.value", r.inUse(), r.total()))),
                lines);
    }

    private static List<Figure> budget(BegrotingResult r, Locale l, Text t) {
        return List.of(
                fig(t.t("begroting.budget"), LocaleNumbers.euros(r.budget(), l)),
                fig(t.t("begroting.improved-annual"), LocaleNumbers.percent(r.improvedAnnual(), l)),
                fig(
                        t.t("begroting.saved"),
                        r.savedIsWhole()
                                ? LocaleNumbers.whole(r.savedPerYear(), l)
                                : t.t("begroting.saved.about", LocaleNumbers.whole(r.savedPerYear(), l))),
                fig(t.t("begroting.margin-saved"), LocaleNumbers.euros(r.marginSaved(), l)),
                fig(t.t("begroting.roi"), LocaleNumbers.percent(r.roi(), l)),
                fig(
                        t.t("begroting.payback"),
                        r.paybackMonths()
                                .map(m -> t.t("begroting.months", LocaleNumbers.decimal(m, 1, l)))
                                .orElse(t.t("begroting.no-payback"))));
    }

    private static Figure fig(String label, String value) {
        return new Figure(label, value, Optional.empty());
    }

    private record Text(BiFunction<String, Object[], String> tr) {
        String t(String key, Object... args) {
            return tr.apply(key, args);
        }
    }
}
