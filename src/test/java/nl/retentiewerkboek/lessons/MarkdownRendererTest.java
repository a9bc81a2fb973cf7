package nl.retentiewerkboek.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void an_amount_or_a_percentage_stays_on_one_line() {
        String html = renderer.render(
                "Je verliest € 124.123 per jaar, in **€ 56.678** marge, bij 80 % retentie. Los: € en %.");
        assertThat(html).contains("€&nbsp;124.123", "€&nbsp;56.678", "80&nbsp;%", "€ en %");
    }

    @Test
    void headings_lists_tables_and_emphasis_render() {
        String html = renderer.render("""
                ## Kop

                Tekst met **vet** en *schuin*.

                - een
                - twee

                | a | b |
                |---|---|
                | 1 | 2 |
                """);
        assertThat(html)
                .contains(
                        "<h2>Kop</h2>",
                        "<strong>vet</strong>",
                        "<em>schuin</em>",
                        "<li>een</li>",
                        "<table class=\"lesson-table\">",
                        "<td>1</td>");
    }

    @Test
    void a_blockquote_with_a_bold_label_becomes_a_callout() {
        String html = renderer.render("""
                > **Doe dit morgen**
                > Tel je klanten.
                """);
        assertThat(html).contains("class=\"callout callout-action\"", "class=\"callout-label\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert('x')</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">klik</a>",
                "[klik](javascript:alert(1))",
                "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "<iframe src=\"https://example.org\"></iframe>",
                "<div onclick=\"alert(1)\">x</div>",
                "![plaatje](javascript:alert(1))",
                "<svg onload=alert(1)>",
                "[klik](JaVaScRiPt:alert(1))",
                "<style>body{display:none}</style>"
            })
    void hostile_lesson_markdown_never_yields_active_content(String hostile) {
        String html = renderer.render("Tekst\n\n" + hostile + "\n\nMeer tekst");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, img, iframe, svg, style, object, embed, form, input"))
                .isEmpty();
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(html).doesNotStartWith("on").isNotIn("src", "style");
                assertThat(attribute.getValue().toLowerCase().strip())
                        .as(html)
                        .doesNotStartWith("javascript:")
                        .doesNotStartWith("data:");
            }
        }
        assertThat(doc.text()).contains("Tekst", "Meer tekst");
    }

    @Test
    void raw_html_is_shown_as_text_not_dropped_silently() {
        String html = renderer.render("Gebruik <b>geen</b> html");
        assertThat(html).contains("&lt;b&gt;geen&lt;/b&gt;");
    }

    @Test
    void safe_links_keep_working_and_cannot_open_a_window_reference() {
        String html = renderer.render("[uitleg](https://example.org/pagina)");
        assertThat(html).contains("href=\"https://example.org/pagina\"", "rel=\"noopener noreferrer\"");
    }

    @Test
    void words_are_counted_without_markup() {
        assertThat(MarkdownRenderer.countWords("## Kop\n\n> **Let op** dit - is *tekst*\n\n| a | b |"))
                .isEqualTo(8);
    }
}
