package nl.retentiewerkboek;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package, which {@code .ci/run} installs) with the shipped example {@code docs/haproxy.cfg}, its
 * ports changed to free ones: in front of two servers on this machine.
 */
public final class LocalHaproxy implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    public final int port;

    private LocalHaproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts HAProxy for servers a and b; its configuration and log go into {@code work}. */
    public static LocalHaproxy start(Path work, int portA, int portB) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Debian's haproxy package is needed here; .ci/run installs it");
        }
        int port = freePort();
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(
                config,
                Files.readString(Path.of("docs", "haproxy.cfg"))
                        .replace("127.0.0.1:8080", "127.0.0.1:" + port)
                        .replace("127.0.0.1:8081", "127.0.0.1:" + portA)
                        .replace("127.0.0.1:8082", "127.0.0.1:" + portB));
        Process process = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile())
                .start();
        return new LocalHaproxy(process, port);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
