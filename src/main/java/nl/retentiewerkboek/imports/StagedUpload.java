package nl.retentiewerkboek.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import nl.retentiewerkboek.metrics.Worksheet;

/**
 * An uploaded file kept between the mapping step and "use these": a temporary file only its owner's process can
 * read, deleted when the choice is made, the upload is cancelled or the screen is left. Files left behind by a crash
 * are removed after a day by the next upload.
 */
public final class StagedUpload implements AutoCloseable {

    private static final String DIRECTORY = "retentiewerkboek-uploads";
    private static final Duration LEFT_BEHIND = Duration.ofDays(1);

    private final long owner;
    private final Worksheet worksheet;
    private final String fileName;
    private final Path file;
    /** The last read of this file (what the mapping step shows), reused by "use these". */
    private volatile Object lastRead;

    private StagedUpload(long owner, Worksheet worksheet, String fileName, Path file) {
        this.owner = owner;
        this.worksheet = worksheet;
        this.fileName = fileName == null ? "" : fileName;
        this.file = file;
    }

    /** Copies an upload (at most {@link CsvImporter#MAX_BYTES}) to a temporary file. */
    static StagedUpload copy(long owner, Worksheet worksheet, InputStream in, String fileName, Instant now) {
        Path file = null;
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), DIRECTORY);
            Files.createDirectories(dir);
            removeLeftBehind(dir, now);
            file = posix()
                    ? Files.createTempFile(
                            dir,
                            "upload-",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "upload-", ".tmp");
            try (InputStream limited = CsvImporter.limited(in)) {
                Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return new StagedUpload(owner, worksheet, fileName, file);
        } catch (IOException e) {
            delete(file);
            throw CsvImporter.unwrap(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void removeLeftBehind(Path dir, Instant now) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                        try {
                            return Files.getLastModifiedTime(f).toInstant().isBefore(now.minus(LEFT_BEHIND));
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .forEach(StagedUpload::delete);
        } catch (IOException e) {
            // another upload is tidying up at the same time; the next one tries again
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // removed after a day by the next upload
            }
        }
    }

    long owner() {
        return owner;
    }

    Worksheet worksheet() {
        return worksheet;
    }

    public String fileName() {
        return fileName;
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    Object lastRead() {
        return lastRead;
    }

    void lastRead(Object read) {
        this.lastRead = read;
    }

    @Override
    public void close() {
        lastRead = null;
        delete(file);
    }
}
