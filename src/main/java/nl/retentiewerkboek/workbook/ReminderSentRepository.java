package nl.retentiewerkboek.workbook;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReminderSentRepository extends JpaRepository<ReminderSent, Long> {

    boolean existsByParticipantIdAndMeasurementAndKind(long participantId, int measurement, String kind);
}
