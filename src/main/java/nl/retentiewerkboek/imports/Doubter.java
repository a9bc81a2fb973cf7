package nl.retentiewerkboek.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A survey answer of 4, 5 or 6 with a name or contact: someone to call.
 *
 * @param answered the day of the answer, when the file has one
 * @param time     the time of day of the answer, when the file has it too
 */
public record Doubter(String name, String contact, int score, Optional<LocalDate> answered, Optional<LocalTime> time) {

    /** Respond within 48 hours of the answer. */
    public static final int RESPOND_WITHIN_HOURS = 48;

    public Doubter {
        time = answered.isPresent() ? time : Optional.empty();
    }

    /** An answer of which only the day is known. */
    public Doubter(String name, String contact, int score, Optional<LocalDate> answered) {
        this(name, contact, score, answered, Optional.empty());
    }

    /** The moment of the answer, when the file gives the time of day. */
    public Optional<LocalDateTime> answeredAt() {
        return answered.flatMap(d -> time.map(d::atTime));
    }

    /** The day to respond by: 48 hours after the answer. */
    public Optional<LocalDate> respondBy() {
        return answered.map(d -> d.plusDays(RESPOND_WITHIN_HOURS / 24));
    }

    /** The moment to respond by, when the time of the answer is known. */
    public Optional<LocalDateTime> respondByAt() {
        return answeredAt().map(t -> t.plusHours(RESPOND_WITHIN_HOURS));
    }
}
