package nl.retentiewerkboek.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import nl.retentiewerkboek.security.AccountService;
import org.springframework.stereotype.Component;

/**
 * Every new window starts in the language last chosen in this browser (a cookie set by the
 * language switch, also on the sign-in page), else in the signed-in user's saved language, else in
 * Dutch.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String COOKIE = "rwb-lang";

    private final AccountService accounts;

    LocaleInitializer(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Locale locale = cookieLanguage(VaadinRequest.getCurrent()).map(AppI18NProvider::forLanguage)
                    .or(() -> accounts.me().map(me -> AppI18NProvider.forLanguage(me.preferredLanguage())))
                    .orElse(AppI18NProvider.DUTCH);
            ui.getUI().setLocale(locale);
            ErrorHandlerSetup.speakConnection(ui.getUI());
        });
    }

    static Optional<String> cookieLanguage(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(v -> v.equals("nl") || v.equals("en"))
                .findFirst();
    }
}
