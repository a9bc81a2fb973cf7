package nl.retentiewerkboek.actionplan;

import static nl.retentiewerkboek.actionplan.PlanSamples.NL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A typical plan (every worksheet filled in, 10 actions, 4 charts) rendered after warm-up, and 20
 * plans rendered at once. Goal: under 300 ms (aim 100 ms). Prints its numbers; asserts nothing.
 */
@Tag("benchmark")
class PlanPdfBenchmark {

    @Test
    void render_a_typical_plan() throws Exception {
        PlanContent content = PlanSamples.content(
                PlanSamples.workbook(PlanSamples.allWorksheets(), NL), PlanSamples.tenActions(), NL);
        int size = 0;
        for (int i = 0; i < 30; i++) {
            size = PlanPdf.render(content).length;
        }
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            PlanPdf.render(content);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        long t0 = System.nanoTime();
        List<Future<Long>> parallel = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            parallel.add(pool.submit(() -> {
                long s = System.nanoTime();
                PlanPdf.render(content);
                return System.nanoTime() - s;
            }));
        }
        long slowest = 0;
        for (Future<Long> f : parallel) {
            slowest = Math.max(slowest, f.get());
        }
        long wall = System.nanoTime() - t0;
        pool.shutdown();
        String report = String.format(
                Locale.ROOT,
                """
                === PDF action plan benchmark ===
                typical plan (all worksheets, 10 actions, 4 charts, %,d bytes), warm, 50 renders: p50 %.1f ms, p95 %.1f ms, max %.1f ms   (goal < 300 ms, aim 100 ms)
                20 plans at once on %d cores: all done in %.0f ms, slowest single render %.0f ms
                """,
                size,
                nanos[25] / 1e6,
                nanos[47] / 1e6,
                nanos[49] / 1e6,
                Runtime.getRuntime().availableProcessors(),
                wall / 1e6,
                slowest / 1e6);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-pdf.txt"), report);
    }
}
