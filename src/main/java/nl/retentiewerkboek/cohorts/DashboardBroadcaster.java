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
public class DashboardBroadcaster implements org.springframework.beans.factory.DisposableBean {

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    /** Dashboards are told on a thread of their own, never on the thread of the participant who saved. */
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-broadcaster");
        thread.setDaemon(true);
        return thread;
    });

    /** Registers a listener for changed participants; returns how to stop listening. */
    public Runnable register(LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void workbookChanged(WorkbookChanged event) {
        for (LongConsumer listener : listeners) {
            executor.execute(() -> {
                try {
                    listener.accept(event.participantId());
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(DashboardBroadcaster.class).warn("A dashboard could not be updated", e);
                }
            });
        }
    }
}
