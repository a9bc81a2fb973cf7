package nl.retentiewerkboek.security;

import java.util.List;
import java.util.Optional;

/**
 * Who is in which cohort, as other features need to know it (the action plan's cover, the ZIP of a
 * cohort's plans). Implemented by the cohorts feature, which checks access.
 */
public interface CohortMembership {

    /** The name of the cohort a participant is in; for that participant and their coach. */
    Optional<String> cohortNameOf(long participantId);

    /** The participants of one of the signed-in trainer's cohorts. */
    List<UserSummary> participantsOf(long cohortId);
}
