package nl.retentiewerkboek.storage;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** An embedded H2 file database in a folder of the test's own, with the shipped settings, for tests of the file itself. */
final class FileDatabase {

    private FileDatabase() {}

    /** A new, empty folder under {@code target/<name>}, different on every run. */
    static Path freshRoot(String name) {
        return Path.of("target", name, Long.toString(System.nanoTime())).toAbsolutePath();
    }

    /** The JDBC URL of the database in {@code <root>/data}, written as application.properties writes it. */
    static String url(Path root) {
        return "jdbc:h2:file:" + root.resolve("data/retentiewerkboek")
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Points the test's application context at the database in {@code <root>/data}. */
    static void register(DynamicPropertyRegistry registry, Path root) {
        registry.add("spring.datasource.url", () -> url(root));
    }
}
