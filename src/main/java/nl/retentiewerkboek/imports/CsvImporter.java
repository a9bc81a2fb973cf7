package nl.retentiewerkboek.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import nl.retentiewerkboek.metrics.Dates;

/**
 * Reads CSV exports with FastCSV: detects the encoding (UTF-8 with or without BOM, UTF-16, Windows-1252 as Dutch
 * Excel writes it), {@code ;}, {@code ,}, tab or {@code |} as separator and a header row, accepts ISO, Dutch, bank
 * ({@code 20250331}) and US dates (the order of day and month settled by the file itself) and Dutch or English
 * amounts, and streams: what it keeps grows with the number of customers, not with the number of rows. Every row it
 * cannot use is reported with its line number and reason; the rest of the file is still used.
 */
public final class CsvImporter {

    /** The largest file accepted. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** The most distinct customers one purchases upload (W5) may hold; a bigger file is refused. */
    public static final int MAX_CUSTOMERS = 100_000;
    /** The most doubters one survey upload (W4) keeps for the call list: the most recent answers. */
    public static final int MAX_DOUBTERS = 1_000;
    /** The longest line (record) read, in characters; longer is refused rather than buffered. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** The most fields (columns) one line may have. */
    static final int MAX_FIELDS = 1_000;
    /** The longest pasted list of scores, in characters (about 50,000 scores). */
    public static final int MAX_PASTED_CHARS = 200_000;

    private static final int SNIFF = 64 * 1024;

    static final Set<String> DATE_NAMES = Set.copyOf(Presets.OWN_LIST.date());

    private CsvImporter() {}

    // ---------------------------------------------------------------- purchases (W5)

    /** Reads a purchases export with the columns of the system it recognises (or of a list of one's own). */
    public static PurchaseImport purchases(InputStream in, String fileName) {
        return PurchaseReader.read(in, fileName, null, Map.of()).orThrow();
    }

    // ---------------------------------------------------------------- scores (W4)

    public static ScoreImport scores(InputStream in, String fileName) {
        return scores(in, fileName, null, Map.of(), null).orThrow();
    }

    /** Rows shown in the W4 mapping step's preview. */
    static final int SCORE_PREVIEW_ROWS = 8;

