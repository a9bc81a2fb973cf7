package nl.retentiewerkboek.metrics;

import java.util.Locale;

/** The steps of a respectful exit (W8), in the order a customer meets them. */
public enum OffboardingStep {
    OPZEGGEN,
    EXITGESPREK,
    VERTREKREDEN,
    BEVESTIGING,
    OVERDRACHT,
    TERUGKEER,
    FEEDBACK;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
