package nl.retentiewerkboek.charts;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders a chart definition to SVG markup for the page. */
public final class SvgCharts {

    private SvgCharts() {
    }

    public static String toSvg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("c" + Integer.toHexString(System.identityHashCode(chart)));
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(null, false, new org.jfree.svg.ViewBox(0, 0, width, height), null, null);
    }
}
