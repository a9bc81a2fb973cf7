package nl.retentiewerkboek.cohorts;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    List<Invitation> findByCohortIdAndEmailIn(long cohortId, Collection<String> emails);

    long countByCohortId(long cohortId);
}
