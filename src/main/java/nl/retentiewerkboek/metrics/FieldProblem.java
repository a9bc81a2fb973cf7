package nl.retentiewerkboek.metrics;

/** A problem with one input field of a worksheet; {@code field} is the field's key (e.g. {@code start}). */
public record FieldProblem(String field, Problem problem) {}
