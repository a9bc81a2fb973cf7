package nl.retentiewerkboek.workbook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the other open screens of the same participant's worksheet that it was saved (another tab,
 * another device), after the commit, so they show the new values and stop calling stale values
 * saved. Listeners are told on a thread of their own, never on the saving participant's thread.
 */
@Component
public class WorksheetSaveBroadcaster implements DisposableBean {

    private record Listener(long participantId, String worksheet, LongConsumer onVersion) {}

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "worksheet-save-broadcaster");
        thread.setDaemon(true);
        return thread;
    });

    /** Listens for saves of one participant's worksheet (told the new version); returns how to stop. */
    public Runnable register(long participantId, String worksheet, LongConsumer onVersion) {
        Listener listener = new Listener(participantId, worksheet, onVersion);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void saved(WorksheetSaved event) {
        for (Listener listener : listeners) {
            if (listener.participantId() == event.participantId()
                    && listener.worksheet().equals(event.worksheet())) {
                executor.execute(() -> {
                    try {
                        listener.onVersion().accept(event.version());
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(WorksheetSaveBroadcaster.class)
                                .debug("An open worksheet could not be told", e);
                    }
                });
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
