package nl.retentiewerkboek;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.workbook.SaveFailedException;
import nl.retentiewerkboek.workbook.SaveOutcome;
import nl.retentiewerkboek.workbook.WorkbookService;

/** Saves one worksheet as an open screen does: each change on top of what it last saw stored. */
public final class ScreenSaves {

    private final WorkbookService workbook;
    private final Worksheet worksheet;
    private Map<String, String> shown = new HashMap<>();

    public ScreenSaves(WorkbookService workbook, Worksheet worksheet) {
        this.workbook = workbook;
        this.worksheet = worksheet;
    }

    public SaveOutcome change(String field, String value) {
        Map<String, String> mine = new HashMap<>(shown);
        mine.put(field, value);
        SaveOutcome outcome = workbook.saveMyChanges(worksheet, shown, mine, Locale.of("nl"));
        shown = new HashMap<>(outcome.saved().values());
        return outcome;
    }

    /** Tries the change again every 250 ms, as the screen's retry does, until it is saved (or gives up). */
    public Optional<SaveOutcome> changeOnceItWorks(String field, String value, int tries) throws InterruptedException {
        for (int i = 0; i < tries; i++) {
            try {
                return Optional.of(change(field, value));
            } catch (SaveFailedException e) {
                Thread.sleep(250);
            }
        }
        return Optional.empty();
    }
}
