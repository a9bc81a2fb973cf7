package nl.retentiewerkboek.imports;

/**
 * Reads an amount of money as exports write it, Dutch or English, into cents: {@code 12,50},
 * {@code 12.50}, {@code 1.234,56}, {@code 1,234.56}, {@code € 7}. A separator followed by exactly
 * three digits groups thousands; one or two digits are cents. An empty field is 0.
 */
final class Amounts {

    static final long INVALID = Long.MIN_VALUE;

    private Amounts() {}

    static long parseCents(String text) {
        return parseCents(text, 0, text.length());
    }

    static long parseCents(CharSequence text, int from, int to) {
        int len = to;
        long units = 0;
        int digitsSinceSep = -1;
        char lastSep = 0;
        char firstSep = 0;
        int separators = 0;
        boolean negative = false;
        boolean any = false;
        for (int i = from; i < len; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                any = true;
                units = units * 10 + (c - '0');
                if (units > 100_000_000_000_000L) {
                    return INVALID;
                }
                if (digitsSinceSep >= 0) {
                    digitsSinceSep++;
                }
            } else if (c == '.' || c == ',') {
                if (!any) {
                    return INVALID;
                }
                if (lastSep != 0 && digitsSinceSep != 3) {
                    return INVALID;
                }
                if (firstSep == 0) {
                    firstSep = c;
                }
                separators++;
                lastSep = c;
                digitsSinceSep = 0;
            } else if (c == '-' || c == '\u2212') {
                if (any) {
                    return INVALID;
                }
                negative = true;
            } else if (c != ' ' && c != '€' && c != '\u00a0' && c != '"') {
                return INVALID;
            }
        }
        if (!any) {
            return lastSep == 0 ? 0 : INVALID;
        }
        long cents;
        boolean decimal = lastSep != 0 && digitsSinceSep != 3;
        if (decimal && separators > 1 && firstSep == lastSep) {
            return INVALID; // "12,345,6": one mark cannot group thousands and separate cents
        }
        if (lastSep == 0 || digitsSinceSep == 3) {
            cents = units * 100;
        } else if (digitsSinceSep == 1) {
            cents = units * 10;
        } else if (digitsSinceSep == 2) {
            cents = units;
        } else {
            return INVALID;
        }
        return negative ? -cents : cents;
    }
}
