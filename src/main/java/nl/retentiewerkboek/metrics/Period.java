package nl.retentiewerkboek.metrics;

import java.util.Arrays;
import java.util.Optional;

/** The length of the period a participant measures over, with the number of such periods in a year. */
public enum Period {
    MAAND("maand", 12),
    KWARTAAL("kwartaal", 4),
    JAAR("jaar", 1);

    public static final Period DEFAULT = KWARTAAL;

    private final String key;
    private final int perYear;

    Period(String key, int perYear) {
        this.key = key;
        this.perYear = perYear;
    }

    /** The stable key stored with answers and used in message keys ({@code period.kwartaal}). */
    public String key() {
        return key;
    }

    /** p: how many of these periods make a year. */
    public int perYear() {
        return perYear;
    }

    public static Optional<Period> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = key.trim();
        return Arrays.stream(values())
                .filter(p -> p.key.equalsIgnoreCase(wanted))
                .findFirst();
    }
}
