package nl.retentiewerkboek.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which columns of a survey export (W4) hold what. The score is a column named like one ("score", "nps"), else the
 * question itself ("Hoe waarschijnlijk is het dat je ons aanbeveelt…", "How likely…") or a column whose answers are
 * whole numbers 0–10, never a respondent number; the name is one column or a first and a last name; the contact an
 * e-mail address or phone; the answer's time the submit or end time; partial responses are known by the tool's own
 * columns (Qualtrics' {@code Finished}, Typeform's {@code Response Type}).
 */
public record SurveyColumns(
        String system,
        int score,
        int name,
        int lastName,
        int contact,
        int date,
        int finished,
        int responseType,
        boolean stars,
        Mapping.DateChoice dates) {

    static final String OWN = "own";

    /** The survey tools recognised from their header, by id, with the name shown; "own" for any other list. */
    static final Map<String, String> TOOLS = Map.of(
            "typeform",
            "Typeform",
            "google-forms",
            "Google Forms",
            "surveymonkey",
            "SurveyMonkey",
            "qualtrics",
            "Qualtrics",
            OWN,
            "");

    /** Which tool wrote a header (its normalised names), from the columns only that tool writes. */
    static String tool(List<String> names) {
        if (names.contains("responseid") || names.contains("recordeddate")) {
            return "qualtrics";
        }
        if (names.contains("respondent_id") && names.contains("collector_id")) {
            return "surveymonkey";
        }
        if (names.contains("submit_date_(utc)") || names.contains("network_id") || names.contains("response_type")) {
            return "typeform";
        }
        if (!names.isEmpty()
                && (names.getFirst().equals("tijdstempel") || names.getFirst().equals("timestamp"))) {
            return "google-forms";
        }
        return OWN;
    }

    /** The recognised tool's name, empty for a list of one's own. */
    public String systemName() {
        return TOOLS.getOrDefault(system, "");
    }

    public SurveyColumns withScore(int column) {
        return new SurveyColumns(system, column, name, lastName, contact, date, finished, responseType, false, dates);
    }

    SurveyColumns withStars(boolean starColumn) {
        return new SurveyColumns(
                system, score, name, lastName, contact, date, finished, responseType, starColumn, dates);
    }

    public SurveyColumns withName(int column) {
        return new SurveyColumns(system, score, column, lastName, contact, date, finished, responseType, stars, dates);
    }

    public SurveyColumns withLastName(int column) {
        return new SurveyColumns(system, score, name, column, contact, date, finished, responseType, stars, dates);
    }

    public SurveyColumns withContact(int column) {
        return new SurveyColumns(system, score, name, lastName, column, date, finished, responseType, stars, dates);
    }

    public SurveyColumns withDate(int column) {
        return new SurveyColumns(system, score, name, lastName, contact, column, finished, responseType, stars, dates);
    }

    public SurveyColumns withDates(Mapping.DateChoice choice) {
        return new SurveyColumns(system, score, name, lastName, contact, date, finished, responseType, stars, choice);
    }

    /** The columns by header name, to be remembered for the next file of the same tool. */
    String stored(List<String> header) {
        StringBuilder text = new StringBuilder();
        text.append("system=").append(system).append('\n');
        int[] columns = {score, name, lastName, contact, date};
        String[] roles = {"score", "name", "last", "contact", "date"};
        for (int i = 0; i < roles.length; i++) {
            text.append(roles[i])
                    .append('=')
                    .append(Mapping.names(header, columns[i] < 0 ? List.of() : List.of(columns[i])))
                    .append('\n');
        }
        return text.append("dates=").append(dates.name()).append('\n').toString();
    }

    /**
     * A remembered choice applied to a new file of the same tool: the columns found by their names (a role
     * remembered as none stays none); empty when it is of another tool or names a column this header lacks.
     */
    Optional<SurveyColumns> withStored(String text, List<String> header) {
        Map<String, String> roles = Mapping.roles(text);
        if (!system.equals(roles.get("system"))) {
            return Optional.empty();
        }
        List<String> names = header.stream().map(Preset::normal).toList();
        try {
            int[] found = new int[5];
            int[] base = {score, name, lastName, contact, date};
            String[] keys = {"score", "name", "last", "contact", "date"};
            for (int i = 0; i < keys.length; i++) {
                String stored = roles.getOrDefault(keys[i], "");
                List<Integer> columns = Mapping.columns(names, stored);
                found[i] = Mapping.NONE.equals(stored) ? -1 : columns.isEmpty() ? base[i] : columns.getFirst();
            }
            if (found[0] < 0) {
                return Optional.empty();
            }
            return Optional.of(new SurveyColumns(
                    system,
                    found[0],
                    found[1],
                    found[2],
                    found[3],
                    found[4],
                    finished,
                    responseType,
                    found[0] == score && stars,
                    Mapping.DateChoice.valueOf(roles.getOrDefault("dates", Mapping.DateChoice.AUTO.name()))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static final Set<String> SCORE_NAMES = Set.of("score", "cijfer", "nps", "antwoord", "rating", "aanbevelen");
    private static final List<String> RECOMMEND =
            List.of("aanbevel", "aanbeveelt", "aanraden", "aanraadt", "recommend", "waarschijnlijk", "likely");
    private static final Set<String> NOT_A_SCORE = Set.of(
            "#",
            "number",
            "nummer",
            "id",
            "respondent_id",
            "collector_id",
            "responseid",
            "progress",
            "duration",
            "duration_(in_seconds)",
            "status",
            "finished",
            "distributionchannel");
    private static final List<String> STAR_WORDS = List.of("star", "sterren", "ster");
    private static final List<String[]> FIRST_LAST = List.of(
            new String[] {"first_name", "last_name"},
            new String[] {"recipientfirstname", "recipientlastname"},
            new String[] {"voornaam", "achternaam"},
            new String[] {"firstname", "lastname"});
    private static final Set<String> NAME_NAMES =
            Set.of("naam", "name", "klant", "customer", "klantnaam", "volledige_naam");
    private static final Set<String> CONTACT_NAMES = Set.of(
            "contact",
            "email",
            "e-mail",
            "telefoon",
            "phone",
            "tel",
            "mail",
            "email_address",
            "e-mailadres",
            "emailadres",
            "recipientemail",
            "e-mail_address",
            "e-mailadres_respondent");
    private static final List<String> DATE_NAMES = List.of(
            "submit_date_(utc)",
            "submitted_at",
            "date_submitted",
            "recordeddate",
            "end_date",
            "enddate",
            "timestamp",
            "tijdstempel",
            "datum",
            "date",
            "created_at",
            "start_date",
            "startdate");

    /**
     * Finds the columns from the header and a sample of the rows under it (extra header rows included).
     *
     * @return the columns; {@code score} is -1 when no column can be the score
     */
    static SurveyColumns find(List<String> header, List<List<String>> sample) {
        List<String> names = header.stream().map(Preset::normal).toList();
        int score = -1;
        for (int i = 0; i < names.size() && score < 0; i++) {
            if (SCORE_NAMES.contains(names.get(i))) {
                score = i;
            }
        }
        // Qualtrics names its NPS question's group column after it: Q1_NPS_GROUP belongs to Q1
        for (int i = 0; i < names.size() && score < 0; i++) {
            if (names.get(i).endsWith("_nps_group")) {
                score = names.indexOf(names.get(i).substring(0, names.get(i).length() - "_nps_group".length()));
            }
        }
        boolean byQuestion = false;
        for (int i = 0; i < names.size() && score < 0; i++) {
            String question = names.get(i) + " " + questionBelow(sample, i);
            if (RECOMMEND.stream().anyMatch(question::contains) && wholeScores(sample, i) > 0) {
                score = i;
                byQuestion = true;
            }
        }
        for (int i = 0; i < names.size() && score < 0; i++) {
            if (!NOT_A_SCORE.contains(names.get(i)) && !names.get(i).endsWith("_id") && wholeScores(sample, i) >= 3) {
                score = i;
            }
        }
        boolean stars = score >= 0 && stars(names, sample, score, byQuestion);
        int name = -1;
        int last = -1;
        for (String[] pair : FIRST_LAST) {
            if (name < 0 && names.contains(pair[0]) && names.contains(pair[1])) {
                name = names.indexOf(pair[0]);
                last = names.indexOf(pair[1]);
            }
        }
        if (name < 0) {
            name = exact(names, NAME_NAMES, score);
        }
        if (name < 0) {
            name = containing(names, List.of("naam", "name"), score);
        }
        int contact = exact(names, CONTACT_NAMES, score);
        if (contact < 0) {
            contact = containing(names, List.of("e-mail", "email", "telefoon", "phone"), score);
        }
        int date = -1;
        for (String candidate : DATE_NAMES) {
            if (date < 0 && names.contains(candidate)) {
                date = names.indexOf(candidate);
            }
        }
        return new SurveyColumns(
                tool(names),
                score,
                name,
                last,
                contact,
                date,
                names.indexOf("finished"),
                names.indexOf("response_type"),
                stars,
                Mapping.DateChoice.AUTO);
    }

    /**
     * Whether a score column holds stars (1 to 5), not 0–10: when its header says so, or when a column not named or
     * asked as a recommendation holds nothing but 1 to 5 in at least twenty answers.
     */
    static boolean stars(List<String> names, List<List<String>> sample, int score, boolean byQuestion) {
        String header = score < names.size() ? names.get(score) : "";
        return maxScore(sample, score) <= 5
                && (STAR_WORDS.stream().anyMatch(header::contains)
                        || !byQuestion
                                && !SCORE_NAMES.contains(header)
                                && !header.contains("score")
                                && !header.contains("cijfer")
                                && !header.contains("nps")
                                && minScore(sample, score) >= 1
                                && wholeScores(sample, score) >= 20);
    }

    /** A file without a header: the score is the first whole number, a date is found by its shape, then name and contact. */
    static SurveyColumns positional(int score, int name, int contact, int date) {
        return new SurveyColumns(OWN, score, name, -1, contact, date, -1, -1, false, Mapping.DateChoice.AUTO);
    }

    /** Whether a row is a response the tool itself calls unfinished. */
    boolean partial(List<String> row) {
        if (finished >= 0 && finished < row.size()) {
            String v = row.get(finished).strip().toLowerCase(Locale.ROOT);
            if (v.equals("false") || v.equals("0") || v.equals("onwaar") || v.equals("nee")) {
                return true;
            }
        }
        if (responseType >= 0 && responseType < row.size()) {
            return row.get(responseType).strip().equalsIgnoreCase("partial");
        }
        return false;
    }

    /** The name, of one column or of a first and a last name. */
    String name(List<String> row) {
        String first = field(row, name);
        String rest = field(row, lastName);
        return (first + " " + rest).strip();
    }

    static String field(List<String> row, int col) {
        return col < 0 || col >= row.size() ? "" : row.get(col).strip();
    }

    private static int wholeScores(List<List<String>> sample, int col) {
        int whole = 0;
        int other = 0;
        for (List<String> row : sample) {
            String v = field(row, col);
            if (v.isEmpty()) {
                continue;
            }
            Integer s = CsvImporter.parseScore(v);
            if (s != null && s >= 0 && s <= 10) {
                whole++;
            } else {
                other++;
            }
        }
        // a few extra header rows or typing errors may sit among the answers
        return other <= Math.max(3, whole / 10) ? whole : 0;
    }

    /** The text under a column in the rows before the first answer (Qualtrics' question row). */
    private static String questionBelow(List<List<String>> sample, int col) {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < Math.min(2, sample.size()); r++) {
            String v = field(sample.get(r), col);
            if (CsvImporter.parseScore(v) == null) {
                text.append(Preset.normal(v)).append(' ');
            }
        }
        return text.toString();
    }

    private static int minScore(List<List<String>> sample, int col) {
        int min = 11;
        for (List<String> row : sample) {
            Integer s = CsvImporter.parseScore(field(row, col));
            if (s != null && s >= 0 && s <= 10) {
                min = Math.min(min, s);
            }
        }
        return min;
    }

    /**
     * Whether a row under the header, whose score is not a number, is one more header row: the question itself
     * (Qualtrics' second row), an import id (its third, {@code {"ImportId":…}}), or a row without a single digit
     * (SurveyMonkey's "Response" row). A short word among answers that have dates or numbers is a typing error.
     */
    static boolean looksLikeHeader(List<String> row, String scoreText) {
        if (scoreText.startsWith("{") || scoreText.length() > 12) {
            return true;
        }
        return row.stream().noneMatch(f -> f.chars().anyMatch(Character::isDigit));
    }

    private static int maxScore(List<List<String>> sample, int col) {
        int max = -1;
        for (List<String> row : sample) {
            Integer s = CsvImporter.parseScore(field(row, col));
            if (s != null && s >= 0 && s <= 10) {
                max = Math.max(max, s);
            }
        }
        return max;
    }

    private static int exact(List<String> names, Set<String> wanted, int not) {
        for (int i = 0; i < names.size(); i++) {
            if (i != not && wanted.contains(names.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int containing(List<String> names, List<String> words, int not) {
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (i != not && words.stream().anyMatch(n::contains)) {
                return i;
            }
        }
        return -1;
    }
}
