package nl.retentiewerkboek.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import nl.retentiewerkboek.metrics.Worksheet;

/**
 * An uploaded file kept between the mapping step and "use these": a temporary file only its owner's process can
 * read, in a directory only its user may enter, deleted when the choice is made, the upload is cancelled or the screen
 * is left. Files left behind by a crash are removed after a day, at the next start or upload.
 */
public final class StagedUpload implements AutoCloseable {

    private static final String DIRECTORY = "retentiewerkboek-uploads-";
    private static final Duration LEFT_BEHIND = Duration.ofDays(1);

    private final long owner;
    private final Worksheet worksheet;
    private final String fileName;
    private volatile Path file;
    /** The last read of this file (what the mapping step shows), reused by "use these". */
    private volatile Object lastRead;

    private volatile boolean closed;
    /** The workbook itself while it has more than one sheet to choose from; null otherwise. */
    private volatile Path workbook;

    private volatile List<String> sheets = List.of();
    private volatile int sheet;

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
            Path dir = directory();
            removeLeftBehind(dir, now);
            file = temporary(dir);
            // written into the file as made (REPLACE_EXISTING would make a new one, readable by all)
            try (InputStream limited = CsvImporter.limited(in);
                    OutputStream out = Files.newOutputStream(
                            file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                limited.transferTo(out);
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

    private static Path directory;

    /** This process's own directory for kept uploads, only its user may enter (made once). */
    private static synchronized Path directory() throws IOException {
        if (directory == null || !Files.isDirectory(directory)) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            directory = posix()
                    ? Files.createTempDirectory(
                            tmp,
                            DIRECTORY,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(tmp, DIRECTORY);
        }
        return directory;
    }

    /**
     * Removes kept uploads more than a day old, of this process and of earlier ones that stopped without tidying up
     * (a crash); run at start-up and with each upload.
     */
    static void sweep(Instant now) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            UserPrincipal me = Files.getOwner(directory());
            dirs.filter(d -> d.getFileName().toString().startsWith(DIRECTORY)
                            && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)
                            && ownedBy(d, me))
                    .forEach(d -> {
                        removeLeftBehind(d, now);
                        if (!d.equals(directory) && old(d, now)) {
                            delete(d); // only when empty
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // not ours to read, or removed meanwhile: the next sweep tries again
        }
    }

    private static boolean ownedBy(Path dir, UserPrincipal me) {
        try {
            return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(me);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean old(Path f, Instant now) {
        try {
            return Files.getLastModifiedTime(f).toInstant().isBefore(now.minus(LEFT_BEHIND));
        } catch (IOException e) {
            return false;
        }
    }

    /** A new file only this process's user can read. */
    private static Path temporary(Path dir) throws IOException {
        return posix()
                ? Files.createTempFile(
                        dir,
                        "upload-",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "upload-", ".tmp");
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void removeLeftBehind(Path dir, Instant now) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> old(f, now)).forEach(StagedUpload::delete);
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

    /**
     * An Excel workbook becomes its first sheet as CSV, read like any other file from here on; an old .xls is refused
     * with its own advice. Heavy work: the caller runs it in its turn among the server's readers.
     */
    void convertWorkbook() {
        try {
            byte[] head;
            try (InputStream start = Files.newInputStream(file)) {
                head = start.readNBytes(8);
            }
            if (XlsxSheet.isOldExcel(head)) {
                throw new ImportFailedException(ImportFailedException.Reason.OLD_EXCEL);
            }
            if (XlsxSheet.isZip(head)) {
                Path csv = sheetAsCsv(file, 0);
                Path book = file;
                file = csv;
                if (sheets.size() > 1) {
                    workbook = book; // kept, to read another sheet when the participant chooses one
                } else {
                    delete(book);
                }
            }
        } catch (IOException e) {
            throw CsvImporter.unwrap(new UncheckedIOException(e));
        }
    }

    /**
     * Reads another sheet of the workbook instead (by its place among the tabs); what was read before is forgotten.
     * Heavy work: the caller runs it in its turn among the server's readers.
     */
    void chooseSheet(int index) {
        Path book = workbook;
        if (closed || book == null || index < 0 || index >= sheets.size() || index == sheet) {
            return;
        }
        try {
            Path csv = sheetAsCsv(book, index);
            Path old = file;
            file = csv;
            sheet = index;
            lastRead = null;
            delete(old);
            if (closed) {
                delete(csv); // closed meanwhile
            }
        } catch (IOException e) {
            throw CsvImporter.unwrap(new UncheckedIOException(e));
        }
    }

    /** One sheet of a workbook as a new CSV file in the uploads directory; the sheets' names go to {@link #sheets}. */
    private Path sheetAsCsv(Path book, int index) throws IOException {
        Path csv = temporary(directory());
        try {
            sheets = XlsxSheet.toCsv(book, csv, index);
            return csv;
        } catch (RuntimeException e) {
            delete(csv);
            throw e;
        }
    }

    /** The workbook's sheets, when it has more than one; empty for a CSV file or a workbook of one sheet. */
    public List<String> sheets() {
        return workbook == null ? List.of() : sheets;
    }

    /** Which of {@link #sheets()} is read. */
    public int sheet() {
        return sheet;
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
        if (closed) {
            throw new ImportFailedException(ImportFailedException.Reason.REPLACED);
        }
        return Files.newInputStream(file);
    }

    /** Whether it was used, cancelled or replaced by a newer upload. */
    boolean isClosed() {
        return closed;
    }

    Object lastRead() {
        return lastRead;
    }

    void lastRead(Object read) {
        if (!closed) {
            this.lastRead = read; // a read that ends after the upload was closed keeps nothing
        }
    }

    @Override
    public void close() {
        closed = true;
        lastRead = null;
        delete(file);
        delete(workbook);
    }
}
