package nl.retentiewerkboek.cohorts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.retentiewerkboek.security.SystemAuthentication;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The participants' facts the cohort screens read, kept between refreshes: a refresh reads only the participants that
 * changed since, all of them together ({@link WorkbookService#coachedWorkbooks}), so a dashboard or room screen costs a
 * fixed number of queries whatever the cohort's size. {@link DashboardBroadcaster} marks a participant changed after
 * the change is committed, before it tells the screens.
 *
 * <p>A change is marked after its commit; a load that began before it keeps nothing for that participant (its
 * generation moved on), so a refresh never keeps facts older than a change it was told of. That holds with the
 * databases' default isolation, read committed (H2 and PostgreSQL): each query of a load sees every commit before it.
 *
 * <p>Who may see a participant is not decided here: the facts are loaded through the workbook service as the user who
 * asks, and {@link CohortService} hands them out only for the participants of that user's own cohort.
 */
@Component
class CohortReadModel {

    /** Facts as they were when a load began at this generation of the participant. */
    private record Entry(long generation, ParticipantFacts facts) {}

    private final WorkbookService workbook;
    private final Map<Long, Entry> kept = new ConcurrentHashMap<>();
    private final Map<Long, Long> generations = new ConcurrentHashMap<>();
    private final AtomicLong loads = new AtomicLong();
    /** Moves on when every participant's facts are forgotten at once. */
    private final AtomicLong epoch = new AtomicLong();

    /** This application's holder of sign-ins, which its method security reads. */
    private final SecurityContextHolderStrategy holder;

    CohortReadModel(WorkbookService workbook, SecurityContextHolderStrategy holder) {
        this.workbook = workbook;
        this.holder = holder;
    }

    /** Everything may have changed (signals from other servers were missed): every participant is read again. */
    void forgetAll() {
        epoch.incrementAndGet();
        kept.clear();
    }

    private long generation(long participantId) {
        return generations.getOrDefault(participantId, 0L) + epoch.get();
    }

    /** A participant's workbook or plan changed (or the account is deleted): the next read loads their facts again. */
    void changed(long participantId) {
        generations.merge(participantId, 1L, Long::sum);
        kept.remove(participantId);
    }

    /** The facts of these participants: kept ones as they are, the others read together. */
    Map<Long, ParticipantFacts> factsOf(Collection<Long> participantIds) {
        Map<Long, ParticipantFacts> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        Map<Long, Long> startedAt = new HashMap<>();
        for (long id : participantIds) {
            long generation = generation(id);
            Entry entry = kept.get(id);
            if (entry != null && entry.generation() == generation) {
                found.put(id, entry.facts());
            } else {
                missing.add(id);
                startedAt.put(id, generation);
            }
        }
        if (!missing.isEmpty()) {
            loads.incrementAndGet();
            workbook.coachedWorkbooks(missing).forEach((id, coached) -> {
                ParticipantFacts facts = ParticipantFacts.of(coached);
                found.put(id, facts);
                long generation = startedAt.get(id);
                // kept only when no change came in while it was read: a later change is read again next time
                if (generation(id) == generation) {
                    kept.put(id, new Entry(generation, facts));
                }
            });
        }
        return found;
    }

    /**
     * The facts of the participants of a participant's own cohort, for the group's medians: read as the system, never
     * kept (they are read without the uploads, which the trainer's screens need), and never handed to the participant.
     */
    Map<Long, ParticipantFacts> factsForGroupNumbers(Collection<Long> participantIds) {
        Map<Long, ParticipantFacts> found = new HashMap<>();
        SystemAuthentication.runAsSystem(
                holder,
                () -> workbook.workbooksForGroupNumbers(participantIds)
                        .forEach((id, coached) -> found.put(id, ParticipantFacts.of(coached))));
        return found;
    }

    /** How many times participants had to be read (for tests and the room benchmark). */
    long loads() {
        return loads.get();
    }
}
