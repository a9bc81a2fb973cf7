package nl.retentiewerkboek.workbook;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * "Jij en je groep": a participant's own W1 retention, NPS and share of doubters beside their group's median. The
 * median of a number is there only once enough participants of the group have it (five, as on the room screen);
 * until then only how many more are needed. It never holds another participant's number.
 */
public record GroupComparison(String cohortName, Figure retention, Figure nps, Figure doubterShare) {

    /** One number: the participant's own (when filled in), the group's median (when enough), how many more needed. */
    public record Figure(Optional<BigDecimal> mine, Optional<BigDecimal> groupMedian, int needed) {}

    /**
     * Where the workbook asks for it: a port of the workbook, implemented by the cohorts feature, which reads the
     * group and hands out only the signed-in participant's own comparison.
     */
    public interface Source {

        /** The signed-in participant's comparison; empty when they are in no cohort. */
        Optional<GroupComparison> myGroupComparison();
    }
}
