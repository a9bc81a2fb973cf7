package nl.retentiewerkboek.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded database's folder, checked before the database opens: created owner-only when
 * missing, refused with one clear log line when it cannot be written (read-only disk or mount, a
 * locked or read-only file), restored from a backup when {@code app.restore-from} names one, and
 * marked while the app runs so a start after a crash or {@code kill -9} says so in the log. The
 * marker is removed only after the database has closed (the data source depends on this bean).
 * Does nothing for a database that is not an H2 file (PostgreSQL keeps its own data).
 */
@Component(DataFolder.BEAN)
public class DataFolder
        implements BeanFactoryPostProcessor,
                EnvironmentAware,
                DisposableBean,
                ApplicationListener<ApplicationReadyEvent> {

    static final String BEAN = "dataFolder";
    static final String MARKER = ".running";
    private static final Logger log = LoggerFactory.getLogger(DataFolder.class);

    private Environment environment;
    private Path folder;
    private boolean uncleanStop;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** The H2 database file's base path ({@code ./data/retentiewerkboek}) when the URL is an H2 file URL. */
    public static Optional<Path> h2FileBase(String url) {
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:file:".length());
        int semicolon = rest.indexOf(';');
        String file = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (file.startsWith("~/")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        return Optional.of(Path.of(file).toAbsolutePath().normalize());
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Optional<Path> base = h2FileBase(environment.getProperty("spring.datasource.url"));
        if (base.isEmpty()) {
            return;
        }
        Path database = base.get().resolveSibling(base.get().getFileName() + ".mv.db");
        folder = base.get().getParent();
        prepare(folder, database);
        String restore = environment.getProperty("app.restore-from", "");
        if (!restore.isBlank()) {
            restore(Path.of(restore), folder, database);
        }
        Path marker = folder.resolve(MARKER);
        uncleanStop = Files.exists(marker) && Files.exists(database);
        if (uncleanStop) {
            log.warn(
                    "The previous run did not stop cleanly (crash, kill -9 or power loss); "
                            + "the database {} is recovered as it opens",
                    database);
        }
        try {
            Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw refuse(folder, e);
        }
        for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
            var definition = beanFactory.getBeanDefinition(name);
            String[] depends = definition.getDependsOn();
            String[] more = depends == null ? new String[] {BEAN} : append(depends, BEAN);
            definition.setDependsOn(more);
        }
    }

    private static String[] append(String[] a, String b) {
        String[] c = Arrays.copyOf(a, a.length + 1);
        c[a.length] = b;
        return c;
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** Creates the folder (owner-only) and proves that it and the database file can be written. */
    static void prepare(Path folder, Path database) {
        try {
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(folder)) {
                if (folder.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(folder.toAbsolutePath().getParent());
                }
                if (posix) {
                    // created owner-only from the start: no moment in which others could look in
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.setPosixFilePermissions(folder, OWNER_ONLY);
                } else {
                    Files.createDirectory(folder);
                }
                log.info("Created the data folder {} (readable by this user only)", folder);
            } else if (posix && !Files.getPosixFilePermissions(folder).equals(OWNER_ONLY)) {
                try {
                    Files.setPosixFilePermissions(folder, OWNER_ONLY);
                    log.info(
                            "The data folder {} was open to other users; it is now readable by this user only", folder);
                } catch (IOException notOurs) {
                    log.warn(
                            "The data folder {} is open to other users and cannot be changed by this user ({}); "
                                    + "make it owner-only (chmod 700)",
                            folder,
                            notOurs.getMessage());
                }
            }
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[] {1}));
                channel.force(true);
            } finally {
                Files.deleteIfExists(probe);
            }
            if (Files.exists(database)) {
                try (FileChannel ignored =
                        FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    // opened for writing without changing a byte
                }
            }
        } catch (IOException | SecurityException e) {
            throw refuse(folder, e);
        }
    }

    private static IllegalStateException refuse(Path folder, Exception e) {
        String message = "Cannot write to the data folder " + folder + " (" + SaveHealth.rootMessage(e)
                + "): not starting, because no answer could be saved. Make the folder and its files writable for this user, "
                + "free disk space, or point spring.datasource.url at another folder.";
        log.error(message);
        return new IllegalStateException(message, e);
    }

    /** Unpacks a backup made by {@link Backups} into a folder that has no database yet. */
    static void restore(Path backup, Path folder, Path database) {
        if (Files.exists(database)) {
            throw new IllegalStateException("Not restoring " + backup + ": " + database
                    + " already exists. Restore into an empty data folder (move the old one aside first).");
        }
        if (!Files.isRegularFile(backup)) {
            throw new IllegalStateException("Not restoring: no backup file at " + backup.toAbsolutePath());
        }
        int files = 0;
        try (InputStream in = Files.newInputStream(backup);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = Path.of(entry.getName()).getFileName().toString();
                if (entry.isDirectory() || !name.endsWith(".mv.db")) {
                    continue;
                }
                Path target = database; // whatever the backup's file was called, it becomes this database
                Path partial = folder.resolve(name + ".restoring");
                Files.copy(zip, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                files++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Restoring " + backup + " failed", e);
        }
        if (files != 1) {
            throw new IllegalStateException("Not a backup of this app (expected one .mv.db file): " + backup);
        }
        log.info("Restored the database {} from the backup {}", database, backup.toAbsolutePath());
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (uncleanStop) {
            log.warn(
                    "Recovered after an unclean stop: the database {} opened and every committed save is in it",
                    folder);
        }
    }

    /** Runs after the data source has closed: this was a clean stop. */
    @Override
    public void destroy() throws IOException {
        if (folder != null) {
            Files.deleteIfExists(folder.resolve(MARKER));
        }
    }
}
