package nl.retentiewerkboek.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.retentiewerkboek.metrics.Worksheet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads one lesson file: front matter between {@code ---} lines, then the Markdown body. */
public final class LessonLoader {

    static final Set<String> KEYS =
            Set.of("id", "order", "title", "worksheet", "minutes", "objectives", "example_inputs", "example_results");

    private final MarkdownRenderer markdown;

    public LessonLoader(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    public Lesson load(String source, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            throw fail(source, "it does not start with front matter (a line '---')");
        }
        int close = text.indexOf("\n---", 3);
        if (close < 0) {
            throw fail(source, "its front matter is not closed by a line '---'");
        }
        String front = text.substring(4, close + 1);
        int bodyStart = text.indexOf('\n', close + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);

        Map<String, Object> fields = parseFrontMatter(source, front);
        for (String key : fields.keySet()) {
            if (!KEYS.contains(key)) {
                throw fail(
                        source,
                        "unknown front matter field '" + key + "' (known: "
                                + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String id = requiredText(source, fields, "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw fail(source, "id '" + id + "' must be lower case words joined by '-'");
        }
        int order = requiredNumber(source, fields, "order");
        String title = requiredText(source, fields, "title");
        int minutes = requiredNumber(source, fields, "minutes");
        if (!fields.containsKey("worksheet")) {
            throw fail(
                    source,
                    "front matter field 'worksheet' is missing (leave it empty for a page without a worksheet)");
        }
        Object worksheetValue = fields.get("worksheet");
        Optional<Worksheet> worksheet = Optional.empty();
        if (worksheetValue != null && !worksheetValue.toString().isBlank()) {
            String wanted = worksheetValue.toString().strip();
            worksheet = Worksheet.fromId(wanted);
            if (worksheet.isEmpty()) {
                throw fail(source, "unknown worksheet '" + wanted + "'");
            }
        }
        Object objectivesValue = fields.get("objectives");
        if (!(objectivesValue instanceof List<?> list) || list.isEmpty()) {
            throw fail(source, "front matter field 'objectives' must be a list of at least one learning goal");
        }
        List<String> objectives = new ArrayList<>();
        for (Object o : list) {
            if (o == null
                    || o instanceof Map
                    || o instanceof List
                    || o.toString().isBlank()) {
                throw fail(source, "every objective must be a line of text");
            }
            objectives.add(o.toString().strip());
        }
        if (body.isBlank()) {
            throw fail(source, "the lesson has no text after the front matter");
        }
        return new Lesson(
                id,
                order,
                title,
                worksheet,
                minutes,
                objectives,
                markdown.render(body),
                MarkdownRenderer.countWords(body),
                optionalText(fields, "example_inputs"),
                optionalText(fields, "example_results"),
                source,
                questions(body));
    }

    /** The headings under which a lesson asks the reader its questions, in each language. */
    static final Set<String> QUESTION_HEADINGS = Set.of("## Vragen voor jezelf", "## Questions for you");

    private static final Pattern NUMBERED = Pattern.compile("^\\d+\\.\\s+(.+)$");

    /** The numbered list under the questions heading, as plain text (no Markdown emphasis); empty when there is none. */
    static List<String> questions(String body) {
        List<String> found = new ArrayList<>();
        boolean inSection = false;
        for (String line : body.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                if (inSection) {
                    break;
                }
                inSection = QUESTION_HEADINGS.contains(stripped);
                continue;
            }
            if (!inSection) {
                continue;
            }
            Matcher numbered = NUMBERED.matcher(stripped);
            if (numbered.matches()) {
                found.add(numbered.group(1).replace("**", "").replace("*", "").strip());
            } else if (!found.isEmpty() && !stripped.isEmpty()) {
                break; // the list ended (a tip or paragraph follows)
            }
        }
        return found;
    }

    private static Map<String, Object> parseFrontMatter(String source, String front) {
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(front);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw fail(source, "its front matter is not a list of 'key: value' lines");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            return fields;
        } catch (YAMLException e) {
            throw new LessonContentException(source + ": its front matter is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static String requiredText(String source, Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value == null
                || value instanceof Map
                || value instanceof List
                || value.toString().isBlank()) {
            throw fail(source, "front matter field '" + key + "' is missing or empty");
        }
        return value.toString().strip();
    }

    private static int requiredNumber(String source, Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (!(value instanceof Integer number) || number < 0) {
            throw fail(source, "front matter field '" + key + "' must be a whole number of 0 or more");
        }
        return number;
    }

    private static Optional<String> optionalText(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        return value == null || value.toString().isBlank()
                ? Optional.empty()
                : Optional.of(value.toString().strip());
    }

    private static LessonContentException fail(String source, String what) {
        return new LessonContentException(source + ": " + what);
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
