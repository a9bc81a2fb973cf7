package nl.retentiewerkboek.workbook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A participant marked a lesson as read. */
@Entity
@Table(name = "lesson_read")
class LessonRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "lesson_id", nullable = false, length = 100)
    private String lessonId;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected LessonRead() {}

    LessonRead(long ownerId, String lessonId, Instant readAt) {
        this.ownerId = ownerId;
        this.lessonId = lessonId;
        this.readAt = readAt;
    }

    long getOwnerId() {
        return ownerId;
    }

    String getLessonId() {
        return lessonId;
    }
}
