package nl.retentiewerkboek.cohorts;

import org.springframework.data.jpa.repository.JpaRepository;

interface DigestSentRepository extends JpaRepository<DigestSent, Long> {

    boolean existsByTrainerIdAndWeek(long trainerId, String week);
}
