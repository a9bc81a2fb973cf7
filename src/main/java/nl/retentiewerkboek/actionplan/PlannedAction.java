package nl.retentiewerkboek.actionplan;

import java.time.LocalDate;
import java.util.Optional;
import nl.retentiewerkboek.metrics.Department;

/**
 * One action in the participant's plan.
 *
 * @param title      what will be done
 * @param department which of the eight departments owns it
 * @param owner      who
 * @param deadline   by when
 * @param kpi        how it is measured
 * @param today      the KPI's value today
 * @param target     the KPI's target
 * @param status     open, busy, done
 * @param why        why it was suggested (empty for the participant's own actions)
 * @param suggestion the key of the suggestion it came from (empty for own actions)
 */
public record PlannedAction(
        String title,
        Optional<Department> department,
        String owner,
        Optional<LocalDate> deadline,
        String kpi,
        String today,
        String target,
        ActionStatus status,
        String why,
        String suggestion) {

    public static PlannedAction empty() {
        return new PlannedAction("", Optional.empty(), "", Optional.empty(), "", "", "", ActionStatus.OPEN, "", "");
    }
}
