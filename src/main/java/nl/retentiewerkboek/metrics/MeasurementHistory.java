package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Retention per measurement, with the change against the measurement before it (in percentage points). */
public final class MeasurementHistory {

    /** W10's field with the planned re-measure date (ISO date). */
    public static final String REMEASURE_FIELD = "remeasure";
    /** Without a planned date, the re-measurement is due this many days after the last measurement. */
    public static final int DEFAULT_REMEASURE_DAYS = 90;

    /** One measurement's workbook and the day it was measured. */
    public record Input(int number, Optional<LocalDate> measuredOn, Workbook workbook) {}

    /** One line of the history. */
    public record Row(
            int number,
            Optional<LocalDate> measuredOn,
            Optional<RetentiemeterResult> retention,
            Optional<BigDecimal> change) {}

    private MeasurementHistory() {}

    public static List<Row> of(List<Input> measurements) {
        List<Row> rows = new ArrayList<>();
        Optional<RetentiemeterResult> previous = Optional.empty();
        for (Input m : measurements) {
            Optional<RetentiemeterResult> r = m.workbook().retentiemeter().result();
            Optional<BigDecimal> change = r.isPresent() && previous.isPresent()
                    ? Optional.of(r.get().retention().subtract(previous.get().retention()))
                    : Optional.empty();
            rows.add(new Row(m.number(), m.measuredOn(), r, change));
            if (r.isPresent()) {
                previous = r;
            }
        }
        return rows;
    }
}
