package nl.retentiewerkboek.imports;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first sheet of an Excel workbook (.xlsx) written out as a CSV file, so that a workbook goes through the same
 * reader, mapping step and counts as a CSV. Read with the JDK's StAX parser, every part bounded before it is read:
 * the unpacked size of each part, the number and total length of shared texts (each index checked against them), the
 * row and column numbers, the cells per row and the text per cell. Formulas are not run: their saved value is used.
 * Dates are cells with a date format (Excel's built-in formats 14–22 and 45–47, or a custom one with day, month or
 * year in it) and are written as ISO dates; numbers as plain numbers.
 */
final class XlsxSheet {

    /** The most an unpacked sheet may be. */
    static final long MAX_SHEET_BYTES = 400L * 1024 * 1024;
    /** The most the unpacked shared texts may be, and their most characters and items. */
    static final long MAX_SHARED_BYTES = 100L * 1024 * 1024;

    static final long MAX_SHARED_CHARS = 16L * 1024 * 1024;
    static final int MAX_SHARED_ITEMS = 1_000_000;
    /** The most any other part (workbook, styles, relations) may be. */
    static final long MAX_SMALL_PART = 8L * 1024 * 1024;
    /** The most characters one cell may hold. */
    static final int MAX_CELL_CHARS = 32 * 1024;
    /** The highest row number Excel itself allows. */
    static final int MAX_ROW = 1_048_576;

    private static final int MAX_ENTRIES = 10_000;
    /** The most bytes between two tags: longer than any cell's text may be. */
    private static final int MAX_RUN = 1024 * 1024;

    private static final String SHEET_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private static final String MAIN_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String SHARED_TYPE =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

