package nl.retentiewerkboek.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to throw away a connection to an H2 database that closed itself (after
 * a failed write, for example on a full disk), so the next save opens the database anew and works
 * again as soon as the cause is gone, without a restart. Set as the pool's exception override.
 */
public class H2ConnectionErrors implements SQLExceptionOverride {

    /** H2's "database is already closed" and "database called at shutdown". */
    private static final int DATABASE_IS_CLOSED = 90098;

    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;
    /** H2's general error, which wraps the store's own failure to write ("MVStoreException"). */
    private static final int GENERAL_ERROR = 50000;

    @java.lang.Override // Hikari's nested enum Override hides the annotation's simple name here
    public Override adjudicate(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (databaseClosed(s)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }

    private static boolean databaseClosed(SQLException s) {
        boolean storeFailed = s.getErrorCode() == GENERAL_ERROR
                && String.valueOf(s.getMessage()).contains("MVStoreException");
        return s.getErrorCode() == DATABASE_IS_CLOSED || s.getErrorCode() == DATABASE_CALLED_AT_SHUTDOWN || storeFailed;
    }

    /**
     * Whether a failure means the pool's connections are all useless: an H2 database that closed
     * itself, or a broken connection to the server (SQL state class 08, as when PostgreSQL restarts).
     */
    public static boolean needsFreshConnections(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s
                    && (databaseClosed(s) || String.valueOf(s.getSQLState()).startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
