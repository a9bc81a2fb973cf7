package nl.retentiewerkboek.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A trainer's weekly digest that went into the outbox: once per trainer and ISO week ({@code 2026-W49}). */
@Entity
@Table(name = "digest_sent")
class DigestSent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trainer_id", nullable = false)
    private long trainerId;

    @Column(nullable = false, length = 10)
    private String week;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected DigestSent() {}

    DigestSent(long trainerId, String week, Instant sentAt) {
        this.trainerId = trainerId;
        this.week = week;
        this.sentAt = sentAt;
    }
}
