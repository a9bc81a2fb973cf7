package nl.retentiewerkboek.actionplan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.retentiewerkboek.metrics.BegrotingResult;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.DraaideurResult;
import nl.retentiewerkboek.metrics.KlantgroepenResult;
import nl.retentiewerkboek.metrics.KostenResult;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.NpsResult;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;

/**
 * The key numbers of every filled-in worksheet, labelled and written as the worksheets show them.
 * The PDF and the trainer's read-only view of a participant both use this, so they say the same.
 */
public final class KeyNumbers {

    /** One labelled number, with an optional note under it. */
    public record Figure(String label, String value, Optional<String> note) {}

    /** The numbers of one worksheet. */
    public record Section(Worksheet worksheet, String title, List<Figure> figures) {}

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
