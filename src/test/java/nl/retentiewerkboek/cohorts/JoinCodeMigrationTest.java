package nl.retentiewerkboek.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Migration V6: the guessable DEMO<id> codes of cohorts older than V3 are replaced by random ones. */
class JoinCodeMigrationTest {

    @Test
    void cohorts_from_before_v3_get_random_join_codes() throws Exception {
        Path folder = Files.createTempDirectory("joincodes");
        String url = "jdbc:h2:file:" + folder.resolve("db") + ";AUTO_SERVER=FALSE";
        Flyway.configure().dataSource(url, "sa", "").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("insert into app_user (id, username, password_hash, display_name, role, created_at) "
                    + "values (1, 'tom', 'x', 'Tom', 'TRAINER', current_timestamp)");
            for (int i = 1; i <= 3; i++) {
                s.execute("insert into cohort (id, trainer_id, name, created_at) values (" + i + ", 1, 'Groep " + i
                        + "', current_timestamp)");
            }
        }
        Flyway.configure().dataSource(url, "sa", "").target("5").load().migrate();
        assertThat(codes(url)).as("what V3 gave them").containsExactly("DEMO1", "DEMO2", "DEMO3");

        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        List<String> codes = codes(url);
        assertThat(codes)
                .hasSize(3)
                .doesNotHaveDuplicates()
                .allMatch(
                        code -> code.matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}"),
                        "eight readable random characters");
    }

    private static List<String> codes(String url) throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet r = c.createStatement().executeQuery("select join_code from cohort order by id")) {
            while (r.next()) {
                codes.add(r.getString(1));
            }
        }
        return codes;
    }
}
