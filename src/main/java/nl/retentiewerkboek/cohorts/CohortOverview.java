package nl.retentiewerkboek.cohorts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.workbook.ModuleProgress;
import nl.retentiewerkboek.workbook.WorkbookProgress;

/** A cohort as its trainer sees it: the group, how to join it, and each participant's progress. */
public record CohortOverview(
        long id,
        String name,
        Optional<LocalDate> startsOn,
        Optional<String> location,
        String trainerName,
        String joinCode,
        boolean joiningOpen,
        boolean archived,
        Optional<Set<String>> openModules,
        List<ParticipantRow> participants) {

    /** A module's state for one participant, as the dashboard and the CSV export show it. */
    public enum ModuleState {
        DONE,
        BUSY,
        OPEN,
        CLOSED;

        /** The state of a module; empty means the trainer has not opened it. */
        public static ModuleState of(Optional<ModuleProgress> module) {
            return module.map(m -> m.done() ? DONE : m.started() ? BUSY : OPEN).orElse(CLOSED);
        }

        public String messageKey() {
            return "dashboard.status." + cssClass();
        }

        public String cssClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CohortOverview {
        participants = List.copyOf(participants);
    }

    /** The anonymous numbers of the participants (from their facts, nothing read). */
    public GroupNumbers numbers() {
        return GroupNumbers.of(participants.stream().map(ParticipantRow::facts).toList());
    }

    /** The cohort runs today: the dashboard then watches who is stuck. */
    public boolean liveOn(LocalDate today) {
        return startsOn.filter(today::equals).isPresent();
    }

    /** One participant's line. */
    public record ParticipantRow(
            long id,
            String name,
            String company,
            WorkbookProgress progress,
            Optional<RetentiemeterResult> retention,
            Optional<Instant> lastActivity,
            boolean planDownloaded,
            ParticipantFacts facts) {

        public int done() {
            return progress.done();
        }

        public int total() {
            return progress.total();
        }
    }
}
