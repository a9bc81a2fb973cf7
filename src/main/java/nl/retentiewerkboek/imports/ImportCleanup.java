package nl.retentiewerkboek.imports;

import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountDeleting;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Removes a deleted participant's uploaded data. */
@Component
class ImportCleanup {

    private final CustomerDataRepository data;

    ImportCleanup(CustomerDataRepository data) {
        this.data = data;
    }

    @EventListener
    void deleting(AccountDeleting event) {
        for (Worksheet worksheet : Worksheet.values()) {
            data.deleteByOwner(event.userId(), worksheet.id());
        }
    }
}
