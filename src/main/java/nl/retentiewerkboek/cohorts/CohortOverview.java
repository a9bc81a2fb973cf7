package nl.retentiewerkboek.cohorts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.retentiewerkboek.metrics.RetentionResult;

/** A cohort as its trainer sees it: the group and each participant's progress. */
public record CohortOverview(long id, String name, Optional<LocalDate> startsOn, Optional<String> location,
                             String trainerName, List<ParticipantRow> participants) {

    public CohortOverview {
        participants = List.copyOf(participants);
    }

    /** One participant's line: modules done of total, and W1's result once filled in. */
    public record ParticipantRow(long id, String name, String company, int done, int total,
                                 Optional<RetentionResult> retention) {
    }
}
