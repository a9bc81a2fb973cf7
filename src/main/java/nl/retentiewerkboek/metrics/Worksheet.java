package nl.retentiewerkboek.metrics;

import java.util.Arrays;
import java.util.Optional;

/** The worksheets the workbook has, by their stable id (used in lesson front matter, ids and storage). */
public enum Worksheet {
    RETENTIEMETER("retentiemeter"),
    KOSTEN("kosten"),
    DRAAIDEUR("draaideur"),
    NPS("nps"),
    KLANTGROEPEN("klantgroepen"),
    REDENEN("redenen"),
    TEAMSPORT("teamsport"),
    OFFBOARDING("offboarding"),
    BEGROTING("begroting"),
    /** W10: the participant's own actions; not a calculation, complete when it holds at least one action. */
    ACTIEPLAN("actieplan");

    private final String id;

    Worksheet(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The worksheets with the company's numbers: after the re-measure date they are filled in again
     * as a new measurement, and earlier measurements are kept.
     */
    public boolean isMeasured() {
        return switch (this) {
            case RETENTIEMETER, KOSTEN, DRAAIDEUR, NPS, KLANTGROEPEN, BEGROTING -> true;
            default -> false;
        };
    }

    public static Optional<Worksheet> fromId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
    }

    /**
     * True when the answers give a result: the worksheet counts as filled in. Worksheets that
     * build on others (W2, W3 on W1; W9 on W2) also need those.
     */
    public boolean isComplete(Workbook workbook) {
        return switch (this) {
            case RETENTIEMETER -> workbook.retentiemeter().isComplete();
            case KOSTEN -> workbook.kosten().isComplete();
            case DRAAIDEUR -> workbook.draaideur().isComplete();
            case NPS -> workbook.nps().isComplete();
            case KLANTGROEPEN -> workbook.klantgroepenComplete();
            case REDENEN -> workbook.redenen().isComplete();
            case TEAMSPORT -> workbook.teamsport().isComplete();
            case OFFBOARDING -> workbook.offboarding().isComplete();
            case BEGROTING -> workbook.begroting().isComplete();
            case ACTIEPLAN ->
                workbook.answers(ACTIEPLAN).keySet().stream()
                        .anyMatch(k -> k.startsWith("action.") && k.endsWith(".title"));
        };
    }
}
