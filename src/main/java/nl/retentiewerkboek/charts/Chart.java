package nl.retentiewerkboek.charts;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * One chart definition, drawn as SVG for the page or onto any Graphics2D (the PDF): page and PDF
 * share the definition, and JFreeChart stays inside this package.
 */
public final class Chart {

    private final JFreeChart chart;

    Chart(JFreeChart chart) {
        this.chart = chart;
    }

    /** Draws the chart into the area (the PDF passes OpenPDF's vector Graphics2D). */
    public void draw(Graphics2D g2, Rectangle2D area) {
        chart.draw(g2, area);
    }

    /** The chart as SVG markup for the page. */
    public String toSvg(int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("c" + Integer.toHexString(System.identityHashCode(chart)));
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
    }
}
