package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads numbers as a user types them and writes results as the workbook shows them, in Dutch
 * ({@code 1.234,56}, {@code 80,0 %}, {@code € 124.123}) or English ({@code 1,234.56},
 * {@code 80.0%}, {@code €124,123}). The only place in the code base that knows these notations.
 */
public final class LocaleNumbers {

    /** The largest count a worksheet accepts. */
    public static final BigDecimal MAX_COUNT = new BigDecimal("1000000000");
    /** The largest amount of money a worksheet accepts, in euros. */
    public static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");

    private static final Pattern PLAIN = Pattern.compile("\\d+(D\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(G\\d{3})+(D\\d+)?");

    private LocaleNumbers() {}

    /** The outcome of reading one typed number: a value or the problem with it. */
    public record Parsed(BigDecimal value, Problem problem) {
        static Parsed ok(BigDecimal value) {
            return new Parsed(value, null);
        }

        static Parsed fail(Problem problem) {
            return new Parsed(null, problem);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    public static boolean isDutch(Locale locale) {
        return !"en".equals(locale.getLanguage());
    }

    private static char decimalSeparator(Locale locale) {
        return isDutch(locale) ? ',' : '.';
    }

    private static char groupingSeparator(Locale locale) {
        return isDutch(locale) ? '.' : ',';
    }

    /**
     * Reads a non-negative number written the way the user's language writes it. Spaces, a leading
     * euro sign and a trailing percent sign are allowed.
     */
    public static Parsed parseDecimal(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return Parsed.fail(Problem.REQUIRED);
        }
        String s = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        if (s.startsWith("€")) {
            s = s.substring(1);
        }
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            negative = true;
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return Parsed.fail(Problem.NOT_A_NUMBER);
        }
        char dec = decimalSeparator(locale);
        char grp = groupingSeparator(locale);
        String shape = s.replace(dec, 'D').replace(grp, 'G');
        BigDecimal value;
        if (PLAIN.matcher(shape).matches() || GROUPED.matcher(shape).matches()) {
            value = new BigDecimal(shape.replace("G", "").replace('D', '.'));
        } else if (PLAIN.matcher(s.replace(grp, 'D')).matches()) {
            // "12.5" in Dutch or "12,5" in English: a decimal written with the other language's mark
            return Parsed.fail(isDutch(locale) ? Problem.USE_DECIMAL_COMMA : Problem.USE_DECIMAL_POINT);
        } else {
            return Parsed.fail(Problem.NOT_A_NUMBER);
        }
        if (negative && value.signum() != 0) {
            return Parsed.fail(Problem.NEGATIVE);
        }
        return Parsed.ok(value);
    }

    /** Reads a whole number of customers between 0 and {@link #MAX_COUNT}. */
    public static Parsed parseCount(String text, Locale locale) {
        Parsed parsed = parseDecimal(text, locale);
        if (parsed.problem() == Problem.USE_DECIMAL_COMMA || parsed.problem() == Problem.USE_DECIMAL_POINT) {
            // "12.5" in Dutch: not a thousands separator, so a fraction, and a count has none
            return Parsed.fail(Problem.NOT_WHOLE);
        }
        if (!parsed.ok()) {
            return parsed;
        }
        BigDecimal value = parsed.value();
        if (value.stripTrailingZeros().scale() > 0) {
            return Parsed.fail(Problem.NOT_WHOLE);
        }
        if (value.compareTo(MAX_COUNT) > 0) {
            return Parsed.fail(Problem.TOO_LARGE);
        }
        return Parsed.ok(value.setScale(0, RoundingMode.UNNECESSARY));
    }

    /** A formatter of whole numbers, grouped as in the user's language with a real minus, for chart axes and labels. */
    public static NumberFormat wholeNumberFormat(Locale locale) {
        return format(locale, "#,##0");
    }

    /** Whole percentages as {@link #wholePercent} writes them ({@code 42 %} or {@code 42%}), for charts. */
    public static NumberFormat wholePercentFormat(Locale locale) {
        DecimalFormat f = format(locale, "#,##0");
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setPositiveSuffix(isDutch(locale) ? "\u00a0%" : "%");
        f.setNegativeSuffix(f.getPositiveSuffix());
        return f;
    }

    /** Numbers with one decimal ({@code 3,4}), for charts. */
    public static NumberFormat oneDecimalFormat(Locale locale) {
        return format(locale, "#,##0.0");
    }

