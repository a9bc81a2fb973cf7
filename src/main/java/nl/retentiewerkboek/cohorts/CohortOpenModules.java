package nl.retentiewerkboek.cohorts;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import nl.retentiewerkboek.workbook.OpenModules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which modules are open to a participant, from their (not archived) cohorts. */
@Service
@PreAuthorize("isAuthenticated()")
class CohortOpenModules implements OpenModules {

    private final CohortRepository cohorts;
    private final EnrollmentRepository enrollments;

    CohortOpenModules(CohortRepository cohorts, EnrollmentRepository enrollments) {
        this.cohorts = cohorts;
        this.enrollments = enrollments;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Set<String>> openModulesFor(long participantId) {
        Set<String> open = new HashSet<>();
        for (Enrollment e : enrollments.findByParticipantIdOrderByJoinedAtDesc(participantId)) {
            Optional<Cohort> cohort = cohorts.findById(e.getCohortId()).filter(c -> !c.isArchived());
            if (cohort.isEmpty()) {
                continue;
            }
            Optional<Set<String>> modules = cohort.get().getOpenModules();
            if (modules.isEmpty()) {
                return Optional.empty();
            }
            open.addAll(modules.get());
        }
        return open.isEmpty() ? Optional.empty() : Optional.of(open);
    }
}
