package nl.retentiewerkboek.base;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** An error in a click or a change shows a calm message in the user's language; details go to the log. */
@Component
class ErrorHandlerSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlerSetup.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            log.error("Unexpected error in the user interface", error.getThrowable());
            error.getComponent().flatMap(c -> c.getUI()).or(() -> java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent()))
                    .ifPresent(ui -> ui.access(() -> {
                        Notification n = Notification.show(ui.getTranslation("error.message"), 8000, Notification.Position.MIDDLE);
                        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }));
        }));
    }
}