    /** The JDK's own parser, whatever else is on the class path, so that tests read with what production reads. */
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, false);
        // without a DTD only the five predefined entities (&amp; …) occur; JDK 24+ would count every one of them
        // towards a limit of 100,000 and refuse a sheet of URLs with "&utm_…"; the lexical guard bounds the rest
        XML.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "0");
        XML.setProperty("jdk.xml.totalEntitySizeLimit", "0");
        XML.setProperty("jdk.xml.maxElementDepth", "100");
    }

    private XlsxSheet() {}

    /** Whether the file starts like a ZIP archive (.xlsx, .docx …). */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Whether the file starts like an old Excel (.xls) or other OLE2 file. */
    static boolean isOldExcel(byte[] head) {
        return head.length >= 4
                && head[0] == (byte) 0xD0
                && head[1] == (byte) 0xCF
                && head[2] == (byte) 0x11
                && head[3] == (byte) 0xE0;
    }

    /**
     * Writes the workbook's first sheet to {@code csv} as {@code ;}-separated UTF-8 text.
     *
     * @throws ImportFailedException when the file is not a workbook, a part is too big, or the workbook contradicts
     *     itself (a shared text that is not there)
     */
    static void toCsv(Path xlsx, Path csv) {
        toCsv(xlsx, csv, 0);
    }

    /**
     * Writes one sheet of the workbook (by its place among the sheets, as Excel shows their tabs) to {@code csv} as
     * {@code ;}-separated UTF-8 text.
     *
     * @return the names of the workbook's sheets, in the order of their tabs
     * @throws ImportFailedException when the file is not a workbook, a part is too big, or the workbook contradicts
     *     itself (a shared text that is not there)
     */
    static List<String> toCsv(Path xlsx, Path csv, int index) {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw unreadable();
            }
            Map<String, String> types = contentTypes(zip);
            String main = types.entrySet().stream()
                    .filter(e -> e.getValue().equals(MAIN_TYPE))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(XlsxSheet::unreadable);
            Workbook book = workbook(zip, main);
            List<Tab> tabs = book.tabs().stream()
                    .filter(t -> SHEET_TYPE.equals(types.get(t.part())))
                    .toList();
            String sheet = !tabs.isEmpty()
                    ? tabs.get(Math.clamp(index, 0, tabs.size() - 1)).part()
                    : types.entrySet().stream()
                            .filter(e -> e.getValue().equals(SHEET_TYPE))
                            .map(Map.Entry::getKey)
                            .sorted()
                            .findFirst()
                            .orElseThrow(XlsxSheet::unreadable);
            String[] shared = types.entrySet().stream()
                    .filter(e -> e.getValue().equals(SHARED_TYPE))
                    .findFirst()
                    .map(e -> sharedStrings(zip, e.getKey()))
                    .orElse(new String[0]);
            byte[] dateStyles = types.entrySet().stream()
                    .filter(e -> e.getValue().equals(STYLES_TYPE))
                    .findFirst()
                    .map(e -> dateStyles(zip, e.getKey()))
                    .orElse(new byte[0]);
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                sheet(zip, sheet, shared, dateStyles, book.date1904(), out);
            }
            return tabs.stream().map(Tab::name).toList();
        } catch (IOException | XMLStreamException e) {
            throw causedBySize(e) ? tooLarge() : unreadable();
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw unreadable();
        }
    }

    private static boolean causedBySize(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PartTooLarge) {
                return true;
            }
        }
        return false;
    }

    /** Part name (without the leading slash) → content type, from {@code [Content_Types].xml}. */
    private static Map<String, String> contentTypes(ZipFile zip) throws IOException, XMLStreamException {
        Map<String, String> types = new HashMap<>();
        try (InputStream in = part(zip, "[Content_Types].xml", MAX_SMALL_PART)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("Override")) {
                    String name = xml.getAttributeValue(null, "PartName");
                    String type = xml.getAttributeValue(null, "ContentType");
                    if (name != null && type != null && types.size() < MAX_ENTRIES) {
                        types.put(name.startsWith("/") ? name.substring(1) : name, type);
                    }
                }
            }
        }
        return types;
    }

    /** A sheet's tab: the name shown and its part in the file. */
    private record Tab(String name, String part) {}

    private record Workbook(List<Tab> tabs, boolean date1904) {}

    /** The most sheets listed; a workbook may have more, these are the ones that can be chosen. */
    private static final int MAX_TABS = 100;

    /** The sheets' names and parts through the workbook's relations, in tab order; and whether dates count from 1904. */
    private static Workbook workbook(ZipFile zip, String main) throws IOException, XMLStreamException {
        List<String[]> sheets = new ArrayList<>(); // name, relation id
        boolean date1904 = false;
        try (InputStream in = part(zip, main, MAX_SMALL_PART)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("workbookPr")) {
                    String v = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                } else if (xml.getLocalName().equals("sheet") && sheets.size() < MAX_TABS) {
                    String id = null;
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        if (xml.getAttributeLocalName(i).equals("id")) {
                            id = xml.getAttributeValue(i);
                        }
                    }
                    String name = xml.getAttributeValue(null, "name");
                    if (id != null) {
                        sheets.add(new String[] {name == null ? "" : name.strip(), id});
                    }
                }
            }
        }
        int slash = main.lastIndexOf('/');
        String dir = slash < 0 ? "" : main.substring(0, slash + 1);
        String rels = dir + "_rels/" + main.substring(slash + 1) + ".rels";
        if (sheets.isEmpty() || zip.getEntry(rels) == null) {
            return new Workbook(List.of(), date1904);
        }
        Map<String, String> targets = new HashMap<>();
        try (InputStream in = part(zip, rels, MAX_SMALL_PART)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("Relationship")
                        && targets.size() < MAX_ENTRIES) {
                    String id = xml.getAttributeValue(null, "Id");
                    String target = xml.getAttributeValue(null, "Target");
                    if (id != null && target != null) {
                        String name = target.startsWith("/") ? target.substring(1) : dir + target;
                        targets.put(id, name.replace("/./", "/"));
                    }
                }
            }
        }
        List<Tab> tabs = new ArrayList<>();
        for (String[] sheet : sheets) {
            String part = targets.get(sheet[1]);
            if (part != null) {
                tabs.add(new Tab(sheet[0], part));
            }
        }
        return new Workbook(tabs, date1904);
    }

    private static String[] sharedStrings(ZipFile zip, String name) {
        try (InputStream in = part(zip, name, MAX_SHARED_BYTES)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            List<String> items = new ArrayList<>();
            long chars = 0;
            StringBuilder text = null;
            boolean inT = false;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        case "t" -> inT = phonetic == 0;
                        case "rPh" -> phonetic++;
                        default -> {
                            // runs, fonts: only their text counts
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            if (items.size() >= MAX_SHARED_ITEMS) {
                                throw tooLarge();
                            }
                            items.add(text == null ? "" : text.toString());
                            text = null;
                        }
                        case "t" -> inT = false;
                        case "rPh" -> phonetic--;
                        default -> {
                            // nothing to close
                        }
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && inT
                        && text != null) {
                    int len = xml.getTextLength();
                    chars += len;
                    if (chars > MAX_SHARED_CHARS || text.length() + len > MAX_CELL_CHARS) {
                        throw tooLarge();
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), len);
                }
            }
            return items.toArray(new String[0]);
        } catch (IOException | XMLStreamException e) {
            throw causedBySize(e) ? tooLarge() : unreadable();
        }
    }

    /** Per cell style (index into cellXfs), whether it shows a date, a time or neither. */
    private static byte[] dateStyles(ZipFile zip, String name) {
        try (InputStream in = part(zip, name, MAX_SMALL_PART)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            Map<Integer, Byte> customDate = new HashMap<>();
            List<Byte> styles = new ArrayList<>();
            boolean inCellXfs = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "numFmt" -> {
                            String id = xml.getAttributeValue(null, "numFmtId");
                            String code = xml.getAttributeValue(null, "formatCode");
                            if (id != null && code != null && customDate.size() < 10_000) {
                                customDate.put(Integer.parseInt(id.strip()), customKind(code));
                            }
                        }
                        case "cellXfs" -> inCellXfs = true;
                        case "xf" -> {
                            if (inCellXfs && styles.size() < 100_000) {
                                String id = xml.getAttributeValue(null, "numFmtId");
                                int fmt = id == null ? 0 : Integer.parseInt(id.strip());
                                styles.add(customDate.getOrDefault(fmt, kindOf(fmt)));
                            }
                        }
                        default -> {
                            // fonts, fills, borders
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
            byte[] dates = new byte[styles.size()];
            for (int i = 0; i < dates.length; i++) {
                dates[i] = styles.get(i);
            }
            return dates;
        } catch (IOException | XMLStreamException e) {
            throw causedBySize(e) ? tooLarge() : unreadable();
        } catch (NumberFormatException e) {
            throw unreadable();
        }
    }

    private static final byte PLAIN = 0;
    private static final byte DATE = 1;
    private static final byte TIME = 2;

    /** Excel's built-in date formats (14–17, and 22 with a time). */
    static boolean isBuiltInDate(int id) {
        return (id >= 14 && id <= 17) || id == 22;
    }

    /** Excel's built-in time and duration formats. */
    static boolean isBuiltInTime(int id) {
        return (id >= 18 && id <= 21) || (id >= 45 && id <= 47);
    }

    private static byte kindOf(int builtIn) {
        return isBuiltInDate(builtIn) ? DATE : isBuiltInTime(builtIn) ? TIME : PLAIN;
    }

    /** A custom format's kind: a date with a day, month or year in it, a time with only hours, minutes, seconds. */
    static byte customKind(String code) {
        return isDateFormat(code) ? DATE : isTimeFormat(code) ? TIME : PLAIN;
    }

    static boolean isTimeFormat(String code) {
        String bare = code.replaceAll("\"[^\"]*\"", "").replaceAll("\\[(?![hHmMsS])[^\\]]*\\]", "");
        return !isDateFormat(code) && bare.chars().anyMatch(c -> "hHsS".indexOf(c) >= 0);
    }

    /** A custom number format that shows a date: d, m or y outside quotes and brackets (not only h, m, s of a time). */
    static boolean isDateFormat(String code) {
        boolean quoted = false;
        boolean bracket = false;
        boolean day = false;
        boolean year = false;
        boolean month = false;
        boolean time = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                bracket = true;
                // [h], [mm], [ss]: elapsed time; [Red], [$-413]: colour and locale
                if (i + 1 < code.length() && "hHmMsS".indexOf(code.charAt(i + 1)) >= 0) {
                    time = true;
                }
            } else if (!quoted && c == ']') {
                bracket = false;
            } else if (!quoted && !bracket && c == '\\') {
                i++;
            } else if (!quoted && !bracket) {
                char l = Character.toLowerCase(c);
                day |= l == 'd';
                year |= l == 'y' || l == 'j';
                month |= l == 'm';
                time |= l == 'h' || l == 's';
            }
        }
        return day || year || (month && !time);
    }

    /** Streams the sheet's rows out as CSV lines. */
    private static void sheet(
            ZipFile zip, String name, String[] shared, byte[] dateStyles, boolean date1904, Writer out)
            throws IOException, XMLStreamException {
        try (InputStream in = part(zip, name, MAX_SHEET_BYTES);
                BufferedWriter csv = new BufferedWriter(out, 64 * 1024)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            List<String> row = new ArrayList<>();
            int lastRow = 0;
            int writtenRows = 0;
            int rowChars = 0;
            long written = 0;
            String type = null;
            int style = -1;
            int column = -1;
            StringBuilder value = new StringBuilder();
            boolean inValue = false;
            boolean inFormula = false;
            boolean inRow = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            int r = number(xml.getAttributeValue(null, "r"), lastRow + 1);
                            if (r <= lastRow || r > MAX_ROW) {
                                throw unreadable();
                            }
                            lastRow = r;
                            row.clear();
                            rowChars = 0;
                            inRow = true;
                        }
                        case "c" -> {
                            if (!inRow) {
                                throw unreadable();
                            }
                            String ref = xml.getAttributeValue(null, "r");
                            column = ref == null ? row.size() : column(ref);
                            if (column < row.size() || column >= CsvImporter.MAX_FIELDS) {
                                throw column >= CsvImporter.MAX_FIELDS
                                        ? new ImportFailedException(ImportFailedException.Reason.LINE_TOO_LONG)
                                        : unreadable();
                            }
                            type = xml.getAttributeValue(null, "t");
                            style = number(xml.getAttributeValue(null, "s"), -1);
                            value.setLength(0);
                        }
                        case "v", "t" -> inValue = !inFormula;
                        case "f" -> inFormula = true;
                        default -> {
                            // rich text runs inside inline strings: their <t> counts
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "v", "t" -> inValue = false;
                        case "f" -> inFormula = false;
                        case "c" -> {
                            while (row.size() < column) {
                                row.add("");
                            }
                            String text = cell(value.toString(), type, style, shared, dateStyles, date1904);
                            rowChars += text.length() + 1;
                            if (rowChars > CsvImporter.MAX_LINE_CHARS) {
                                throw new ImportFailedException(ImportFailedException.Reason.LINE_TOO_LONG);
                            }
                            row.add(text);
                        }
                        case "row" -> {
                            // rows Excel left out stay blank lines, so that line numbers are Excel's row numbers
                            for (; writtenRows < lastRow - 1; writtenRows++) {
                                csv.write('\n');
                                written++;
                            }
                            written += line(csv, row);
                            writtenRows++;
                            if (written > CsvImporter.MAX_BYTES) {
                                throw new ImportFailedException(ImportFailedException.Reason.TOO_LARGE);
                            }
                            inRow = false;
                        }
                        default -> {
                            // nothing to close
                        }
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && inValue) {
                    if (value.length() + xml.getTextLength() > MAX_CELL_CHARS) {
                        throw new ImportFailedException(ImportFailedException.Reason.LINE_TOO_LONG);
                    }
                    value.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
            }
        }
    }

    /** One cell as the CSV reader expects it: a shared or inline text, a date, a plain number, TRUE/FALSE. */
    private static String cell(String v, String type, int style, String[] shared, byte[] dateStyles, boolean date1904) {
        if (type == null || type.equals("n")) {
            if (v.isBlank()) {
                return "";
            }
            BigDecimal number;
            try {
                number = new BigDecimal(v.strip());
            } catch (NumberFormatException e) {
                return v; // not a number after all: the row is rejected with its line number, not the workbook
            }
            // Excel stores doubles: anything far outside them (1E999999) is text, not a number to work out
            if (number.scale() < -20 || number.scale() > 40 || number.precision() > 40) {
                return v;
            }
            int kind = style >= 0 && style < dateStyles.length ? dateStyles[style] : PLAIN;
            if (kind == DATE) {
                return date(number, date1904).orElse(v);
            }
            if (kind == TIME) {
                return time(number);
            }
            return plain(number);
        }
        return switch (type) {
            case "s" -> {
                if (v.isBlank()) {
                    yield "";
                }
                int index = Integer.parseInt(v.strip());
                if (index < 0 || index >= shared.length) {
                    throw unreadable();
                }
                yield shared[index];
            }
            case "b" -> v.strip().equals("1") ? "TRUE" : "FALSE";
            case "e" -> "";
            default -> v; // str (a formula's text), inlineStr, d (an ISO date)
        };
    }

    /** A time of day (a fraction of a day, or a duration) as {@code HH:mm:ss}. */
    static String time(BigDecimal fraction) {
        BigDecimal seconds = fraction.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP);
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400L * 10_000)) > 0) {
            return plain(fraction);
        }
        long s = seconds.longValueExact();
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /**
     * A serial date (days since 1899-12-30, or since 1904-01-01) as an ISO date, with the time when there is one;
     * empty for a serial no date can have.
     */
    static Optional<String> date(BigDecimal serial, boolean date1904) {
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
            return Optional.empty();
        }
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        LocalDate day = (date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30)).plusDays(days);
        BigDecimal fraction = serial.subtract(BigDecimal.valueOf(days));
        long seconds = fraction.multiply(BigDecimal.valueOf(86_400))
                .setScale(0, RoundingMode.HALF_UP)
                .longValue();
        if (seconds == 0 || seconds >= 86_400) {
            return Optional.of(seconds >= 86_400 ? day.plusDays(1).toString() : day.toString());
        }
        LocalDateTime time = day.atStartOfDay().plusSeconds(seconds);
        return Optional.of(time.toLocalDate() + " " + time.toLocalTime());
    }

    /**
     * A number as plain text, to the cent at most (as Excel shows money): {@code 17.955} from {@code =19.95*0.9} is
     * 17.96, and a CSV reader would take three decimals for thousands.
     */
    static String plain(BigDecimal number) {
        String text =
                number.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** One row as a CSV line; returns its size in UTF-8 bytes. A row of empty cells is an empty line. */
    private static long line(Writer csv, List<String> row) throws IOException {
        if (row.stream().allMatch(String::isEmpty)) {
            csv.write('\n');
            return 1;
        }
        long n = 0;
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                csv.write(';');
                n++;
            }
            String f = row.get(i);
            // every character the reader could take for a separator or a line end is quoted
            boolean quote = false;
            for (int k = 0; k < f.length() && !quote; k++) {
                char c = f.charAt(k);
                quote = c == ';' || c == ',' || c == '\t' || c == '|' || c == '"' || c == '\n' || c == '\r';
            }
            String out = quote ? '"' + f.replace("\"", "\"\"") + '"' : f;
            csv.write(out);
            n += utf8Length(out);
        }
        csv.write('\n');
        return n + 1;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** The column of a cell reference such as {@code AB12}, from 0. */
    static int column(String ref) {
        int col = 0;
        int letters = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (++letters > 3) {
                throw new ImportFailedException(ImportFailedException.Reason.LINE_TOO_LONG);
            }
            col = col * 26 + (c - 'A' + 1);
        }
        if (letters == 0) {
            throw unreadable();
        }
        return col - 1;
    }

    private static int number(String text, int otherwise) {
        if (text == null || text.isBlank() || text.length() > 9) {
            if (text != null && text.length() > 9) {
                throw unreadable();
            }
            return otherwise;
        }
        return Integer.parseInt(text.strip());
    }

    /** One part of the archive, refusing to unpack more than {@code limit} bytes of it. */
    private static InputStream part(ZipFile zip, String name, long limit) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw unreadable();
        }
        if (entry.getSize() > limit) {
            throw tooLarge();
        }
        return new Guarded(zip.getInputStream(entry), limit);
    }

    /**
     * A part's bytes, refused past its unpacked size, with more than {@link #MAX_RUN} bytes without a {@code <} (no
     * cell, attribute or shared text is that long; the parser would buffer it whole), or with a DTD, a comment, a
     * CDATA section or a processing instruction after the XML declaration: Excel writes none of them.
     */
    private static final class Guarded extends FilterInputStream {
        private final long limit;
        private long count;
        private long sinceTag;
        private boolean afterLt;
        private boolean started;

        Guarded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(b);
                if (++count > limit) {
                    throw new PartTooLarge();
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                for (int i = off; i < off + n; i++) {
                    check(b[i]);
                }
                if ((count += n) > limit) {
                    throw new PartTooLarge();
                }
            }
            return n;
        }

        private void check(int b) throws IOException {
            if (b == '<') {
                sinceTag = 0;
                afterLt = true;
                return;
            }
            if (afterLt) {
                afterLt = false;
                if (b == '!' || (b == '?' && started)) {
                    throw new IOException("DTD, comment, CDATA or processing instruction in a workbook part");
                }
                started = true;
            }
            if (++sinceTag > MAX_RUN) {
                throw new PartTooLarge();
            }
        }
    }

    private static final class PartTooLarge extends IOException {
        PartTooLarge() {
            super("an unpacked part of the workbook is too large");
        }
    }

    private static ImportFailedException unreadable() {
        return new ImportFailedException(ImportFailedException.Reason.UNREADABLE_WORKBOOK);
    }

    private static ImportFailedException tooLarge() {
        return new ImportFailedException(ImportFailedException.Reason.WORKBOOK_TOO_LARGE);
    }
}
