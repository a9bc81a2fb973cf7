package nl.retentiewerkboek.lessons;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * Markdown to safe HTML. Raw HTML in a lesson is escaped by flexmark (it shows as text), and the
 * output is cleaned again by jsoup against an allow-list: no scripts, no event handlers, no
 * {@code javascript:} or {@code data:} links, no images or frames. Blockquotes that open with a
 * bold label become callouts.
 */
public final class MarkdownRenderer {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Safelist safelist;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SUPPRESS_HTML, false);
        options.set(TablesExtension.CLASS_NAME, "lesson-table");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.safelist = new Safelist()
                .addTags(
                        "h2",
                        "h3",
                        "h4",
                        "p",
                        "ul",
                        "ol",
                        "li",
                        "strong",
                        "em",
                        "code",
                        "pre",
                        "blockquote",
                        "hr",
                        "br",
                        "table",
                        "thead",
                        "tbody",
                        "tr",
                        "th",
                        "td",
                        "a")
                .addAttributes("a", "href")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addProtocols("a", "href", "https", "http", "mailto")
                .addEnforcedAttribute("a", "rel", "noopener noreferrer");
    }

    /** The body of a lesson as sanitised HTML, one root element. */
    public String render(String markdown) {
        String raw = renderer.render(parser.parse(markdown));
        String clean = Jsoup.clean(raw, safelist);
        Document doc = Jsoup.parseBodyFragment(clean);
        for (Element quote : doc.select("blockquote")) {
            Element first = quote.selectFirst("p > strong:first-child");
            if (first != null && first.parent() == quote.child(0)) {
                quote.addClass("callout");
                String label = first.text().toLowerCase(Locale.ROOT);
                quote.addClass("callout-" + kind(label));
                first.addClass("callout-label");
            }
        }
        // "€ 124.123" and "80 %" stay on one line, as the worksheets write them
        doc.body().traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                String whole = text.getWholeText();
                String kept = whole.replaceAll("€ (?=[0-9])", "€\u00a0").replaceAll("(?<=[0-9]) %", "\u00a0%");
                if (!kept.equals(whole)) {
                    text.text(kept);
                }
            }
        });
        for (Element table : doc.select("table")) {
            table.addClass("lesson-table");
            table.wrap("<div class=\"table-scroll\"></div>");
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    private static String kind(String label) {
        if (label.contains("morgen") || label.contains("tomorrow")) {
            return "action";
        }
        if (label.contains("voorbeeld") || label.contains("example")) {
            return "example";
        }
        if (label.contains("fout")
                || label.contains("mistake")
                || label.contains("let op")
                || label.contains("watch out")) {
            return "warning";
        }
        return "note";
    }

    /** Words in a Markdown text, counted as a reader would: markup characters are not words. */
    public static int countWords(String markdown) {
        String text = markdown.replaceAll("[#>*_|`\\-]+", " ").trim();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }
}
