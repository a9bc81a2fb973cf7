package nl.retentiewerkboek.metrics;

import java.util.Locale;

/** The four customer groups of W5, in their order of precedence. */
public enum CustomerGroup {
    INACTIEF,
    EENMALIG,
    LOYAAL,
    HERHAAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