    private static DecimalFormat format(Locale locale, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(decimalSeparator(locale));
        symbols.setGroupingSeparator(groupingSeparator(locale));
        symbols.setMinusSign('\u2212');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** A percentage rounded to one decimal: {@code 80,0 %} or {@code 80.0%}. */
    public static String percent(BigDecimal value, Locale locale) {
        return withPercentSign(format(locale, "#,##0.0").format(roundPercent(value)), locale);
    }

    /** A percentage in whole percents, for dense tables: {@code 12 %} or {@code 12%}. Rounded HALF_UP. */
    public static String wholePercent(BigDecimal value, Locale locale) {
        return withPercentSign(decimal(value, 0, locale), locale);
    }

    /** Dutch puts a (no-break) space before the sign, so "80,0 %" never breaks over two lines. */
    private static String withPercentSign(String number, Locale locale) {
        return isDutch(locale) ? number + "\u00a0%" : number + "%";
    }

    /** A percentage as shown, rounded HALF_UP to one decimal: decisions that depend on what the user sees use this. */
    public static BigDecimal roundPercent(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    /** A whole number, grouped: {@code 1.234} or {@code 1,234}. Rounded HALF_UP. */
    public static String whole(BigDecimal value, Locale locale) {
        return format(locale, "#,##0").format(value.setScale(0, RoundingMode.HALF_UP));
    }

    /** A whole number with its sign, using a real minus: {@code −10}; positive numbers get a plus: {@code +5}. */
    public static String signedWhole(BigDecimal value, Locale locale) {
        String number = whole(value, locale);
        return value.setScale(0, RoundingMode.HALF_UP).signum() > 0 ? "+" + number : number;
    }

    /** A ratio x : 1 with at most one decimal: {@code 7 : 1}, {@code 7,5 : 1}. */
    public static String ratio(BigDecimal value, Locale locale) {
        return format(locale, "#,##0.#").format(value.setScale(1, RoundingMode.HALF_UP)) + " : 1";
    }

    /** A number with exactly the given decimals, for the "how is it computed" lines. */
    public static String decimal(BigDecimal value, int decimals, Locale locale) {
        String pattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        return format(locale, pattern).format(value.setScale(decimals, RoundingMode.HALF_UP));
    }

    /** Euros in whole euros: {@code € 124.123} or {@code €124,123}. */
    public static String euros(BigDecimal value, Locale locale) {
        return money(value, locale, "#,##0", 0);
    }

    /** Euros with cents: {@code € 1.234,56} or {@code €1,234.56}. */
    public static String eurosAndCents(BigDecimal value, Locale locale) {
        return money(value, locale, "#,##0.00", 2);
    }

    private static String money(BigDecimal value, Locale locale, String pattern, int scale) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        String number = format(locale, pattern).format(rounded.abs());
        String sign = rounded.signum() < 0 ? "\u2212" : "";
        // a no-break space: "€" and the amount never end up on two lines
        return isDutch(locale) ? sign + "€\u00a0" + number : sign + "€" + number;
    }

    /** A date as the user's language writes it: {@code 31-03-2025} or {@code 31/03/2025}. */
    public static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofPattern(isDutch(locale) ? "dd-MM-yyyy" : "dd/MM/yyyy"));
    }

    /**
     * A date in a document (the PDF action plan, the certificate), one format per language: Dutch as the date pickers
     * show it, {@code 1-3-2027}; English with the month's name, {@code 1 Mar 2027}, so no reader mixes up day and month.
     */
    public static String documentDate(LocalDate date, Locale locale) {
        return isDutch(locale)
                ? date.format(DateTimeFormatter.ofPattern("d-M-yyyy"))
                : date.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK))
                        .replace("Sept", "Sep");
    }

    /** A day and a time of day, as in a list: {@code 03-10-2026 09:15} (Dutch) or {@code 03/10/2026 09:15}. */
    public static String dateAndTime(LocalDateTime moment, Locale locale) {
        return moment.format(DateTimeFormatter.ofPattern(isDutch(locale) ? "dd-MM-yyyy HH:mm" : "dd/MM/yyyy HH:mm"));
    }

    /** A date written out, for headings and sentences: {@code 12 maart 2026} or {@code March 12, 2026}. */
    public static String longDate(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** A month and year, short: {@code mrt 2026} or {@code Mar 2026}. */
    public static String month(YearMonth month, Locale locale) {
        return month.format(DateTimeFormatter.ofPattern("MMM yyyy", locale));
    }

    /** A moment as a date and time in the given time zone: {@code 12 mrt 2026, 14:05:09}. */
    public static String dateTime(Instant moment, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(zone)
                .format(moment);
    }

    /** A recent moment, day and time without the year, for dense tables: {@code 12-03 14:05} or {@code 12/03 14:05}. */
    public static String dayAndTime(Instant moment, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern(isDutch(locale) ? "dd-MM HH:mm" : "dd/MM HH:mm")
                .withZone(zone)
                .format(moment);
    }

    /** A time of day to the second: {@code 14:05:09}. */
    public static String time(Instant moment, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(moment);
    }

    /** A moment in the form spreadsheets read as a date and time in every language: {@code 12-03-2026 14:05}. */
    /** A day and time in a CSV cell as Excel reads it as one, in any language: {@code 2026-10-03 09:15}. */
    public static String spreadsheetMoment(LocalDateTime moment) {
        return moment.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    public static String spreadsheetDateTime(Instant moment, ZoneId zone) {
        return DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(zone).format(moment);
    }

    /** An amount of money for an input field, to the cent: {@code 97.5} becomes {@code 97,50}; whole euros stay whole. */
    public static String moneyForInput(BigDecimal value, Locale locale) {
        BigDecimal v = value.setScale(2, RoundingMode.HALF_UP);
        return v.stripTrailingZeros().scale() <= 0
                ? forInput(v, locale)
                : v.toPlainString().replace('.', decimalSeparator(locale));
    }

    /** Writes a typed value back into the form in another language: {@code 1234.5} becomes {@code 1.234,5}. */
    public static String forInput(BigDecimal value, Locale locale) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0, RoundingMode.UNNECESSARY);
        }
        return v.toPlainString().replace('.', decimalSeparator(locale));
    }
}
