package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.retentiewerkboek.cohorts.JoinCodes;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Cohorts that existed before V3 got the guessable join code {@code DEMO<id>}; each gets a random
 * code like every other cohort ({@link JoinCodes}: the letter O never occurs in those, so no real
 * code starts with DEMO). The old codes stop working.
 */
public class V6__Replace_demo_join_codes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement select = context.getConnection().createStatement();
                ResultSet rows = select.executeQuery("select id from cohort where join_code like 'DEMO%'")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        try (PreparedStatement exists =
                        context.getConnection().prepareStatement("select count(*) from cohort where join_code = ?");
                PreparedStatement update =
                        context.getConnection().prepareStatement("update cohort set join_code = ? where id = ?")) {
            for (long id : ids) {
                String code;
                do {
                    code = JoinCodes.next();
                    exists.setString(1, code);
                    try (ResultSet count = exists.executeQuery()) {
                        count.next();
                        if (count.getLong(1) == 0) {
                            break;
                        }
                    }
                } while (true);
                update.setString(1, code);
                update.setLong(2, id);
                update.executeUpdate();
            }
        }
    }
}
