package nl.retentiewerkboek.imports;

import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Removes a deleted participant's uploaded data and remembered columns. */
@Component
class ImportCleanup {

    private final CustomerDataRepository data;
    private final ImportMappingRepository mappings;

    ImportCleanup(CustomerDataRepository data, ImportMappingRepository mappings) {
        this.data = data;
        this.mappings = mappings;
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