    /**
     * Reads a survey export with the columns given, or (when null) with those found from its header and answers, as
     * the participant chose them last time for the same tool.
     *
     * @param remembered a remembered choice per tool id, as {@link SurveyColumns#stored} wrote it
     * @param zone       where the participant is: a date column that says it is in UTC (Typeform's "Submit Date
     *                   (UTC)") is turned into this zone's day and time; null to keep every time as written
     */
    static ScoreRead scores(
            InputStream in, String fileName, SurveyColumns chosen, Map<String, String> remembered, ZoneId zone) {
        Sniffed sniffed = sniff(in);
        long[] counts = new long[11];
        RecentDoubters doubters = new RecentDoubters(MAX_DOUBTERS);
        List<RowRejection> rejections = new ArrayList<>();
        long[] rejected = {0};
        EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        List<ScoreRead.Row> preview = new ArrayList<>();
        long read = 0;
        long used = 0;
        SurveyColumns columns = null;
        List<String> header = List.of();
        int width = 0;
        boolean first = true;
        boolean answersStarted = false;
        boolean monthFirst = false;
        ImportFailedException unusable = null;
        boolean utc = false;
        ImportReport.DateOrder dateOrder = ImportReport.DateOrder.NOT_NEEDED;
        try (CsvReader<CsvRecord> reader = reader(sniffed)) {
            for (CsvRecord record : reader) {
                List<String> row = record.getFields();
                if (first) {
                    first = false;
                    width = row.size();
                    boolean named = isScoreHeader(record);
                    if (named) {
                        header = row.stream()
                                .map(f -> f.replace("\uFEFF", "").strip())
                                .toList();
                        List<List<String>> sample = sample(sniffed);
                        SurveyColumns found = SurveyColumns.find(header, sample);
                        List<String> names = header;
                        SurveyColumns picked = chosen != null
                                ? chosen
                                : Optional.ofNullable(remembered.get(found.system()))
                                        .flatMap(text -> found.withStored(text, names))
                                        .orElse(found);
                        // a column chosen by hand or remembered that holds nothing but 1 to 5 is still no NPS
                        List<String> normal =
                                header.stream().map(Preset::normal).toList();
                        columns = picked.score() == found.score()
                                ? picked.withStars(found.stars())
                                : picked.withStars(picked.score() >= 0
                                        && SurveyColumns.stars(normal, sample, picked.score(), false));
                    } else {
                        int[] guessed = guessScoreColumns(record);
                        columns = chosen != null
                                ? chosen
                                : SurveyColumns.positional(guessed[0], guessed[1], guessed[2], guessed[3]);
                    }
                    if (columns.score() < 0) {
                        unusable = new ImportFailedException(ImportFailedException.Reason.NO_SCORE_COLUMN);
                    } else if (columns.stars()) {
                        unusable = new ImportFailedException(ImportFailedException.Reason.STAR_RATING);
                    }
                    utc = columns.date() >= 0
                            && columns.date() < header.size()
                            && Preset.normal(header.get(columns.date())).contains("utc");
                    if (columns.date() >= 0) {
                        dateOrder = dateOrder(sniffed, columns.date(), named, columns.dates(), false);
                        monthFirst = dateOrder.monthFirst();
                    }
                    if (unusable != null) {
                        // the mapping step shows the first rows as written, to choose another column from
                        if (!named) {
                            preview.add(rawScoreRow(record));
                        }
                        for (CsvRecord more : reader) {
                            if (preview.size() >= SCORE_PREVIEW_ROWS) {
                                break;
                            }
                            preview.add(rawScoreRow(more));
                        }
                        return new ScoreRead(
                                header, width, columns, dateOrder, preview, Optional.empty(), Optional.of(unusable));
                    }
                    if (named) {
                        continue;
                    }
                }
                if (row.size() == 1 && row.getFirst().isBlank()) {
                    continue;
                }
                read++;
                long line = record.getStartingLineNumber();
                String text = row.size() <= columns.score()
                        ? ""
                        : row.get(columns.score()).strip();
                Integer score = parseScore(text);
                String why;
                PreviewRow.Outcome outcome;
                if (row.size() <= columns.score()) {
                    reject(rejections, rejected, line, RowRejection.Reason.MISSING_COLUMNS, "");
                    outcome = PreviewRow.Outcome.REJECTED;
                    why = RowRejection.Reason.MISSING_COLUMNS.messageKey();
                } else if (score == null
                        && !text.isEmpty()
                        && !header.isEmpty()
                        && !answersStarted
                        && read <= 3
                        && SurveyColumns.looksLikeHeader(row, text)) {
                    // SurveyMonkey's and Qualtrics' extra rows
                    outcome = PreviewRow.Outcome.SKIPPED;
                    why = skip(skipped, SkipReason.EXTRA_HEADER);
                } else if (columns.partial(row)) {
                    answersStarted = true;
                    outcome = PreviewRow.Outcome.SKIPPED;
                    why = skip(skipped, SkipReason.PARTIAL);
                } else if (text.isEmpty() && !header.isEmpty()) {
                    answersStarted = true;
                    outcome = PreviewRow.Outcome.SKIPPED;
                    why = skip(skipped, SkipReason.NO_ANSWER);
                } else if (score == null || score < 0 || score > 10) {
                    answersStarted = true;
                    RowRejection.Reason reason =
                            score == null ? RowRejection.Reason.BAD_SCORE : RowRejection.Reason.SCORE_RANGE;
                    reject(rejections, rejected, line, reason, text);
                    outcome = PreviewRow.Outcome.REJECTED;
                    why = reason.messageKey();
                } else {
                    answersStarted = true;
                    counts[score]++;
                    used++;
                    outcome = PreviewRow.Outcome.USED;
                    why = "";
                    if (score >= 4 && score <= 6) {
                        String name = columns.name(row);
                        String contact = SurveyColumns.field(row, columns.contact());
                        if (!name.isEmpty() || !contact.isEmpty()) {
                            Answered when = answered(row, columns, monthFirst, utc ? zone : null);
                            doubters.add(new Doubter(name, contact, score, when.day(), when.time()));
                        }
                    }
                }
                if (preview.size() < SCORE_PREVIEW_ROWS) {
                    preview.add(new ScoreRead.Row(
                            line,
                            row,
                            columns.name(row),
                            score == null ? OptionalInt.empty() : OptionalInt.of(score),
                            answered(row, columns, monthFirst, utc ? zone : null)
                                    .day(),
                            outcome,
                            why));
                }
            }
        } catch (IOException e) {
            throw unwrap(new UncheckedIOException(e));
        } catch (UncheckedIOException e) {
            throw unwrap(e);
        } catch (CsvParseException | LineTooLong e) {
            throw parseFailure(e);
        }
        if (first || read == 0) {
            throw new ImportFailedException(ImportFailedException.Reason.EMPTY);
        }
        ImportReport report = new ImportReport(
                fileName,
                read,
                rejected[0],
                rejections,
                !header.isEmpty(),
                sniffed.separator,
                sniffed.charset.name(),
                dateOrder,
                columns.system(),
                used,
                skipped);
        return new ScoreRead(
                header,
                width,
                columns,
                dateOrder,
                preview,
                used == 0
                        ? Optional.empty()
                        : Optional.of(new ScoreImport(report, counts, doubters.kept(), doubters.found())),
                used == 0
                        ? Optional.of(new ImportFailedException(ImportFailedException.Reason.NO_VALID_ROWS, report))
                        : Optional.empty());
    }

