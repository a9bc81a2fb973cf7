package nl.retentiewerkboek.security;

/**
 * Decides whether one user may look at another participant's workbook (read-only). Implemented
 * by the cohorts feature: a trainer may see the participants of their own cohorts.
 */
public interface CoachingAccess {

    boolean maySee(long viewerId, long participantId);
}
