package nl.retentiewerkboek.charts;

import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The room screen's charts, for a beamer: big type, few lines, a value on every bar. They show counts and averages of
 * a group, never a participant: the caller passes only those.
 */
public final class RoomCharts {

    /** Drawn at this size and scaled by the page, so the type stays readable from the back of a room. */
    public static final int WIDTH = 1200;

    public static final int HEIGHT = 560;

    private static final Font TICK = new Font(WorksheetCharts.FONT, Font.PLAIN, 26);
    private static final Font LABEL = new Font(WorksheetCharts.FONT, Font.PLAIN, 24);
    private static final Font VALUE = new Font(WorksheetCharts.FONT, Font.BOLD, 28);

    private RoomCharts() {}

    /** How many participants fall in each band (a bar per band), e.g. retention in steps of 10 %; empty bands unlabelled. */
    public static Chart histogram(
            List<String> bands, List<Integer> counts, String bandAxis, String valueAxis, ChartText text) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < bands.size(); i++) {
            data.addValue(counts.get(i), valueAxis, bands.get(i));
        }
        BarRenderer renderer = renderer(WorksheetCharts.numberFormat(text));
        renderer.setMaximumBarWidth(0.09);
        NumberFormat whole = WorksheetCharts.numberFormat(text);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", whole) {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number value = dataset.getValue(row, column);
                return value == null || value.intValue() == 0 ? null : whole.format(value);
            }
        });
        CategoryPlot plot = plot(data, renderer, PlotOrientation.VERTICAL, valueAxis);
        plot.getDomainAxis().setLabel(bandAxis);
        plot.getDomainAxis().setLabelFont(LABEL);
        plot.getDomainAxis().setLabelPaint(WorksheetCharts.MUTED);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setNumberFormatOverride(WorksheetCharts.numberFormat(text));
        return new Chart(chart(plot));
    }

    /** One horizontal bar per label, from 0 to {@code max}, with the value written beside it. */
    public static Chart bars(
            List<String> labels, List<BigDecimal> values, double max, NumberFormat format, String valueAxis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < labels.size(); i++) {
            data.addValue(values.get(i), valueAxis, labels.get(i));
        }
        BarRenderer renderer = renderer(format);
        renderer.setMaximumBarWidth(0.7);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(10);
        CategoryPlot plot = plot(data, renderer, PlotOrientation.HORIZONTAL, valueAxis);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, max * 1.18);
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // no tick above the scale's end
        range.setNumberFormatOverride(format);
        return new Chart(chart(plot));
    }

    private static BarRenderer renderer(NumberFormat format) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, WorksheetCharts.BRAND);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(VALUE);
        renderer.setDefaultItemLabelPaint(WorksheetCharts.INK);
        return renderer;
    }

    private static CategoryPlot plot(
            DefaultCategoryDataset data, BarRenderer renderer, PlotOrientation orientation, String valueAxis) {
        CategoryAxis categories = new CategoryAxis();
        categories.setMaximumCategoryLabelLines(2);
        categories.setTickLabelFont(TICK);
        categories.setTickLabelPaint(WorksheetCharts.INK);
        categories.setAxisLinePaint(WorksheetCharts.GRID);
        NumberAxis values = new NumberAxis(valueAxis);
        values.setUpperMargin(0.18);
        values.setLabelFont(LABEL);
        values.setLabelPaint(WorksheetCharts.MUTED);
        values.setTickLabelFont(TICK);
        values.setTickLabelPaint(WorksheetCharts.INK);
        values.setAxisLinePaint(WorksheetCharts.GRID);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(orientation);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(WorksheetCharts.GRID);
        plot.setInsets(new RectangleInsets(12, 8, 8, 24));
        return plot;
    }

    private static JFreeChart chart(CategoryPlot plot) {
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }
}
