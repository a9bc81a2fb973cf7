package nl.retentiewerkboek.charts;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleConsumer;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * One chart definition, drawn as SVG for the page or onto any Graphics2D (the PDF): page and PDF
 * share the definition, and JFreeChart stays inside this package.
 */
public final class Chart {

    /** On paper the text keeps the size of the PDF's own small print. */
    static final float PRINT_TEXT = 12f;

    private final JFreeChart chart;
    /** Sets the size of the chart's text (charts with text of a fixed size ignore it). */
    private final DoubleConsumer textSize;

    Chart(JFreeChart chart) {
        this(chart, size -> {});
    }

    Chart(JFreeChart chart, DoubleConsumer textSize) {
        this.chart = chart;
        this.textSize = textSize;
    }

    /** Draws the chart into the area (the PDF passes OpenPDF's vector Graphics2D). */
    public void draw(Graphics2D g2, Rectangle2D area) {
        textSize.accept(PRINT_TEXT);
        chart.draw(g2, area);
    }

    /**
     * The chart as SVG markup for the page. The page scales the drawing to the space it has, so the
     * text is sized relative to the drawing: a 34th of its width, 12 to 22 units. A chart drawn narrow
     * for a phone keeps legible labels; one shown wide on a beamer has labels that grow with it.
     */
    public String toSvg(int width, int height) {
        textSize.accept(screenText(width));
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // ids inside the SVG (clip paths) are unique per drawing: one chart drawn at two widths shares a page
        g2.setDefsKeyPrefix("c" + Integer.toHexString(System.identityHashCode(chart)) + "w" + width);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
    }

    /** For tests in this package: the chart as drawn last. */
    JFreeChart jfree() {
        return chart;
    }

    /** The text size for a drawing this many units wide on a screen. */
    static float screenText(int width) {
        return Math.clamp(width / 34f, 12f, 22f);
    }
}
