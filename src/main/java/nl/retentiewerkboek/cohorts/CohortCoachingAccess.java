package nl.retentiewerkboek.cohorts;

import java.util.Collection;
import java.util.Set;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.CoachingAccess;
import nl.retentiewerkboek.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A beheerder may see every participant; a trainer only the participants of their own cohorts. */
@Component
class CohortCoachingAccess implements CoachingAccess {

    private final EnrollmentRepository enrollments;
    private final AccountService accounts;

    CohortCoachingAccess(EnrollmentRepository enrollments, AccountService accounts) {
        this.enrollments = enrollments;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySee(long viewerId, long participantId) {
        Role role = accounts.roleOf(viewerId).orElse(null);
        if (role == Role.BEHEERDER) {
            return accounts.roleOf(participantId).isPresent();
        }
        return role == Role.TRAINER && enrollments.isParticipantOfTrainer(viewerId, participantId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySeeAll(long viewerId, Collection<Long> participantIds) {
        Set<Long> wanted = Set.copyOf(participantIds);
        if (wanted.isEmpty()) {
            return true;
        }
        Role role = accounts.roleOf(viewerId).orElse(null);
        if (role == Role.BEHEERDER) {
            return accounts.summaries(wanted).size() == wanted.size();
        }
        return role == Role.TRAINER && enrollments.countParticipantsOfTrainer(viewerId, wanted) == wanted.size();
    }
}
