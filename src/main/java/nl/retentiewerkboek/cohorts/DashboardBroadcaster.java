package nl.retentiewerkboek.cohorts;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.retentiewerkboek.actionplan.PlanDownloaded;
import nl.retentiewerkboek.storage.ClusterSignals;
import nl.retentiewerkboek.workbook.WorkbookChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open trainer dashboards and room screens that participants' workbooks or plans changed, or whole cohorts (after
 * the change is committed), so they can refresh while the masterclass runs. The changes are gathered and told together,
 * at most once per {@link #INTERVAL}: in a room of 200 that saves 20 times a second, a screen refreshes once a second
 * with everyone who changed, instead of once per save. Listeners decide for themselves whether a participant or a
 * cohort is one of theirs.
 *
 * <p>On the same single thread, and so before the screens hear of it, {@link ParticipantActivity} notes the
 * participant's activity or plan download; the {@link CohortReadModel} forgets the participant's facts at once.
 *
 * <p>With more than one server on one PostgreSQL database, a trainer's dashboard may be on another server than the
 * participant who saves: every change is also sent to the other servers ({@link ClusterSignals}), which tell their
 * screens the same way. When a server may have missed signals (its listening connection broke), it forgets every
 * participant's facts and tells its screens that every cohort changed ({@link #concerns}).
 */
@Component
public class DashboardBroadcaster implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DashboardBroadcaster.class);

    /** The longest a screen is told of changes more often than. */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** How long the first change waits for others, when nothing was told for a while. */
    private static final Duration GATHER = Duration.ofMillis(50);

    /** In the cohorts told: every cohort may have changed. */
    static final long EVERY_COHORT = -1L;

    /** Whether the cohorts told of include this one. */
    public static boolean concerns(Set<Long> changedCohorts, long cohortId) {
        return changedCohorts.contains(cohortId) || changedCohorts.contains(EVERY_COHORT);
    }

    /** What a screen hears: the participants that changed and the cohorts that did (joins, modules opened). */
    public interface Listener {

        void changed(Set<Long> participants, Set<Long> cohorts);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ParticipantActivity activity;
    private final CohortReadModel readModel;
    /** Screens are told on a thread of their own, never on the thread of the participant who saved. */
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-broadcaster");
        thread.setDaemon(true);
        return thread;
    });

    private final Set<Long> participants = new HashSet<>();
    private final Set<Long> cohorts = new HashSet<>();
    private boolean scheduled;
    private long lastTold;

    private final ClusterSignals signals;

    DashboardBroadcaster(ParticipantActivity activity, CohortReadModel readModel, ClusterSignals signals) {
        this.activity = activity;
        this.readModel = readModel;
        this.signals = signals;
        this.lastTold = System.nanoTime() - INTERVAL.toNanos();
        signals.register(new ClusterSignals.Receiver() {
            @Override
            public void received(String message) {
                fromOtherServer(message);
            }

            @Override
            public void mayHaveMissedSignals() {
                readModel.forgetAll();
                pending(null, EVERY_COHORT);
            }
        });
    }

    /** A change on another server, as {@link #toOtherServers} wrote it: "p12" a participant, "c3" a cohort. */
    private void fromOtherServer(String message) {
        for (String token : message.split(",")) {
            if (token.length() < 2) {
                continue;
            }
            long id;
            try {
                id = Long.parseLong(token.substring(1));
            } catch (NumberFormatException e) {
                continue; // not a signal of this version
            }
            if (token.charAt(0) == 'p') {
                readModel.changed(id);
                pending(id, null);
            } else if (token.charAt(0) == 'c') {
                pending(null, id);
            }
        }
    }

    /** Sends a change made here to the other servers, on the broadcaster's thread (outside any transaction). */
    private void toOtherServers(String token) {
        if (signals.clustered()) {
            try {
                executor.execute(() -> signals.send(token));
            } catch (RuntimeException stopping) {
                // shutting down
            }
        }
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
        readModel.changed(event.participantId());
        executor.execute(() -> activity.worked(event));
        pending(event.participantId(), null);
        toOtherServers("p" + event.participantId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void planDownloaded(PlanDownloaded event) {
        executor.execute(() -> activity.downloaded(event));
        pending(event.participantId(), null);
        toOtherServers("p" + event.participantId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void cohortChanged(CohortChanged event) {
        pending(null, event.cohortId());
        toOtherServers("c" + event.cohortId());
    }

    private synchronized void pending(Long participant, Long cohort) {
        if (participant != null) {
            participants.add(participant);
        }
        if (cohort != null) {
            cohorts.add(cohort);
        }
        if (!scheduled) {
            scheduled = true;
            long now = System.nanoTime();
            long wait = Math.max(GATHER.toNanos(), lastTold + INTERVAL.toNanos() - now);
            try {
                executor.schedule(this::tell, wait, TimeUnit.NANOSECONDS);
            } catch (RuntimeException stopping) {
                scheduled = false; // shutting down: nobody is listening any more
            }
        }
    }

    private void tell() {
        Set<Long> changedParticipants;
        Set<Long> changedCohorts;
        synchronized (this) {
            changedParticipants = Set.copyOf(participants);
            changedCohorts = Set.copyOf(cohorts);
            participants.clear();
            cohorts.clear();
            scheduled = false;
            lastTold = System.nanoTime();
        }
        for (Listener listener : listeners) {
            try {
                listener.changed(changedParticipants, changedCohorts);
            } catch (RuntimeException e) {
                log.warn("A dashboard could not be updated", e);
            }
        }
    }
}
