package nl.retentiewerkboek.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.retentiewerkboek.metrics.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonLoaderTest {

    private final LessonLoader loader = new LessonLoader(new MarkdownRenderer());

    private static final String GOOD = """
            ---
            id: proef
            order: 1
            title: Een proefles
            worksheet: retentiemeter
            minutes: 5
            objectives:
              - Je leert iets.
            ---

            ## Begin

            Tekst.
            """;

    private Lesson load(String text) {
        return loader.load("nl/01-proef.md", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_good_lesson_is_read_with_all_its_fields() {
        Lesson lesson = load(GOOD);
        assertThat(lesson.id()).isEqualTo("proef");
        assertThat(lesson.order()).isEqualTo(1);
        assertThat(lesson.title()).isEqualTo("Een proefles");
        assertThat(lesson.worksheet()).contains(Worksheet.RETENTIEMETER);
        assertThat(lesson.minutes()).isEqualTo(5);
        assertThat(lesson.objectives()).containsExactly("Je leert iets.");
        assertThat(lesson.html()).contains("<h2>Begin</h2>");
    }

    @Test
    void a_page_without_worksheet_is_not_a_module() {
        Lesson lesson = load(GOOD.replace("worksheet: retentiemeter", "worksheet:"));
        assertThat(lesson.isModule()).isFalse();
    }

    @Test
    void an_unknown_worksheet_is_refused_naming_the_file() {
        assertThatThrownBy(() -> load(GOOD.replace("retentiemeter", "bestaatniet")))
                .isInstanceOf(LessonContentException.class)
                .hasMessageContaining("nl/01-proef.md")
                .hasMessageContaining("unknown worksheet 'bestaatniet'");
    }

    @Test
    void missing_front_matter_is_refused_naming_the_file() {
        assertThatThrownBy(() -> load("## Geen front matter"))
                .hasMessageContaining("nl/01-proef.md")
                .hasMessageContaining("front matter");
    }

    @Test
    void unclosed_front_matter_is_refused() {
        assertThatThrownBy(() -> load("---\nid: x\n"))
                .hasMessageContaining("nl/01-proef.md")
                .hasMessageContaining("not closed");
    }

    @Test
    void invalid_yaml_is_refused_naming_the_file() {
        assertThatThrownBy(() -> load(GOOD.replace("minutes: 5", "minutes: [5")))
                .isInstanceOf(LessonContentException.class)
                .hasMessageContaining("nl/01-proef.md");
    }

    @Test
    void every_required_field_is_checked() {
        assertThatThrownBy(() -> load(GOOD.replace("title: Een proefles\n", "")))
                .hasMessageContaining("'title'");
        assertThatThrownBy(() -> load(GOOD.replace("order: 1", "order: eerste")))
                .hasMessageContaining("'order'");
        assertThatThrownBy(() -> load(GOOD.replace("minutes: 5", "minutes: -1")))
                .hasMessageContaining("'minutes'");
        assertThatThrownBy(() -> load(GOOD.replace("worksheet: retentiemeter\n", "")))
                .hasMessageContaining("'worksheet'");
        assertThatThrownBy(() -> load(GOOD.replace("objectives:\n  - Je leert iets.\n", "objectives: []\n")))
                .hasMessageContaining("'objectives'");
        assertThatThrownBy(() -> load(GOOD.replace("id: proef", "id: Proef Les")))
                .hasMessageContaining("id 'Proef Les'");
        assertThatThrownBy(() -> load(GOOD.replace("minutes: 5", "minutes: 5\nauteur: iemand")))
                .hasMessageContaining("unknown front matter field 'auteur'");
    }

    @Test
    void a_lesson_without_text_is_refused() {
        assertThatThrownBy(() -> load(GOOD.substring(0, GOOD.indexOf("## Begin"))))
                .hasMessageContaining("no text");
    }

    @Test
    void a_hostile_lesson_is_rendered_harmless() {
        Lesson lesson = load(GOOD + "\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n");
        assertThat(lesson.html()).doesNotContain("<script", "javascript:");
    }

    @Test
    void a_catalogue_with_a_broken_lesson_fails_naming_the_file(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("nl"));
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("nl/01-proef.md"), GOOD);
        Files.writeString(dir.resolve("en/01-proef.md"), GOOD.replace("retentiemeter", "onbekend"));
        assertThatThrownBy(() -> LessonCatalogue.fromDirectory(dir))
                .isInstanceOf(LessonContentException.class)
                .hasMessageContaining("en/01-proef.md");
    }

    @Test
    void both_languages_must_have_the_same_lessons(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("nl"));
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("nl/01-proef.md"), GOOD);
        Files.writeString(dir.resolve("en/01-proef.md"), GOOD.replace("id: proef", "id: test"));
        assertThatThrownBy(() -> LessonCatalogue.fromDirectory(dir))
                .hasMessageContaining("does not have the same lessons");
    }

    @Test
    void two_lessons_with_one_id_are_refused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("nl"));
        Files.writeString(dir.resolve("nl/01-proef.md"), GOOD);
        Files.writeString(dir.resolve("nl/02-proef.md"), GOOD.replace("order: 1", "order: 2"));
        assertThatThrownBy(() -> LessonCatalogue.fromDirectory(dir))
                .hasMessageContaining("nl/02-proef.md")
                .hasMessageContaining("id 'proef'");
    }
}
