package nl.retentiewerkboek.workbook;

import java.util.Optional;
import java.util.Set;

/**
 * What the workbook needs to know from the cohorts: which modules a participant's trainer has
 * opened. A port of the workbook, implemented by the cohorts feature.
 */
public interface OpenModules {

    /**
     * The lesson ids of the modules open to a participant: the union over their cohorts; empty when
     * all modules are open (also for someone in no cohort).
     */
    Optional<Set<String>> openModulesFor(long participantId);
}
