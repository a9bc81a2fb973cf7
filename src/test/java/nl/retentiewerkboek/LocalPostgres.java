package nl.retentiewerkboek;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL server from Debian's {@code postgresql} package (which {@code .ci/run}
 * installs), in its own data folder on a free port, that a test can stop and start. PostgreSQL
 * refuses to run as root, so as root it runs as the {@code postgres} user.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    public final int port;

    private final boolean durable;

    private LocalPostgres(Path bin, Path data, int port, boolean durable) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.durable = durable;
    }

    /** Debian's newest PostgreSQL server binaries, if installed. */
    public static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(
                            b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Creates and starts a new server; fails when the binaries are missing on CI (where they must be). */
    public static LocalPostgres start() throws IOException, InterruptedException {
        return start(true);
    }

    /**
     * A server for a whole test run ({@code -Ppostgres}): the same PostgreSQL, without waiting for the disk at each
     * commit (nothing of a test run needs to survive a power cut), so the suite is not slowed down by fsync.
     */
    public static LocalPostgres startForTests() throws IOException, InterruptedException {
        return start(false);
    }

    private static LocalPostgres start(boolean durable) throws IOException, InterruptedException {
        Path bin = binaries().orElse(null);
        if (bin == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Debian's postgresql package is needed here; .ci/run installs it");
        }
        Assumptions.assumeTrue(bin != null, "needs Debian's postgresql package");
        Path data = Files.createTempDirectory("rwb-pg-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LocalPostgres pg = new LocalPostgres(bin, data, port, durable);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", data.toString()));
        }
        pg.asOwner(
                bin.resolve("initdb").toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-D",
                data.toString());
        pg.startAgain();
        return pg;
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public void startAgain() throws IOException, InterruptedException {
        asOwner(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-w",
                "-t",
                "60",
                "-l",
                data.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + data + " -c listen_addresses=localhost -c max_connections=300"
                        + (durable
                                ? " -c fsync=on -c synchronous_commit=on"
                                : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
                "start");
    }

    public void stop() throws IOException, InterruptedException {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop();
        } catch (IllegalStateException alreadyStopped) {
            // fine
        }
    }

    private void asOwner(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
