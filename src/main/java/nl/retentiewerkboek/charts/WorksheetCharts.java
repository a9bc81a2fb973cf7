package nl.retentiewerkboek.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.math.BigDecimal;
import java.text.NumberFormat;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.DraaideurResult;
import nl.retentiewerkboek.metrics.KostenResult;
import nl.retentiewerkboek.metrics.LeaveReason;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.NpsResult;
import nl.retentiewerkboek.metrics.RedenenResult;
import nl.retentiewerkboek.metrics.TeamsportResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart definitions of the worksheets. Each takes a result object and returns a {@link Chart} (a JFreeChart inside)
 * that the page renders to SVG and the PDF draws as vectors: one definition, two renderers.
 */
public final class WorksheetCharts {

    static final Color INK = new Color(0x1f2a37);
    static final Color MUTED = new Color(0x4b5563);
    static final Color GRID = new Color(0xdcdad3);
    static final Color BRAND = new Color(0x0f5c63);
    static final Color ACCENT = new Color(0xb4541b);
    static final Color GOOD = new Color(0x1e6b3a);
    static final Color BAD = new Color(0xa12622);
    static final String FONT = "DejaVu Sans";

    private WorksheetCharts() {}

    /** W2: customers per period when nothing changes versus with the improvement. */
    public static Chart customerCurves(KostenResult result, ChartText text) {
        XYSeries nothing = new XYSeries(text.t("chart.kosten.nothing"));
        XYSeries improved = new XYSeries(text.t("chart.kosten.improved"));
        for (int k = 0; k < result.nothing().size(); k++) {
            nothing.add(k, result.nothing().get(k));
            improved.add(k, result.improved().get(k));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(improved);
        data.addSeries(nothing);
        NumberAxis x = new NumberAxis(
                text.t("chart.periods." + result.retention().period().key()));
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits(text.locale()));
        x.setNumberFormatOverride(numberFormat(text));
        NumberAxis y = new NumberAxis(text.t("chart.customers"));
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(text.locale()));
        y.setNumberFormatOverride(numberFormat(text));
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, GOOD);
        renderer.setSeriesPaint(1, BAD);
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesStroke(
                1, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return fitted(styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true), plot), plot);
    }

    /** W3: customers in and out of one period: start, new, lost, end. */
    public static Chart revolvingDoor(DraaideurResult result, ChartText text) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text.t("chart.customers");
        data.addValue(result.retention().start(), series, text.t("chart.draaideur.start"));
        data.addValue(result.retention().newCustomers(), series, text.t("chart.draaideur.new"));
        data.addValue(result.retention().lost(), series, text.t("chart.draaideur.lost"));
        data.addValue(result.retention().end(), series, text.t("chart.draaideur.end"));
        BarRenderer renderer = bars(text);
        renderer.setSeriesPaint(0, BRAND);
        CategoryPlot plot = categoryPlot(data, text, renderer, PlotOrientation.VERTICAL, null);
        return fitted(styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false), plot), plot);
    }

    /** W7: every department's score from 1 to 5. */
    public static Chart teamScores(TeamsportResult result, ChartText text) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text.t("chart.teamsport.score");
        for (Department department : Department.values()) {
            data.addValue(result.scores().get(department), series, text.t("department." + department.key()));
        }
        BarRenderer renderer = bars(text);
        renderer.setSeriesPaint(0, BRAND);
        CategoryPlot plot = categoryPlot(data, text, renderer, PlotOrientation.HORIZONTAL, series);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(6);
        renderer.setMaximumBarWidth(0.7);
        // department names stay whole on one line, also when the chart is drawn narrow for a phone
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 5.4);
        return fitted(styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false), plot), plot);
    }

    /** W4: answers per score 0..10, coloured: detractors, doubters (4–6), passives, promoters. */
    public static Chart npsDistribution(NpsResult result, ChartText text) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text.t("chart.nps.answers");
        for (int score = 0; score <= 10; score++) {
            data.addValue(result.counts().get(score), series, Integer.toString(score));
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                if (column >= 9) {
                    return GOOD;
                }
                if (column >= 7) {
                    return MUTED;
                }
                return column >= 4 ? ACCENT : BAD;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", numberFormat(text)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelPaint(INK);
        CategoryPlot plot = categoryPlot(data, text, renderer, PlotOrientation.VERTICAL, series);
        plot.getDomainAxis().setLabel(text.t("chart.nps.score"));
        return fitted(styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false), plot), plot);
    }

    /** W6: customers lost per category of reason. */
    public static Chart reasons(RedenenResult result, ChartText text) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text.t("chart.customers");
        for (LeaveReason.Category category : LeaveReason.Category.values()) {
            data.addValue(result.byCategory().get(category), series, text.t("category." + category.key()));
        }
        BarRenderer renderer = bars(text);
        renderer.setSeriesPaint(0, ACCENT);
        CategoryPlot plot = categoryPlot(data, text, renderer, PlotOrientation.VERTICAL, null);
        return fitted(styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false), plot), plot);
    }

    private static BarRenderer bars(ChartText text) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", numberFormat(text)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelPaint(INK);
        return renderer;
    }

    private static CategoryPlot categoryPlot(
            DefaultCategoryDataset data,
            ChartText text,
            BarRenderer renderer,
            PlotOrientation orientation,
            String rangeLabel) {
        CategoryAxis categories = new CategoryAxis();
        categories.setMaximumCategoryLabelLines(2);
        NumberAxis values = new NumberAxis(rangeLabel == null ? text.t("chart.customers") : rangeLabel);
        // every value axis here counts (customers, answers, a score): whole numbers only, never 0 0 1 1 2 2
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(text.locale()));
        values.setNumberFormatOverride(numberFormat(text));
        values.setUpperMargin(0.15);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(orientation);
        return plot;
    }

    private static JFreeChart styled(JFreeChart chart, Plot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(8, 4, 4, 12));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            style(xy.getDomainAxis());
            style(xy.getRangeAxis());
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            style(cat.getDomainAxis());
            style(cat.getRangeAxis());
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemPaint(INK);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.TOP);
        }
        return chart;
    }

    private static void style(Axis axis) {
        axis.setLabelPaint(MUTED);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(GRID);
    }

    /** The chart with its text sized as it is drawn (see {@link Chart#toSvg}). */
    private static Chart fitted(JFreeChart chart, Plot plot) {
        return new Chart(chart, size -> fit(chart, plot, (float) size));
    }

    private static void fit(JFreeChart chart, Plot plot, float size) {
        Font tick = new Font(FONT, Font.PLAIN, 12).deriveFont(size);
        Font label = tick.deriveFont(size + 1);
        Font value = tick.deriveFont(Font.BOLD, size + 1);
        if (plot instanceof XYPlot xy) {
            fonts(xy.getDomainAxis(), label, tick);
            fonts(xy.getRangeAxis(), label, tick);
        } else if (plot instanceof CategoryPlot cat) {
            fonts(cat.getDomainAxis(), label, tick);
            fonts(cat.getRangeAxis(), label, tick);
            if (cat.getRenderer() instanceof BarRenderer bars) {
                bars.setDefaultItemLabelFont(value);
            }
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(label);
        }
    }

    private static void fonts(Axis axis, Font label, Font tick) {
        axis.setLabelFont(label);
        axis.setTickLabelFont(tick);
    }

    /** Whole numbers grouped as in the user's language, for axes and labels. */
    static NumberFormat numberFormat(ChartText text) {
        return LocaleNumbers.wholeNumberFormat(text.locale());
    }

    /** A number written as the chart writes it, for the text alternative. */
    public static String number(BigDecimal value, ChartText text) {
        return LocaleNumbers.whole(value, text.locale());
    }
}