    private static String skip(EnumMap<SkipReason, Long> skipped, SkipReason reason) {
        skipped.merge(reason, 1L, Long::sum);
        return reason.messageKey();
    }

    /** When an answer was given: its day and, where the file has it, its time of day. */
    private record Answered(Optional<LocalDate> day, Optional<LocalTime> time) {}

    /** The day and time of a row's answer; moved from UTC to {@code zone} when one is given. */
    private static Answered answered(List<String> row, SurveyColumns columns, boolean monthFirst, ZoneId zone) {
        if (columns.date() < 0) {
            return new Answered(Optional.empty(), Optional.empty());
        }
        String text = SurveyColumns.field(row, columns.date());
        Optional<LocalDate> day = Dates.parse(text, monthFirst);
        Optional<LocalTime> time = Dates.timeOfDay(text);
        if (zone == null || day.isEmpty() || time.isEmpty()) {
            return new Answered(day, time);
        }
        LocalDateTime local = day.get()
                .atTime(time.get())
                .atZone(ZoneOffset.UTC)
                .withZoneSameInstant(zone)
                .toLocalDateTime();
        return new Answered(Optional.of(local.toLocalDate()), Optional.of(local.toLocalTime()));
    }

    private static ScoreRead.Row rawScoreRow(CsvRecord record) {
        return new ScoreRead.Row(
                record.getStartingLineNumber(),
                record.getFields(),
                "",
                OptionalInt.empty(),
                Optional.empty(),
                PreviewRow.Outcome.REJECTED,
                "");
    }

