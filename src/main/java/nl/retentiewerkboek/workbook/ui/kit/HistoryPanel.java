package nl.retentiewerkboek.workbook.ui.kit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.MeasurementHistory;

/** Measurements side by side: retention per measurement and the change, for the participant and their trainer. */
public final class HistoryPanel {

    private HistoryPanel() {}

    /** A table of the measurements, or nothing when there is only one. */
    public static Div of(List<MeasurementHistory.Row> rows, Locale locale, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.addClassName("history");
        box.setVisible(rows.size() > 1);
        if (rows.size() <= 1) {
            return box;
        }
        box.add(new H3(t.apply("history.title", new Object[0])));
        NativeTable table = new NativeTable();
        table.addClassName("customer-table");
        NativeTableRow head = table.getHead().addRow();
        for (String key : List.of(
                "history.measurement",
                "history.date",
                "retentiemeter.retention",
                "retentiemeter.churn",
                "retentiemeter.annual",
                "history.change")) {
            head.add(new NativeTableHeaderCell(t.apply(key, new Object[0])));
        }
        for (MeasurementHistory.Row row : rows) {
            NativeTableRow tr = table.getBody().addRow();
            tr.add(
                    new NativeTableCell(Integer.toString(row.number())),
                    new NativeTableCell(row.measuredOn()
                            .map(d -> LocaleNumbers.date(d, locale))
                            .orElse("–")),
                    new NativeTableCell(row.retention()
                            .map(r -> LocaleNumbers.percent(r.retention(), locale))
                            .orElse("–")),
                    new NativeTableCell(row.retention()
                            .map(r -> LocaleNumbers.percent(r.churn(), locale))
                            .orElse("–")),
                    new NativeTableCell(row.retention()
                            .map(r -> LocaleNumbers.percent(r.annual(), locale))
                            .orElse("–")),
                    new NativeTableCell(
                            row.change().map(c -> change(c, locale, t)).orElse("–")));
        }
        box.add(table);
        return box;
    }

    /** A change in percentage points with its sign: +5,0 or −2,5 procentpunt. */
    public static String change(BigDecimal points, Locale locale, BiFunction<String, Object[], String> t) {
        String number = LocaleNumbers.decimal(points.abs(), 1, locale);
        String sign = LocaleNumbers.roundPercent(points).signum() > 0
                ? "+"
                : LocaleNumbers.roundPercent(points).signum() < 0 ? "\u2212" : "";
        return t.apply("history.points", new Object[] {sign + number});
    }
}
