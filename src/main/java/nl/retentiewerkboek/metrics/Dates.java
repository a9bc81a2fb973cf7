package nl.retentiewerkboek.metrics;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads dates as people and exports write them: {@code 2025-03-31}, {@code 31-03-2025}, {@code 31/3/2025},
 * {@code 31.03.2025}, {@code 20250331} (banks), two-digit years ({@code 31-03-25}) and, for files that write the
 * month first (US exports: {@code 03/31/25}), month-first. A time after the date ({@code 2025-05-11 09:55:16 -0400})
 * is ignored: the date is the one written.
 */
public final class Dates {

    private Dates() {}

    /**
     * The time of day after a date, as written: {@code 2025-03-31 14:02}, {@code 2025-03-31T14:02:05Z},
     * {@code 31-3-2025 9:15:00}, {@code 03/31/2025 09:15:32 AM}; a zone or offset after it is not applied. Empty when
     * the text has no time, or one that cannot be a time.
     */
    public static Optional<LocalTime> timeOfDay(CharSequence text) {
        String s = text.toString().strip();
        int at = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == 'T') {
                at = i + 1;
                break;
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        while (at < s.length() && s.charAt(at) == ' ') {
            at++;
        }
        int[] parts = new int[3];
        int part = 0;
        int digits = 0;
        int i = at;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 2) {
                    return Optional.empty();
                }
                parts[part] = parts[part] * 10 + (c - '0');
            } else if (c == ':' && digits > 0 && part < 2) {
                part++;
                digits = 0;
            } else {
                break;
            }
        }
        if (part == 0 || digits == 0) {
            return Optional.empty();
        }
        String rest = s.substring(i).strip().toUpperCase(Locale.ROOT);
        int hour = parts[0];
        if (rest.startsWith("PM") || rest.startsWith("P.M.")) {
            hour = hour == 12 ? 12 : hour + 12;
        } else if (rest.startsWith("AM") || rest.startsWith("A.M.")) {
            hour = hour == 12 ? 0 : hour;
        }
        if (hour > 23 || parts[1] > 59 || parts[2] > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, parts[1], parts[2]));
    }

    /** No date: what {@link #packed} returns for text that is not a date. */
    public static final long NONE = Long.MIN_VALUE;

    public static Optional<LocalDate> parse(CharSequence text) {
        return parse(text, false);
    }

    /** {@link #parse(CharSequence)}, with the month first where a date ends in its year when the file says so. */
    public static Optional<LocalDate> parse(CharSequence text, boolean monthFirst) {
        long packed = packed(text, 0, text.length(), monthFirst);
        return packed == NONE
                ? Optional.empty()
                : Optional.of(LocalDate.of((int) (packed >> 9), (int) (packed >> 5) & 15, (int) packed & 31));
    }

    /** The year, month and day of a date packed in one long (year << 9 | month << 5 | day), or {@link #NONE}; allocates nothing. */
    public static long packed(CharSequence text) {
        return packed(text, 0, text.length());
    }

    /** {@link #packed(CharSequence)} on a part of a text, day first where the day and the month could swap. */
    public static long packed(CharSequence text, int from, int to) {
        return packed(text, from, to, false);
    }

    /**
     * What one written date says about the order of day and month: {@code 1} when it can only be day first
     * ({@code 31/03/2025}), {@code -1} when it can only be month first ({@code 03/31/2025}), {@code 0} when either
     * reads (or neither, or the year comes first).
     */
    public static int orderEvidence(CharSequence text) {
        boolean dayFirst = packed(text, 0, text.length(), false) != NONE;
        boolean monthFirst = packed(text, 0, text.length(), true) != NONE;
        if (dayFirst == monthFirst) {
            return 0;
        }
        return dayFirst ? 1 : -1;
    }

    /** {@link #packed(CharSequence, int, int)} with the month first where a date ends in its year ({@code 03/31/2025}). */
    public static long packed(CharSequence text, int from, int to, boolean monthFirst) {
        int len = to;
        int start = from;
        while (start < len && text.charAt(start) == ' ') {
            start++;
        }
        int end = len;
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        // a time part after the date ("2025-03-31 14:02" or "2025-03-31T14:02") is ignored
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == 'T') {
                end = i;
                break;
            }
        }
        if (end - start == 8 && allDigits(text, start, end)) {
            // 20250331, as Dutch banks write it
            return valid(
                    number(text, start, start + 4), number(text, start + 4, start + 6), number(text, start + 6, end));
        }
        // three parts and their digit counts, in plain variables: this runs once per row of a large export
        int p0 = 0;
        int p1 = 0;
        int p2 = 0;
        int d0 = 0;
        int d1 = 0;
        int d2 = 0;
        int part = 0;
        char sep = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                int digit = c - '0';
                if (part == 0) {
                    if (d0++ == 4) {
                        return NONE;
                    }
                    p0 = p0 * 10 + digit;
                } else if (part == 1) {
                    if (d1++ == 4) {
                        return NONE;
                    }
                    p1 = p1 * 10 + digit;
                } else {
                    if (d2++ == 4) {
                        return NONE;
                    }
                    p2 = p2 * 10 + digit;
                }
            } else if (c == '-' || c == '/' || c == '.') {
                if (sep == 0) {
                    sep = c;
                } else if (c != sep) {
                    return NONE;
                }
                int digits = part == 0 ? d0 : part == 1 ? d1 : d2;
                if (digits == 0 || ++part > 2) {
                    return NONE;
                }
            } else {
                return NONE;
            }
        }
        if (part != 2 || d2 == 0) {
            return NONE;
        }
        if (d0 == 4 && d1 <= 2 && d2 <= 2) {
            return valid(p0, p1, p2);
        }
        if ((d2 == 4 || d2 == 2) && d0 <= 2 && d1 <= 2) {
            // two-digit years as spreadsheets read them: 00–29 is 2000–2029, 30–99 is 1930–1999
            int year = d2 == 4 ? p2 : p2 < 30 ? 2000 + p2 : 1900 + p2;
            return monthFirst ? valid(year, p0, p1) : valid(year, p1, p0);
        }
        return NONE;
    }

    private static boolean allDigits(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static long valid(int year, int month, int day) {
        if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return NONE;
        }
        return (long) year << 9 | (long) month << 5 | day;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    public static int year(long packed) {
        return (int) (packed >> 9);
    }

    public static int month(long packed) {
        return (int) (packed >> 5) & 15;
    }

    public static int day(long packed) {
        return (int) packed & 31;
    }

    /** Days since 1970-01-01, as {@link LocalDate#toEpochDay()} computes it, without making a LocalDate. */
    public static long epochDay(long packed) {
        long y = year(packed);
        long m = month(packed);
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        }
        total += (367 * m - 362) / 12;
        total += day(packed) - 1;
        if (m > 2) {
            total--;
            boolean leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
            if (!leap) {
                total--;
            }
        }
        return total - 719528;
    }
}
