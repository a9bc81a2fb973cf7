package nl.retentiewerkboek.cohorts;

/** Something about a cohort as a whole changed (a participant joined, modules were opened): its dashboards refresh. */
public record CohortChanged(long cohortId) {}
