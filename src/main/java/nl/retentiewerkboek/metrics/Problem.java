package nl.retentiewerkboek.metrics;

import java.util.Locale;

/**
 * Why an input gives no result. The screen turns each code into a sentence in the user's
 * language (message key {@code problem.<name in lower case>}), so the domain stays free of text.
 */
public enum Problem {
    /** Nothing typed yet: not an error, the result simply waits. */
    REQUIRED,
    NOT_A_NUMBER,
    USE_DECIMAL_COMMA,
    USE_DECIMAL_POINT,
    NOT_WHOLE,
    NEGATIVE,
    TOO_LARGE,
    UNKNOWN_PERIOD,
    START_ZERO,
    MORE_NEW_THAN_END,
    MORE_RETAINED_THAN_START,
    TOO_LARGE_MONEY,
    /** An amount above zero but less than a cent (it would give results of dozens of digits). */
    BELOW_CENT,
    PERCENT_ABOVE_100,
    HORIZON_RANGE,
    /** A worksheet that builds on W1 while W1 is not filled in (reported on the field {@code w1}). */
    NEEDS_RETENTIEMETER,
    /** A worksheet that builds on W2 while W2 is not filled in (reported on the field {@code w2}). */
    NEEDS_KOSTEN,
    BUDGET_ZERO,
    NO_REASONS,
    SCORE_RANGE,
    CHOOSE_YES_NO,
    NO_ANSWERS,
    NO_CUSTOMERS,
    DATE_INVALID,
    PEILDATUM_BEFORE_DATA,
    DAYS_RANGE,
    LOYAL_RANGE;

    /** The message key of this problem in the i18n bundles. */
    public String messageKey() {
        return "problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * True for a mistake in what was typed, worth showing on its field and asking to fix. Not an error: a value not
     * typed yet ({@link #REQUIRED}, the result simply waits) or an earlier worksheet not filled in yet.
     */
    public boolean isError() {
        return this != REQUIRED && !needsEarlierWorksheet();
    }

    /** True when the worksheet builds on an earlier one (W1, W2) that is not filled in yet: "fill in that one first". */
    public boolean needsEarlierWorksheet() {
        return this == NEEDS_RETENTIEMETER || this == NEEDS_KOSTEN;
    }
}
