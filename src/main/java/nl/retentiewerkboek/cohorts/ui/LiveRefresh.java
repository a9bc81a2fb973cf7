package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.component.UI;
import nl.retentiewerkboek.security.OnBehalf;
import org.springframework.security.core.context.SecurityContext;

/** How a trainer's screen refreshes when the broadcaster tells it of a change. */
final class LiveRefresh {

    private LiveRefresh() {}

    /**
     * Refreshes with the UI's session locked, on whichever thread Vaadin runs it. There Vaadin supplies the session's
     * security context; only where there is none (a run outside a request) the trainer's is set, and taken away after.
     */
    static void in(UI ui, SecurityContext trainer, Runnable refresh) {
        ui.access(OnBehalf.of(trainer, refresh)::run);
    }
}
