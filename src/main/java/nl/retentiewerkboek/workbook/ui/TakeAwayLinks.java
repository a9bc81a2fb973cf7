package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.retentiewerkboek.base.FileNames;
import nl.retentiewerkboek.spreadsheets.Sheet;

/** "Download als CSV" and "als Excel" for a list the participant takes to their mail tool or phone. */
class TakeAwayLinks extends Composite<Div> {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * @param id the id prefix of the links ({@code <id>-csv}, {@code <id>-xlsx})
     * @param fileName the file's name without date and extension, in the user's language
     * @param header the column names, in the user's language
     * @param rows the rows as they are when the user clicks; fetched in the download request, outside the UI's lock,
     *     so they come from services and captured data only, never from the view's own state or translations
     */
    TakeAwayLinks(
            String id,
            String fileName,
            List<String> header,
            Supplier<List<List<Object>>> rows,
            Locale locale,
            LocalDate today) {
        Supplier<Sheet> sheet = () -> new Sheet(fileName, header, rows.get());
        Div box = getContent();
        box.addClassName("take-away");
        box.setId(id);
        String base = FileNames.slug(fileName) + "-" + today;
        box.add(
                link(id + "-csv", "takeaway.csv", base + ".csv", "text/csv;charset=utf-8", s -> s.csv(locale), sheet),
                link(id + "-xlsx", "takeaway.xlsx", base + ".xlsx", XLSX, Sheet::xlsx, sheet));
    }

    private Anchor link(
            String id,
            String labelKey,
            String file,
            String type,
            Function<Sheet, byte[]> write,
            Supplier<Sheet> sheet) {
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = write.apply(sheet.get());
                    return new DownloadResponse(new ByteArrayInputStream(bytes), file, type, bytes.length);
                }),
                "");
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("take-away-link");
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation(labelKey)));
        return anchor;
    }
}
