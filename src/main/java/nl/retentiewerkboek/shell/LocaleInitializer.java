package nl.retentiewerkboek.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.base.ErrorHandlerSetup;
import nl.retentiewerkboek.base.LanguageCookie;
import nl.retentiewerkboek.security.AccountService;
import org.springframework.stereotype.Component;

/**
 * Every new window starts in the language last chosen in this browser (a cookie set by the
 * language switch, also on the sign-in page), else in the signed-in user's saved language, else in
 * Dutch.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    private final AccountService accounts;

    LocaleInitializer(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Locale locale = LanguageCookie.of(VaadinRequest.getCurrent())
                    .map(AppI18NProvider::forLanguage)
                    .or(() -> accounts.me().map(me -> AppI18NProvider.forLanguage(me.preferredLanguage())))
                    .orElse(AppI18NProvider.DUTCH);
            ui.getUI().setLocale(locale);
            ErrorHandlerSetup.speakConnection(ui.getUI());
        });
    }
}
