package nl.retentiewerkboek.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.settings.AppSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database: H2's {@code BACKUP TO} writes a consistent copy while
 * the app runs and saves go on. A schedule makes one every night (setting {@code app.backup.cron}),
 * the beheerder can make one now, and only the newest {@code app.backup.keep} are kept in
 * {@code app.backup.dir}. A copy is written under a temporary name and renamed when complete, so a
 * half-written file never looks like a backup. Restoring is a start with {@code app.restore-from}
 * (see {@link DataFolder} and the README). On PostgreSQL backups are {@code pg_dump}'s job.
 */
@Service
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    static final String PREFIX = "retentiewerkboek-";
    /** Only files named by this class count as backups (others in the folder are never pruned). */
    private static final Pattern OURS = Pattern.compile("retentiewerkboek-\\d{8}-\\d{6}-\\d{3}\\.zip");

    /** One backup file. */
    public record Backup(String name, long bytes, Instant madeAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Optional<Path> database;
    private final Path folder;
    private final int keep;

    Backups(JdbcTemplate jdbc, Clock clock, @Value("${spring.datasource.url:}") String url, AppSettings settings) {
        String dir = settings.backup().dir();
        int keep = settings.backup().keep();
        this.jdbc = jdbc;
        this.clock = clock;
        this.database = DataFolder.h2FileBase(url);
        this.folder = dir.isBlank()
                ? database.map(d -> d.getParent().resolve("backups")).orElse(Path.of("backups"))
                : Path.of(dir).toAbsolutePath().normalize();
        this.keep = Math.max(1, keep);
    }

    /** Whether this app's database is one it can back up itself (the embedded H2 file). */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public boolean isSupported() {
        return database.isPresent();
    }

    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public Path folder() {
        return folder;
    }

    /** Makes a backup now. */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public Backup makeNow() {
        return make();
    }

    /** The backups there are, newest first. */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public List<Backup> list() {
        return backups();
    }

    @Scheduled(cron = "${app.backup.cron:0 15 3 * * *}")
    void nightly() {
        if (database.isPresent()) {
            try {
                make();
            } catch (RuntimeException e) {
                log.error("The nightly backup failed: {}", SaveHealth.rootMessage(e), e);
            }
        }
    }

    synchronized Backup make() {
        if (database.isEmpty()) {
            throw new IllegalStateException("backups are made with pg_dump on PostgreSQL");
        }
        try {
            Files.createDirectories(folder);
            String name = PREFIX + LocalDateTime.now(clock).format(NAME) + ".zip";
            Path target = folder.resolve(name);
            for (int wait = 0; Files.exists(target); wait++) { // names sort by time: wait for the next millisecond
                if (wait > 1000) {
                    throw new IllegalStateException("a backup named " + name + " already exists");
                }
                Thread.sleep(1);
                name = PREFIX + LocalDateTime.now(clock).format(NAME) + ".zip";
                target = folder.resolve(name);
            }
            Path partial = folder.resolve(name + ".part");
            jdbc.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            prune(name);
            Backup made = new Backup(
                    name, Files.size(target), Files.getLastModifiedTime(target).toInstant());
            log.info("Backup made: {} ({} bytes)", target, made.bytes());
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("backup failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Keeps the newest backups (by name, which is the time), and never the one just made. */
    private void prune(String justMade) throws IOException {
        List<Backup> all = backups();
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            if (!old.name().equals(justMade)) {
                Files.deleteIfExists(folder.resolve(old.name()));
            }
        }
    }

    private List<Backup> backups() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> OURS.matcher(p.getFileName().toString()).matches())
                    .map(p -> {
                        try {
                            return new Backup(
                                    p.getFileName().toString(),
                                    Files.size(p),
                                    Files.getLastModifiedTime(p).toInstant());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sorted(Comparator.comparing(Backup::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
