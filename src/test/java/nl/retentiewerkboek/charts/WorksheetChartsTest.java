package nl.retentiewerkboek.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.metrics.Nps;
import org.assertj.core.data.Offset;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

class WorksheetChartsTest {

    private static final AppI18NProvider I18N = new AppI18NProvider();
    private static final ChartText TEXT =
            new ChartText(key -> I18N.getTranslation(key, AppI18NProvider.DUTCH), AppI18NProvider.DUTCH);

    /** Two answers at most per score: without whole ticks the axis would read 0 0 1 1 2 2. */
    private static Chart fewAnswers() {
        return WorksheetCharts.npsDistribution(
                Nps.calculate(List.of(0L, 0L, 0L, 0L, 1L, 2L, 0L, 0L, 1L, 0L, 2L)), TEXT);
    }

    @Test
    void the_nps_chart_counts_answers_in_whole_numbers() {
        Chart chart = fewAnswers();
        String svg = chart.toSvg(640, 280);
        NumberAxis answers = (NumberAxis) ((CategoryPlot) chart.jfree().getPlot()).getRangeAxis();
        double step = answers.getTickUnit().getSize();
        assertThat(step).isGreaterThanOrEqualTo(1).isEqualTo(Math.rint(step));
        assertThat(svg).contains(">1<", ">2<");
    }

    @Test
    void one_chart_drawn_wide_and_narrow_on_one_page_shares_no_clip_path_id() {
        Chart chart = fewAnswers();
        Set<String> wide = ids(chart.toSvg(640, 280));
        Set<String> narrow = ids(chart.toSvg(320, 280));
        assertThat(wide).isNotEmpty();
        assertThat(narrow).doesNotContainAnyElementsOf(wide);
    }

    private static Set<String> ids(String svg) {
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile("id=[\"']([^\"']+)[\"']").matcher(svg);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void labels_are_sized_to_the_drawing_so_a_phone_and_a_beamer_can_read_them() {
        Chart chart = fewAnswers();
        CategoryPlot plot = (CategoryPlot) chart.jfree().getPlot();

        chart.toSvg(320, 280); // a phone: the drawing is shown about as wide as it is drawn
        assertThat(plot.getRangeAxis().getTickLabelFont().getSize2D()).isEqualTo(12f);

        chart.toSvg(640, 280); // 640 / 34 = 18.8 units, scaled with the picture on a wide screen
        assertThat(plot.getRangeAxis().getTickLabelFont().getSize2D()).isCloseTo(18.8f, Offset.offset(0.1f));

        chart.toSvg(1920, 800); // never larger than 22 units
        assertThat(plot.getRangeAxis().getTickLabelFont().getSize2D()).isEqualTo(22f);
    }
}
