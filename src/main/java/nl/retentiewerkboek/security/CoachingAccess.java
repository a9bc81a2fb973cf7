package nl.retentiewerkboek.security;

import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;

/**
 * Decides whether one user may look at another participant's workbook (read-only). Implemented
 * by the cohorts feature: a trainer may see the participants of their own cohorts.
 */
public interface CoachingAccess {

    boolean maySee(long viewerId, long participantId);

    /** Whether the viewer may see every one of these participants (one question, whatever their number). */
    default boolean maySeeAll(long viewerId, Collection<Long> participantIds) {
        return participantIds.stream().allMatch(id -> maySee(viewerId, id));
    }

    /** {@link #maySeeAll}, or refused. */
    default void requireCoachOfAll(long viewerId, Collection<Long> participantIds) {
        if (!maySeeAll(viewerId, participantIds)) {
            throw new AccessDeniedException("not your participant");
        }
    }

    /** The one "self or coach" rule: the participant themselves, or a coach who may see them; else refused. */
    default void requireSelfOrCoach(long viewerId, long participantId) {
        if (viewerId != participantId && !maySee(viewerId, participantId)) {
            throw new AccessDeniedException("not your participant");
        }
    }
}
