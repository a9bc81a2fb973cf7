package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import nl.retentiewerkboek.imports.CsvImporter;
import nl.retentiewerkboek.imports.ImportFailedException;

/**
 * A CSV upload that streams the file straight into the importer (the upload request, not the UI,
 * does the reading; the browser shows progress), then hands the outcome to the view.
 */
class UploadBox<T> extends Composite<Div> {

    private static void discard(Object result) {
        if (result instanceof AutoCloseable waiting) {
            try {
                waiting.close();
            } catch (Exception e) {
                // a kept upload that cannot be removed now is removed after a day
            }
        }
    }

    interface Reader<T> {
        T read(InputStream in, String fileName);
    }

    private final AtomicReference<Object> outcome = new AtomicReference<>();
    private volatile boolean detached;

    UploadBox(
            String id,
            String limitKey,
            Reader<T> reader,
            Consumer<T> onSuccess,
            Consumer<ImportFailedException> onFailure) {
        Div box = getContent();
        box.addClassName("upload-box");
        UploadHandler handler = event -> {
            Object result;
            try {
                result = reader.read(event.getInputStream(), event.getFileName());
            } catch (ImportFailedException e) {
                result = e;
            } catch (RuntimeException e) {
                result = new ImportFailedException(ImportFailedException.Reason.UNREADABLE);
            }
            discard(outcome.getAndSet(result));
            if (detached) {
                discard(outcome.getAndSet(null)); // the screen was left while the file came in
            }
        };
        Upload upload = new Upload(handler);
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) CsvImporter.MAX_BYTES);
        upload.setAcceptedFileTypes(
                ".csv",
                ".txt",
                ".tsv",
                ".xlsx",
                "text/csv",
                "text/plain",
                "text/tab-separated-values",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Button button = new Button(box.getTranslation("import.choose"));
        upload.setUploadButton(button);
        upload.setDropLabel(new Span(box.getTranslation("import.drop")));
        upload.addFileRejectedListener(e -> onFailure.accept(new ImportFailedException(
                e.getErrorMessage() != null && e.getErrorMessage().toLowerCase().contains("big")
                        ? ImportFailedException.Reason.TOO_LARGE
                        : ImportFailedException.Reason.NOT_TEXT)));
        upload.addAllFinishedListener(e -> {
            Object result = outcome.getAndSet(null);
            upload.clearFileList();
            if (result instanceof ImportFailedException failure) {
                onFailure.accept(failure);
            } else if (result != null) {
                @SuppressWarnings("unchecked")
                T value = (T) result;
                onSuccess.accept(value);
            }
        });
        // a file still waiting when the screen is left (or a second upload overtook it) is removed
        addDetachListener(e -> {
            detached = true;
            discard(outcome.getAndSet(null));
        });
        addAttachListener(e -> detached = false);
        Paragraph limit = new Paragraph(box.getTranslation(limitKey));
        limit.addClassName("form-hint");
        box.add(upload, limit);
    }
}
