package nl.retentiewerkboek.metrics;

import java.util.List;
import java.util.Locale;

/** The four customer groups of W5, in their order of precedence. */
public enum CustomerGroup {
    INACTIEF,
    EENMALIG,
    LOYAAL,
    HERHAAL;

    /** The order the groups are named in on screen: from a first purchase to loyal, then those who stopped. */
    public static final List<CustomerGroup> SHOWN = List.of(EENMALIG, HERHAAL, LOYAAL, INACTIEF);

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
