package nl.retentiewerkboek.imports;

import java.time.Clock;
import java.time.Instant;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountDeleting;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Removes a deleted participant's uploaded data and remembered columns. */
@Component
class ImportCleanup {

    private final CustomerDataRepository data;
    private final ImportMappingRepository mappings;

    private final Clock clock;

    ImportCleanup(CustomerDataRepository data, ImportMappingRepository mappings, Clock clock) {
        this.data = data;
        this.mappings = mappings;
        this.clock = clock;
    }

    /** Uploads kept for a mapping step when the server stopped (a crash) are removed once they are a day old. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        StagedUpload.sweep(Instant.now(clock));
    }

    /** Runs inside the transaction that deletes the account: all of it goes, or none. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void deleting(AccountDeleting event) {
        for (Worksheet worksheet : Worksheet.values()) {
            data.deleteByOwner(event.userId(), worksheet.id());
        }
        mappings.deleteByOwner(event.userId());
    }
}
