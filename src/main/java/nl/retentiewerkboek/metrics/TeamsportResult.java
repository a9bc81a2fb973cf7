package nl.retentiewerkboek.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * W7 Klantbehoud is teamsport.
 *
 * @param scores  every department's score 1..5, in department order
 * @param average the mean of the eight scores
 * @param weakest the two lowest-scoring departments and every one tied with the second, lowest first
 *                (ties in department order)
 */
public record TeamsportResult(Map<Department, Integer> scores, BigDecimal average, List<Department> weakest) {

    public TeamsportResult {
        scores = Map.copyOf(scores);
        weakest = List.copyOf(weakest);
    }
}
