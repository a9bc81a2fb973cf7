package nl.retentiewerkboek.imports;

import java.util.Locale;

/**
 * Reads an amount of money as exports write it, Dutch or English, into cents: {@code 12,50},
 * {@code 12.50}, {@code 1.234,56}, {@code 1,234.56}, {@code € 7}, {@code $1,149.00}, {@code EUR 7,50},
 * a sign ({@code +24,50}, {@code -3}, {@code −3}) and accountants' brackets for a negative amount
 * ({@code (33.62)}). A separator followed by exactly three digits groups thousands; one or two digits
 * are cents. An empty field is 0.
 */
final class Amounts {

    static final long INVALID = Long.MIN_VALUE;

    private Amounts() {}

    static long parseCents(String text) {
        return parseCents(text, 0, text.length());
    }

    static long parseCents(CharSequence text, int from, int to) {
        int first = from;
        int last = to;
        while (first < last && isBlank(text.charAt(first))) {
            first++;
        }
        while (last > first && isBlank(text.charAt(last - 1))) {
            last--;
        }
        if (last - first >= 2 && text.charAt(first) == '(' && text.charAt(last - 1) == ')') {
            long inner = parseCents(text, first + 1, last - 1);
            return inner == INVALID || inner < 0 ? INVALID : -inner;
        }
        // "12,-" and "12,--": whole euros, as Dutch price tags and invoices write them
        if (last - first >= 3 && text.charAt(last - 1) == '-') {
            int dash = last - 1;
            if (text.charAt(dash - 1) == '-') {
                dash--;
            }
            char mark = text.charAt(dash - 1);
            if ((mark == ',' || mark == '.') && dash - 1 > first && Character.isDigit(text.charAt(dash - 2))) {
                long whole = parseCents(text, first, dash - 1);
                return whole == INVALID || whole % 100 != 0 ? INVALID : whole;
            }
        }
        from = first;
        int len = last;
        long units = 0;
        long unitsAtFirstSep = -1;
        int digitsSinceSep = -1;
        char lastSep = 0;
        char firstSep = 0;
        int separators = 0;
        boolean negative = false;
        boolean signed = false;
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
                    unitsAtFirstSep = units;
                }
                separators++;
                lastSep = c;
                digitsSinceSep = 0;
            } else if (c == '-' || c == '\u2212' || c == '+') {
                if (any || signed) {
                    return INVALID;
                }
                signed = true;
                negative = c != '+';
            } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                int code = currencyCode(text, i, len);
                if (code == 0) {
                    return INVALID;
                }
                i += code - 1;
            } else if (!isBlank(c) && c != '€' && c != '$' && c != '£' && c != '"') {
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
        if (digitsSinceSep == 3 && unitsAtFirstSep == 0) {
            return INVALID; // "0,125": no one groups thousands after a zero; three decimals are not money
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

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\t';
    }

    /** The length of a currency code (EUR, USD, GBP) starting here, or 0. */
    private static int currencyCode(CharSequence text, int at, int end) {
        if (at + 3 > end || at + 3 < end && Character.isLetter(text.charAt(at + 3))) {
            return 0;
        }
        if (at > 0 && Character.isLetter(text.charAt(at - 1))) {
            return 0;
        }
        String code = text.subSequence(at, at + 3).toString().toUpperCase(Locale.ROOT);
        return code.equals("EUR") || code.equals("USD") || code.equals("GBP") ? 3 : 0;
    }
}
