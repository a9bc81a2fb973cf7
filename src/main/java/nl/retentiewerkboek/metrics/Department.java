package nl.retentiewerkboek.metrics;

import java.util.Locale;

/** The eight departments that each own part of retention (W7), in the workbook's order. */
public enum Department {
    SALES,
    KANALEN,
    MARKETING,
    KLANTENSERVICE,
    ONLINE,
    OPERATIONS,
    FINANCE,
    CULTUUR;

    /** Stable key: field names, message keys ({@code department.sales}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
