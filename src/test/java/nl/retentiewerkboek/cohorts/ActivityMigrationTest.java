package nl.retentiewerkboek.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Migration V7: last activity and plan downloads move from the account to each of the participant's enrollments. */
class ActivityMigrationTest {

    @Test
    void activity_and_plan_downloads_move_from_the_account_to_every_enrollment() throws Exception {
        Path folder = Files.createTempDirectory("activity");
        String url = "jdbc:h2:file:" + folder.resolve("db") + ";AUTO_SERVER=FALSE";
        Flyway.configure().dataSource(url, "sa", "").target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("insert into app_user (id, username, password_hash, display_name, role, created_at) values "
                    + "(1, 'tom', 'x', 'Tom', 'TRAINER', current_timestamp)");
            s.execute(
                    "insert into app_user (id, username, password_hash, display_name, role, created_at, last_activity, "
                            + "plan_downloaded_at) values (2, 'dana', 'x', 'Dana', 'DEELNEMER', current_timestamp, "
                            + "timestamp '2026-03-12 10:15:00', timestamp '2026-03-12 16:40:00')");
            s.execute("insert into app_user (id, username, password_hash, display_name, role, created_at) values "
                    + "(3, 'ed', 'x', 'Ed', 'DEELNEMER', current_timestamp)");
            s.execute(
                    "insert into cohort (id, trainer_id, name, created_at, join_code) values "
                            + "(1, 1, 'Voorjaar', current_timestamp, 'AAAAAAAA'), (2, 1, 'Najaar', current_timestamp, 'BBBBBBBB')");
            s.execute("insert into enrollment (cohort_id, participant_id, joined_at) values "
                    + "(1, 2, current_timestamp), (2, 2, current_timestamp), (1, 3, current_timestamp)");
        }

        Flyway.configure().dataSource(url, "sa", "").load().migrate();

        assertThat(rows(url))
                .containsExactly(
                        "1/2 2026-03-12 10:15:00.0 2026-03-12 16:40:00.0",
                        "1/3 null null",
                        "2/2 2026-03-12 10:15:00.0 2026-03-12 16:40:00.0");
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet r = c.getMetaData().getColumns(null, null, "APP_USER", null)) {
            List<String> columns = new ArrayList<>();
            while (r.next()) {
                columns.add(r.getString("COLUMN_NAME").toLowerCase());
            }
            assertThat(columns).contains("username").doesNotContain("last_activity", "plan_downloaded_at");
        }
    }

    private static List<String> rows(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet r = c.createStatement()
                        .executeQuery(
                                "select cohort_id, participant_id, last_activity, plan_downloaded_at from enrollment order by cohort_id, participant_id")) {
            while (r.next()) {
                Timestamp active = r.getTimestamp(3);
                Timestamp plan = r.getTimestamp(4);
                rows.add(r.getLong(1) + "/" + r.getLong(2) + " " + active + " " + plan);
            }
        }
        return rows;
    }
}
