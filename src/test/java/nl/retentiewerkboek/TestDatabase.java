package nl.retentiewerkboek;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The database the tests' application contexts share. By default the in-memory H2 of {@code application-test.properties};
 * with {@code -Ppostgres} (system property {@code rwb.test.database=postgres}) a real PostgreSQL server from Debian's
 * package, started once per test JVM on a free port in a throw-away folder and stopped at its end. Its address goes into
 * the system properties, which outrank the properties files, so every {@code @IntegrationTest} and every journey that
 * starts the application in the test JVM runs on it. Tests that start an application of their own on an H2 file (the
 * crash, backup and migration tests) keep H2: they test the embedded database itself.
 */
public class TestDatabase implements LauncherSessionListener {

    static final String PROPERTY = "rwb.test.database";

    private LocalPostgres postgres;

    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!postgres() || postgres != null) {
            return;
        }
        if (LocalPostgres.binaries().isEmpty()) {
            throw new IllegalStateException("-Ppostgres needs Debian's postgresql package (.ci/run installs it)");
        }
        try {
            postgres = LocalPostgres.startForTests();
        } catch (Exception e) {
            throw new IllegalStateException("could not start PostgreSQL for the tests", e);
        }
        System.setProperty("spring.datasource.url", postgres.url());
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("spring.datasource.password", "");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                // the folder is a throw-away one
            }
        }
    }
}
