package nl.retentiewerkboek.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OutboxMailRepository extends JpaRepository<OutboxMail, Long> {

    /** Unsent mails whose next attempt is due, oldest first. */
    @Query(
            "select m from OutboxMail m where m.sentAt is null and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
    List<OutboxMail> due(Instant now, Pageable page);

    /** Mails whose link is still kept although they were sent or the link expired. */
    @Query(
            "select m from OutboxMail m where m.secretLink is not null and (m.sentAt is not null or m.linkExpiresAt <= :now)")
    List<OutboxMail> withStaleLinks(Instant now);

    List<OutboxMail> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

    @Modifying
    @Query("delete from OutboxMail m where lower(m.recipient) = lower(:recipient)")
    int deleteByRecipient(String recipient);

    long countBySentAtIsNull();
}
