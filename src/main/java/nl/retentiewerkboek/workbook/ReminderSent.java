package nl.retentiewerkboek.workbook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A re-measurement reminder that went into the outbox: once per participant, measurement and kind. */
@Entity
@Table(name = "reminder_sent")
class ReminderSent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participant_id", nullable = false)
    private long participantId;

    @Column(nullable = false)
    private int measurement;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected ReminderSent() {}

    ReminderSent(long participantId, int measurement, String kind, Instant sentAt) {
        this.participantId = participantId;
        this.measurement = measurement;
        this.kind = kind;
        this.sentAt = sentAt;
    }
}
