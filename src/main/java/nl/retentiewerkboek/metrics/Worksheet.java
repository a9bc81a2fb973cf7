package nl.retentiewerkboek.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The worksheets the workbook has, by their stable id (used in lesson front matter, ids and storage). */
public enum Worksheet {
    RETENTIEMETER("retentiemeter");

    private final String id;

    Worksheet(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Worksheet> fromId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
    }

    /** True when the answers give a result: the worksheet counts as filled in. */
    public boolean isComplete(Map<String, String> answers, Locale locale) {
        return switch (this) {
            case RETENTIEMETER -> Retentiemeter.evaluate(answers, locale).isComplete();
        };
    }
}
