package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.html.Anchor;
import nl.retentiewerkboek.metrics.Worksheet;

/** Where each worksheet lives: {@code werkblad/<id>}. */
public final class WorksheetRoutes {

    private WorksheetRoutes() {}

    public static String path(Worksheet worksheet) {
        return "werkblad/" + worksheet.id();
    }

    /** An in-app link to a worksheet (handled by the router, no page reload). */
    public static Anchor link(Worksheet worksheet, String text) {
        Anchor anchor = new Anchor(path(worksheet), text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }
}
