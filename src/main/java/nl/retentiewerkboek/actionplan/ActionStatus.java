package nl.retentiewerkboek.actionplan;

import java.util.Locale;

/** Where an action stands. */
public enum ActionStatus {
    OPEN,
    BEZIG,
    KLAAR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionStatus fromKey(String key) {
        for (ActionStatus s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return OPEN;
    }
}
