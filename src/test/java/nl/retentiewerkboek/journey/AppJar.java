package nl.retentiewerkboek.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The application jar the package phase built, for the tests that run it as a server of its own. */
final class AppJar {

    private AppJar() {}

    static Path path() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("retentiewerkboek-.*\\.jar"))
                    .findFirst()
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new AssertionError("the jar is built in the package phase, before this test"));
        }
    }
}
