package nl.retentiewerkboek.imports;

import java.time.LocalDate;
import java.util.Optional;

/** A survey answer of 4, 5 or 6 with a name or contact: someone to call. */
public record Doubter(String name, String contact, int score, Optional<LocalDate> answered) {

    /** Respond within 48 hours of the answer. */
    public Optional<LocalDate> respondBy() {
        return answered.map(d -> d.plusDays(2));
    }
}
