package nl.retentiewerkboek.metrics;

import java.util.List;
import java.util.Optional;

/**
 * What a worksheet's inputs give: either a result, or the problems that stand in its way.
 * Never both, never neither.
 */
public record Evaluation<R>(Optional<R> result, List<FieldProblem> problems) {

    public Evaluation {
        problems = List.copyOf(problems);
        if (result.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("an evaluation has a result or problems, not both or neither");
        }
    }

    public static <R> Evaluation<R> of(R result) {
        return new Evaluation<>(Optional.of(result), List.of());
    }

    public static <R> Evaluation<R> failed(List<FieldProblem> problems) {
        return new Evaluation<>(Optional.empty(), problems);
    }

    public boolean isComplete() {
        return result.isPresent();
    }

    /** True when the result is missing because of a mistake in what was typed, not only because something is not filled in yet. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.problem().isError());
    }

    /** The first problem on the given field, if any. */
    public Optional<Problem> problemOn(String field) {
        return problems.stream()
                .filter(p -> p.field().equals(field))
                .map(FieldProblem::problem)
                .findFirst();
    }
}
