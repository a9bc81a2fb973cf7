package nl.retentiewerkboek.metrics;

import java.util.List;
import java.util.Map;

/**
 * W8 Offboarding.
 *
 * @param steps   every step with how the participant filled it in, in order
 * @param missing the steps not in use, in order
 */
public record OffboardingResult(Map<OffboardingStep, Step> steps, List<OffboardingStep> missing) {

    public OffboardingResult {
        steps = Map.copyOf(steps);
        missing = List.copyOf(missing);
    }

    /** One step: in use or not, who owns it, when it happens, a note. */
    public record Step(boolean used, String owner, String timing, String note) {}

    public int inUse() {
        return steps.size() - missing.size();
    }

    public int total() {
        return steps.size();
    }
}
