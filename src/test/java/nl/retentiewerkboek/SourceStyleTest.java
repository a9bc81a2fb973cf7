package nl.retentiewerkboek;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter (Spotless, checked in {@code verify}) cannot see: code names a class by its import, not by its
 * fully qualified name. Comments and strings may name what they like.
 */
class SourceStyleTest {

    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|jakarta|org|com|nl|tools|de|io|net)\\.(?:[a-z_][a-z0-9_]*\\.)+)([A-Z]\\w*)");
    private static final Pattern HEADER = Pattern.compile("(?m)^(?:package|import) .*;$");

    /** Where a simple name is taken, so the class must be named in full. */
    private static final Set<String> ALLOWED = Set.of(
            "PlanPdf.java java.awt.Font", // OpenPDF's Font is the imported one
            "H2ConnectionErrors.java java.lang.Override"); // Hikari's nested enum Override hides the annotation

    @Test
    void code_uses_imports_instead_of_fully_qualified_class_names() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = codeOnly(Files.readString(file));
                    Matcher m = QUALIFIED.matcher(code);
                    while (m.find()) {
                        String name = file.getFileName() + " " + m.group(1) + m.group(2);
                        if (!ALLOWED.contains(name)) {
                            found.add(file + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("fully qualified class names in code (import them)")
                .isEmpty();
    }

    @Test
    void the_check_sees_a_qualified_name_in_code_but_not_in_comments_or_strings() {
        String source = "package a;\nimport java.util.List;\n/** {@link java.util.Map} */\nclass X {\n"
                + "  String s = \"java.util.Set\"; // java.util.Queue\n  java.util.Optional<String> o;\n}\n";
        Matcher m = QUALIFIED.matcher(codeOnly(source));
        List<String> hits = new ArrayList<>();
        while (m.find()) {
            hits.add(m.group());
        }
        assertThat(hits).containsExactly("java.util.Optional");
    }

    /** The source after its package and import lines, with comments, strings, text blocks and chars blanked out. */
    static String codeOnly(String source) {
        int headerEnd = 0;
        Matcher header = HEADER.matcher(source);
        while (header.find()) {
            headerEnd = header.end();
        }
        StringBuilder code = new StringBuilder();
        int i = headerEnd;
        int n = source.length();
        while (i < n) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? n : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int j = i + 1;
                while (j < n && source.charAt(j) != quote) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                code.append(source.charAt(i));
                i++;
                continue;
            }
            code.append(' ');
        }
        return code.toString();
    }
}
