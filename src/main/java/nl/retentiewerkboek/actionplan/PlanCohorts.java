package nl.retentiewerkboek.actionplan;

import java.util.List;
import java.util.Optional;
import nl.retentiewerkboek.security.UserSummary;

/**
 * What the action plan needs to know of cohorts (the plan's cover, the certificate, the ZIP of a cohort's plans): a
 * port of the action plan, implemented by the cohorts feature, which checks access.
 */
public interface PlanCohorts {

    /** The name of the cohort a participant is in; for that participant and their coach. */
    Optional<String> cohortNameOf(long participantId);

    /**
     * The cohort a participant is in (the latest they joined) with the name of its trainer, for the certificate of
     * participation; for that participant and their coach.
     */
    Optional<CohortAndTrainer> cohortAndTrainerOf(long participantId);

    /** A cohort's name and its trainer's name. */
    record CohortAndTrainer(String cohort, String trainer) {}

    /** The participants of one of the signed-in trainer's cohorts. */
    List<UserSummary> participantsOf(long cohortId);
}
