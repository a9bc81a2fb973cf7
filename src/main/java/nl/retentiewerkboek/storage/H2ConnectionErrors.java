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

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            boolean storeFailed = s.getErrorCode() == GENERAL_ERROR && String.valueOf(s.getMessage()).contains("MVStoreException");
            if (s.getErrorCode() == DATABASE_IS_CLOSED || s.getErrorCode() == DATABASE_CALLED_AT_SHUTDOWN || storeFailed) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
