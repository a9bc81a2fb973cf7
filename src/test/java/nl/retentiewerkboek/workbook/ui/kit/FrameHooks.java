package nl.retentiewerkboek.workbook.ui.kit;

import java.util.Map;

/** Lets the worksheet views' tests reach the frame's test hooks, which stay package-private in the kit. */
public final class FrameHooks {

    private FrameHooks() {}

    /** The push message about another tab's save arrives now. */
    public static void otherScreenSaved(WorksheetView view) {
        view.otherScreenSavedForTest();
    }

    /** The screen stops hearing about other tabs' saves, as if the push message had not arrived yet. */
    public static void stopListening(WorksheetView view) {
        view.stopListeningForTest();
    }

    /** The page offers these values back, as after a reload with unsaved work kept in the browser. */
    public static void offerKept(WorksheetView view, Map<String, String> kept) {
        view.offerKeptForTest(kept);
    }
}