    /**
     * How a column's dates are read: as the file settles it, else as the participant chose in the mapping step, else
     * as the system writes dates ({@code monthFirstByDefault}) or day first.
     */
    static ImportReport.DateOrder dateOrder(
            Sniffed sniffed, int dateCol, boolean header, Mapping.DateChoice choice, boolean monthFirstByDefault) {
        ImportReport.DateOrder found = dateOrder(sniffed, dateCol, header);
        if (found != ImportReport.DateOrder.DAY_FIRST_ASSUMED) {
            return found;
        }
        return switch (choice) {
            case DAY_FIRST -> ImportReport.DateOrder.CHOSEN_DAY_FIRST;
            case MONTH_FIRST -> ImportReport.DateOrder.CHOSEN_MONTH_FIRST;
            case AUTO ->
                monthFirstByDefault
                        ? ImportReport.DateOrder.MONTH_FIRST_ASSUMED
                        : ImportReport.DateOrder.DAY_FIRST_ASSUMED;
        };
    }

    /** The rows under the header in the first bytes of the file, to find the columns by their answers. */
    private static List<List<String>> sample(Sniffed sniffed) {
        List<List<String>> rows = new ArrayList<>();
        headRecords(sniffed, true, record -> {
            if (rows.size() >= 500 || record.getFieldCount() > MAX_FIELDS) {
                return false;
            }
            rows.add(record.getFields());
            return true;
        });
        return rows;
    }

    /**
     * Hands the records of the file's first bytes to {@code each} (the first one left out when it is the header) for as
     * long as it returns true; a line cut off by the end of those bytes ends them.
     */
    private static void headRecords(Sniffed sniffed, boolean skipHeader, Predicate<CsvRecord> each) {
        try (CsvReader<CsvRecord> sample = lenient(sniffed.separator).ofCsvRecord(sniffed.head)) {
            boolean skip = skipHeader;
            for (CsvRecord record : sample) {
                if (skip) {
                    skip = false;
                    continue;
                }
                if (!each.test(record)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the sample ends in the middle of a line: what was read before it decides
        }
    }

    /** A reader for exports as they come: empty lines skipped, rows longer or shorter than the header allowed. */
    private static CsvReader.CsvReaderBuilder lenient(char separator) {
        return CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true);
    }

    /** {@link #lenient} for the whole file: its byte order mark dropped, no line longer than {@link #MAX_LINE_CHARS}. */
    static CsvReader.CsvReaderBuilder streaming(Sniffed sniffed) {
        return lenient(sniffed.separator).detectBomHeader(true).maxBufferSize(MAX_LINE_CHARS);
    }

    /**
     * A pasted list of scores: one or more per line, separated by spaces, commas or semicolons.
     * Every token that is not a whole number 0..10 is reported with its line number.
     */
    public static ScoreImport pastedScores(String text) {
        if (text.length() > MAX_PASTED_CHARS) {
            throw new ImportFailedException(ImportFailedException.Reason.PASTE_TOO_LONG);
        }
        long[] counts = new long[11];
        List<RowRejection> rejections = new ArrayList<>();
        long[] rejected = {0};
        long read = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String token : lines[i].split("[\\s,;]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                read++;
                Integer score = parseScore(token);
                if (score == null) {
                    reject(rejections, rejected, i + 1, RowRejection.Reason.BAD_SCORE, token);
                } else if (score < 0 || score > 10) {
                    reject(rejections, rejected, i + 1, RowRejection.Reason.SCORE_RANGE, token);
                } else {
                    counts[score]++;
                }
            }
        }
        if (read == 0) {
            throw new ImportFailedException(ImportFailedException.Reason.EMPTY);
        }
        ImportReport report =
                new ImportReport("", read, rejected[0], rejections, false, ' ', "", ImportReport.DateOrder.NOT_NEEDED);
        if (read == rejected[0]) {
            throw new ImportFailedException(ImportFailedException.Reason.NO_VALID_ROWS, report);
        }
        return new ScoreImport(report, counts, List.of(), 0);
    }

    // ---------------------------------------------------------------- shared

