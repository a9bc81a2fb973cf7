package nl.retentiewerkboek.cohorts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.retentiewerkboek.actionplan.PlanDownloaded;
import nl.retentiewerkboek.workbook.WorkbookChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open trainer dashboards that a participant's workbook or plan changed, or a cohort as a whole (after the
 * change is committed), so they can refresh while the masterclass runs. Listeners decide for themselves whether
 * the participant or the cohort is one of theirs. On the same single thread, and so before the dashboards hear of
 * it, it has {@link ParticipantActivity} note the participant's activity or plan download.
 */
@Component
public class DashboardBroadcaster implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardBroadcaster.class);

    /** What a dashboard hears: a participant changed, or a whole cohort did. */
    public interface Listener {

        void participantChanged(long participantId);

        void cohortChanged(long cohortId);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ParticipantActivity activity;
    /** Dashboards are told on a thread of their own, never on the thread of the participant who saved. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-broadcaster");
        thread.setDaemon(true);
        return thread;
    });

    DashboardBroadcaster(ParticipantActivity activity) {
        this.activity = activity;
    }

    /** Registers a listener; returns how to stop listening. */
    public Runnable register(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Lets the facts already handed over be noted (briefly), then stops. */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void workbookChanged(WorkbookChanged event) {
        executor.execute(() -> activity.worked(event));
        tell(listener -> listener.participantChanged(event.participantId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void planDownloaded(PlanDownloaded event) {
        executor.execute(() -> activity.downloaded(event));
        tell(listener -> listener.participantChanged(event.participantId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void cohortChanged(CohortChanged event) {
        tell(listener -> listener.cohortChanged(event.cohortId()));
    }

    private void tell(Consumer<Listener> message) {
        for (Listener listener : listeners) {
            executor.execute(() -> {
                try {
                    message.accept(listener);
                } catch (RuntimeException e) {
                    log.warn("A dashboard could not be updated", e);
                }
            });
        }
    }
}
