package nl.retentiewerkboek.cohorts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import nl.retentiewerkboek.workbook.WorkbookChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open trainer dashboards that a participant's workbook changed (after the change is
 * committed), so they can refresh while the masterclass runs. Listeners decide for themselves
 * whether the participant is one of theirs.
 */
@Component
public class DashboardBroadcaster {

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener for changed participants; returns how to stop listening. */
    public Runnable register(LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void workbookChanged(WorkbookChanged event) {
        for (LongConsumer listener : listeners) {
            listener.accept(event.participantId());
        }
    }
}
