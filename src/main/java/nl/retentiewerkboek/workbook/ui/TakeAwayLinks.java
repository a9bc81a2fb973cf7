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
     * @param sheet the list as it is when the user clicks
     */
    TakeAwayLinks(String id, String fileName, Supplier<Sheet> sheet, Locale locale, LocalDate today) {
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