    /** The file behind its first bytes: the stream to read, and what those bytes told (with their text). */
    record Sniffed(InputStream in, char separator, Charset charset, String head) {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * The doubters kept for the call list while a file streams by: at most {@code cap}, the most
     * recent answers first (undated ones count as oldest), in file order.
     */
    static final class RecentDoubters {
        private record Seen(Doubter doubter, long order) {}

        private static final Comparator<Seen> OLDEST_FIRST = Comparator.<Seen>comparingLong(
                        s -> s.doubter().answered().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE))
                .thenComparing(Comparator.comparingLong(Seen::order).reversed());

        private final int cap;
        private final PriorityQueue<Seen> kept;
        private long found;

        RecentDoubters(int cap) {
            this.cap = cap;
            this.kept = new PriorityQueue<>(OLDEST_FIRST);
        }

        void add(Doubter d) {
            kept.add(new Seen(d, found++));
            if (kept.size() > cap) {
                kept.poll();
            }
        }

        long found() {
            return found;
        }

        List<Doubter> kept() {
            return kept.stream()
                    .sorted(Comparator.comparingLong(Seen::order))
                    .map(Seen::doubter)
                    .toList();
        }
    }

    /** Checks size, text-ness and separator on the first bytes without reading the whole file. */
    static Sniffed sniff(InputStream raw) {
        BufferedInputStream in = new BufferedInputStream(new Limited(raw), SNIFF);
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            if (head.length == 0) {
                throw new ImportFailedException(ImportFailedException.Reason.EMPTY);
            }
            if (head.length >= 2
                    && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                            || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
                // Excel's "Unicode text" and some survey tools: UTF-16 with a byte order mark
                return sniffed(in, head, StandardCharsets.UTF_16);
            }
            Charset utf16 = utf16WithoutMark(head);
            if (utf16 != null) {
                return sniffed(in, head, utf16);
            }
            int controls = 0;
            for (byte b : head) {
                if (b == 0) {
                    throw new ImportFailedException(ImportFailedException.Reason.NOT_TEXT);
                }
                if (b > 0 && b < 32 && b != '\n' && b != '\r' && b != '\t') {
                    controls++;
                }
            }
            if (controls > head.length / 100 + 2) {
                throw new ImportFailedException(ImportFailedException.Reason.NOT_TEXT);
            }
            // what is not valid UTF-8 is what Dutch Excel saves as "CSV (gescheiden door lijstscheidingsteken)"
            return sniffed(in, head, validUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252);
        } catch (IOException e) {
            throw unwrap(new UncheckedIOException(e));
        }
    }

    private static Sniffed sniffed(InputStream in, byte[] head, Charset charset) {
        String text = new String(head, charset);
        return new Sniffed(in, separator(text), charset, text);
    }

    /** UTF-16 without a byte order mark: every other byte is zero, in the same place (ASCII text in two bytes). */
    private static Charset utf16WithoutMark(byte[] head) {
        int pairs = Math.min(head.length / 2, 4096);
        if (pairs < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros > pairs * 3 / 5 && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 3 / 5 && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Whether the bytes are UTF-8; a character cut off by the end of the sample does not count against it. */
    static boolean validUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        // a character cut off by the end of the sample does not count against it, unless the file ends there
        CoderResult result = decoder.decode(in, out, bytes.length < SNIFF);
        return !result.isError() && in.remaining() < 4;
    }

    /**
     * How the file writes dates that could be read two ways ({@code 03/04/2025}), from the date column of the first
     * bytes: one date like {@code 31/03/2025} settles day first, one like {@code 03/31/2025} month first; when none
     * settles it, day first, the Dutch default, and the report says it was assumed.
     */
    static ImportReport.DateOrder dateOrder(Sniffed sniffed, int dateCol, boolean header) {
        int[] dayFirstMonthFirstEither = new int[3];
        headRecords(sniffed, header, record -> {
            if (dateCol >= record.getFieldCount()) {
                return true;
            }
            String text = record.getField(dateCol);
            int evidence = Dates.orderEvidence(text);
            if (evidence > 0) {
                dayFirstMonthFirstEither[0]++;
            } else if (evidence < 0) {
                dayFirstMonthFirstEither[1]++;
            } else if (text.indexOf('/') >= 0
                    && Dates.packed(text, 0, text.length(), false) != Dates.packed(text, 0, text.length(), true)) {
                // 03/04/2025 could be either; 03-04-2025 is how Dutch software writes a date
                dayFirstMonthFirstEither[2]++;
            }
            return true;
        });
        int dayFirst = dayFirstMonthFirstEither[0];
        int monthFirst = dayFirstMonthFirstEither[1];
        int either = dayFirstMonthFirstEither[2];
        if (dayFirst > 0) {
            return ImportReport.DateOrder.DAY_FIRST;
        }
        if (monthFirst > 0) {
            return ImportReport.DateOrder.MONTH_FIRST;
        }
        return either > 0 ? ImportReport.DateOrder.DAY_FIRST_ASSUMED : ImportReport.DateOrder.NOT_NEEDED;
    }

    /** {@code ;}, {@code ,}, a tab or {@code |}: whichever occurs most on the first line outside quotes. */
    private static char separator(String start) {
        int end = start.indexOf('\n');
        String firstLine = end < 0 ? start : start.substring(0, end);
        if (start.isBlank()) {
            throw new ImportFailedException(ImportFailedException.Reason.EMPTY);
        }
        long semicolons = 0;
        long commas = 0;
        long tabs = 0;
        long pipes = 0;
        boolean quoted = false;
        for (char c : firstLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            } else if (!quoted && c == '|') {
                pipes++;
            }
        }
        if (pipes > semicolons && pipes > commas && pipes > tabs) {
            return '|';
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : commas > 0 ? ',' : ';';
    }

    private static CsvReader<CsvRecord> reader(Sniffed sniffed) {
        return streaming(sniffed)
                .build(
                        CsvRecordHandler.builder()
                                .maxFields(MAX_FIELDS)
                                .maxFieldSize(MAX_LINE_CHARS)
                                .maxRecordSize(MAX_LINE_CHARS)
                                .build(),
                        text(sniffed));
    }

    /**
     * The file as characters: UTF-8 leniently (a stray Windows-1252 byte further on is read as such) without its byte
     * order mark, otherwise in the detected encoding (Java's UTF-16 decoder takes the mark itself).
     */
    static Reader text(Sniffed sniffed) {
        if (sniffed.charset == StandardCharsets.UTF_8) {
            try {
                sniffed.in.mark(3);
                byte[] mark = sniffed.in.readNBytes(3);
                if (!(mark.length == 3 && mark[0] == (byte) 0xEF && mark[1] == (byte) 0xBB && mark[2] == (byte) 0xBF)) {
                    sniffed.in.reset();
                }
            } catch (IOException e) {
                throw unwrap(new UncheckedIOException(e));
            }
            return new LenientUtf8Reader(sniffed.in);
        }
        return new InputStreamReader(sniffed.in, sniffed.charset);
    }

    /** Thrown by a row handler when one line is longer than {@link #MAX_LINE_CHARS} or has too many fields. */
    static final class LineTooLong extends RuntimeException {
        LineTooLong() {
            super(
                    "line longer than " + MAX_LINE_CHARS + " characters or with more than " + MAX_FIELDS + " fields",
                    null,
                    false,
                    false);
        }
    }

    /** A line longer than {@link #MAX_LINE_CHARS}, a file over the size limit, or plain unreadable. */
    static RuntimeException parseFailure(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceeded limit) {
                return limit.failure();
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof LineTooLong
                    || message.contains("maximum buffer size")
                    || message.contains("max record size")
                    || message.contains("max field size")
                    || message.contains("maximum limit of")) {
                return new ImportFailedException(ImportFailedException.Reason.LINE_TOO_LONG);
            }
        }
        return new ImportFailedException(ImportFailedException.Reason.UNREADABLE);
    }

    static RuntimeException unwrap(UncheckedIOException e) {
        if (e.getCause() instanceof LimitExceeded limit) {
            return limit.failure();
        }
        return new ImportFailedException(ImportFailedException.Reason.UNREADABLE);
    }

    static void reject(List<RowRejection> list, long[] count, long line, RowRejection.Reason reason, String value) {
        count[0]++;
        if (list.size() < ImportReport.KEPT_REJECTIONS) {
            String shown = value == null ? "" : value.strip();
            list.add(new RowRejection(line, reason, shown.length() > 60 ? shown.substring(0, 60) + "…" : shown));
        }
    }

    private static String normal(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\uFEFF", "");
    }

    private static int column(CsvRecord row, Set<String> names) {
        return column(row.getFields(), names);
    }

    private static int column(List<String> fields, Set<String> names) {
        for (int i = 0; i < fields.size(); i++) {
            if (names.contains(normal(fields.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstOther(int fields, int... taken) {
        outer:
        for (int i = 0; i < fields; i++) {
            for (int t : taken) {
                if (t == i) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A first row is a header when no field in it is a date and some field has letters. */
    static boolean isHeader(List<String> fields) {
        boolean letters = fields.stream().anyMatch(f -> f.chars().anyMatch(Character::isLetter));
        return letters && fields.stream().noneMatch(CsvImporter::isDate);
    }

    /** A date in either order of day and month ({@code 04/30/2025} is one too). */
    static boolean isDate(String text) {
        return Dates.parse(text).isPresent() || Dates.parse(text, true).isPresent();
    }

    private static boolean isScoreHeader(CsvRecord row) {
        return column(row, SurveyColumns.SCORE_NAMES) >= 0
                || row.getFields().stream().noneMatch(f -> parseScore(f) != null)
                        && row.getFields().stream().anyMatch(f -> f.chars().anyMatch(Character::isLetter));
    }

    /** Without a header: the score is the first whole number, a date column is found by its shape, the rest is name then contact. */
    private static int[] guessScoreColumns(CsvRecord row) {
        int score = -1;
        int date = -1;
        for (int i = 0; i < row.getFieldCount(); i++) {
            String f = row.getField(i);
            if (score < 0 && parseScore(f) != null) {
                score = i;
            } else if (date < 0 && isDate(f)) {
                date = i;
            }
        }
        if (score < 0) {
            score = 0;
        }
        int name = firstOther(row.getFieldCount(), score, date);
        int contact = name < 0 ? -1 : firstOther(row.getFieldCount(), score, date, name);
        return new int[] {score, name, contact, date};
    }

    /** A whole number, or null. "8,0" and "8.0" count as 8. */
    static Integer parseScore(String text) {
        String s = text.strip();
        if (s.endsWith(",0") || s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.isEmpty() || s.length() > 4) {
            return null;
        }
        int value = 0;
        boolean negative = s.charAt(0) == '-';
        for (int i = negative ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        if (negative && s.length() == 1) {
            return null;
        }
        return negative ? -value : value;
    }

    /** Reads a whole upload into memory for tests and pasted text. */
    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The stream, refusing to read past {@link #MAX_BYTES}. */
    static InputStream limited(InputStream in) {
        return new Limited(in);
    }

    /** Stops reading past {@link #MAX_BYTES}. */
    private static final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > MAX_BYTES) {
                throw new LimitExceeded();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > MAX_BYTES) {
                throw new LimitExceeded();
            }
            return n;
        }
    }

    private static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("file larger than " + MAX_BYTES + " bytes");
        }

        ImportFailedException failure() {
            return new ImportFailedException(ImportFailedException.Reason.TOO_LARGE);
        }
    }
}
