package nl.retentiewerkboek.cohorts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CohortRepository extends JpaRepository<Cohort, Long> {

    List<Cohort> findByTrainerIdOrderByStartsOnDescNameAsc(long trainerId);

    List<Cohort> findAllByOrderByStartsOnDescNameAsc();

    Optional<Cohort> findByJoinCode(String joinCode);

    boolean existsByJoinCode(String joinCode);
}
