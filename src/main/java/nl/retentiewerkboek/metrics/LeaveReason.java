package nl.retentiewerkboek.metrics;

import java.util.Locale;
import java.util.Optional;

/** Why a customer left (W6), with its category and the department that owns it. */
public enum LeaveReason {
    SERVICE(Category.FRUSTRATIE, Department.KLANTENSERVICE),
    FACTURATIE(Category.FRUSTRATIE, Department.FINANCE),
    PRODUCTKWALITEIT(Category.FRUSTRATIE, Department.OPERATIONS),
    PROCES(Category.FRUSTRATIE, Department.OPERATIONS),
    BEREIKBAARHEID(Category.FRUSTRATIE, Department.KLANTENSERVICE),
    FRUSTRATIE_ANDERS(Category.FRUSTRATIE, Department.CULTUUR),
    PRIJS(Category.CONCURRENT, Department.SALES),
    AANBOD(Category.CONCURRENT, Department.MARKETING),
    CONCURRENT_ANDERS(Category.CONCURRENT, Department.SALES),
    VERHUISD(Category.OVERIG, null),
    GESTOPT(Category.OVERIG, null);

    /** The three kinds of reasons. */
    public enum Category {
        FRUSTRATIE,
        CONCURRENT,
        OVERIG;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Category category;
    private final Department owner;

    LeaveReason(Category category, Department owner) {
        this.category = category;
        this.owner = owner;
    }

    public Category category() {
        return category;
    }

    /** The department that owns this reason; empty for reasons no one can prevent (moved, stopped). */
    public Optional<Department> owner() {
        return Optional.ofNullable(owner);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<LeaveReason> fromKey(String key) {
        for (LeaveReason reason : values()) {
            if (reason.key().equals(key)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
