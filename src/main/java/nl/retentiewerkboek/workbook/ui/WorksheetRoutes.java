package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.Component;
import nl.retentiewerkboek.metrics.Worksheet;

/** Which view shows each worksheet (at {@code werkblad/<id>}). */
final class WorksheetRoutes {

    private WorksheetRoutes() {
    }

    static Class<? extends Component> view(Worksheet worksheet) {
        return switch (worksheet) {
            case RETENTIEMETER -> RetentiemeterView.class;
            case KOSTEN -> KostenView.class;
            case DRAAIDEUR -> DraaideurView.class;
            case NPS -> NpsView.class;
            case KLANTGROEPEN -> KlantgroepenView.class;
            case REDENEN -> RedenenView.class;
            case TEAMSPORT -> TeamsportView.class;
            case OFFBOARDING -> OffboardingView.class;
            case BEGROTING -> BegrotingView.class;
        };
    }
}
