package nl.retentiewerkboek.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * Decides whether one user may look at another participant's workbook (read-only). Implemented
 * by the cohorts feature: a trainer may see the participants of their own cohorts.
 */
public interface CoachingAccess {

    boolean maySee(long viewerId, long participantId);

    /** The one "self or coach" rule: the participant themselves, or a coach who may see them; else refused. */
    default void requireSelfOrCoach(long viewerId, long participantId) {
        if (viewerId != participantId && !maySee(viewerId, participantId)) {
            throw new AccessDeniedException("not your participant");
        }
    }
}
