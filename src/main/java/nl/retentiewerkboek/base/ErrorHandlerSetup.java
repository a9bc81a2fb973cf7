package nl.retentiewerkboek.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An error in a click or a change shows a calm message in the user's language; details go to the
 * log. A browser that went away (closed tab, dropped Wi-Fi) is not an error. Vaadin's own messages
 * (connection lost, session expired) speak the user's language too: an expired session says so
 * and leads to the login, which brings the user back to the same page.
 */
@Component
public class ErrorHandlerSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlerSetup.class);

    private final AppI18NProvider i18n = new AppI18NProvider();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
                    if (isClientGone(error.getThrowable())) {
                        log.debug(
                                "A browser went away during a request: {}",
                                error.getThrowable().toString());
                        return;
                    }
                    log.error("Unexpected error in the user interface", error.getThrowable());
                    error.getComponent()
                            .flatMap(c -> c.getUI())
                            .or(() -> Optional.ofNullable(UI.getCurrent()))
                            .ifPresent(ui -> ui.access(() -> {
                                Notification n = Notification.show(
                                        ui.getTranslation("error.message"), 8000, Notification.Position.MIDDLE);
                                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                            }));
                }));
        // the session may be gone: the language is the one chosen in this browser (cookie), else Dutch, as in the app
        event.getSource()
                .setSystemMessagesProvider(info -> messages(LanguageCookie.of(VaadinRequest.getCurrent())
                        .map(AppI18NProvider::forLanguage)
                        .orElse(AppI18NProvider.DUTCH)));
    }

    /** The connection indicator's texts in the UI's language (called once the UI's locale is set). */
    @SuppressWarnings("deprecation")
    public static void speakConnection(UI ui) {
        Locale locale = ui.getLocale();
        AppI18NProvider i18n = new AppI18NProvider();
        ui.getReconnectDialogConfiguration().setDialogText(i18n.getTranslation("connection.reconnecting", locale));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(i18n.getTranslation("connection.lost", locale));
        ui.getPage()
                .executeJs(
                        "if (window.Vaadin && window.Vaadin.connectionIndicator) {"
                                + " window.Vaadin.connectionIndicator.onlineText = $0; }",
                        i18n.getTranslation("connection.online", locale));
    }

    CustomizedSystemMessages messages(Locale locale) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredCaption(i18n.getTranslation("session.expired.caption", locale));
        messages.setSessionExpiredMessage(i18n.getTranslation("session.expired.message", locale));
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setInternalErrorCaption(i18n.getTranslation("session.error.caption", locale));
        messages.setInternalErrorMessage(i18n.getTranslation("session.error.message", locale));
        messages.setCookiesDisabledCaption(i18n.getTranslation("session.error.caption", locale));
        return messages;
    }

    /** Whether an error only means that the browser closed the connection (not a fault of ours). */
    static boolean isClientGone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("ClientAbortException")
                    || name.endsWith("EofException")
                    || name.endsWith("AsyncRequestNotUsableException")) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("broken pipe") || m.contains("connection reset") || m.contains("connection closed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
