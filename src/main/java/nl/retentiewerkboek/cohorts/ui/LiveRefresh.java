package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.component.UI;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** How a trainer's screen refreshes when the broadcaster tells it of a change. */
final class LiveRefresh {

    private LiveRefresh() {}

    /**
     * Refreshes with the UI's session locked, on whichever thread Vaadin runs it. There Vaadin supplies the session's
     * security context; only where there is none (a run outside a request) the trainer's is set, and taken away after.
     */
    static void in(UI ui, SecurityContext trainer, Runnable refresh) {
        ui.access(() -> {
            if (SecurityContextHolder.getContext().getAuthentication() != null) {
                refresh.run();
                return;
            }
            SecurityContextHolder.setContext(trainer);
            try {
                refresh.run();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }
}
