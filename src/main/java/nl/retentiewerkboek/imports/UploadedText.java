package nl.retentiewerkboek.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import nl.retentiewerkboek.spreadsheets.XlsxText;

/**
 * An upload as text for the CSV reader: a CSV or text file as it comes, an Excel workbook (.xlsx) as the CSV text of
 * its first sheet. The workbook and its text live in owner-only temporary files for the time of the reading and are
 * deleted when this closes; an old .xls is refused with its own message.
 */
final class UploadedText implements AutoCloseable {

    private final InputStream text;
    private final Path workbook;
    private final Path csv;

    private UploadedText(InputStream text, Path workbook, Path csv) {
        this.text = text;
        this.workbook = workbook;
        this.csv = csv;
    }

    /** The stream to read as CSV. */
    InputStream stream() {
        return text;
    }

    static UploadedText of(InputStream upload) {
        BufferedInputStream in = new BufferedInputStream(upload, 8192);
        byte[] head;
        try {
            in.mark(8);
            head = in.readNBytes(8);
            in.reset();
        } catch (IOException e) {
            throw new ImportFailedException(ImportFailedException.Reason.UNREADABLE);
        }
        if (XlsxText.looksLikeOldExcel(head)) {
            throw new ImportFailedException(ImportFailedException.Reason.OLD_EXCEL);
        }
        if (!XlsxText.looksLikeXlsx(head)) {
            return new UploadedText(in, null, null);
        }
        Path workbook = null;
        Path csv = null;
        try {
            workbook = ownerOnlyTempFile(".xlsx");
            csv = ownerOnlyTempFile(".csv");
            copyAtMost(in, workbook, CsvImporter.MAX_BYTES);
            XlsxText.toCsv(workbook, csv, CsvImporter.MAX_BYTES);
            Files.delete(workbook);
            return new UploadedText(Files.newInputStream(csv), null, csv);
        } catch (XlsxText.Refused e) {
            deleteQuietly(workbook);
            deleteQuietly(csv);
            throw new ImportFailedException(
                    switch (e.why()) {
                        case UNPACKS_TOO_LARGE, TEXT_TOO_LARGE -> ImportFailedException.Reason.WORKBOOK_TOO_LARGE;
                        case NOT_A_WORKBOOK -> ImportFailedException.Reason.NOT_TEXT;
                    });
        } catch (IOException | RuntimeException e) {
            deleteQuietly(workbook);
            deleteQuietly(csv);
            if (e instanceof ImportFailedException failed) {
                throw failed;
            }
            throw new ImportFailedException(ImportFailedException.Reason.UNREADABLE);
        }
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(workbook);
            deleteQuietly(csv);
        }
    }

    private static Path ownerOnlyTempFile(String suffix) throws IOException {
        try {
            return Files.createTempFile(
                    "upload-",
                    suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile("upload-", suffix);
        }
    }

    private static void copyAtMost(InputStream in, Path target, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new ImportFailedException(ImportFailedException.Reason.TOO_LARGE);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file; the system's clean-up takes what is left
            }
        }
    }
}
