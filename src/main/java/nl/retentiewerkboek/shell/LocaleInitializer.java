package nl.retentiewerkboek.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.base.ErrorHandlerSetup;
import nl.retentiewerkboek.base.LanguageCookie;
import nl.retentiewerkboek.security.AccountService;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

/**
 * Every new window starts in the language last chosen in this browser (a cookie set by the
 * language switch, also on the sign-in page), else in the signed-in user's saved language, else in
 * Dutch. The page says which language it is in ({@code <html lang>}) from its first byte on, so a
 * screen reader reads Dutch as Dutch and English as English; switching reloads the page.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    private final AccountService accounts;

    LocaleInitializer(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Document page = response.getDocument();
            page.getElementsByTag("html")
                    .attr("lang", chosen(response.getVaadinRequest()).getLanguage());
            // a title from the first byte on, before the view's own title arrives (a screen reader names the tab)
            if (page.title().isBlank()) {
                page.title("Retentiewerkboek");
            }
        });
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Locale locale = chosen(VaadinRequest.getCurrent());
            ui.setLocale(locale);
            ui.getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
            ErrorHandlerSetup.speakConnection(ui);
        });
    }

    private Locale chosen(VaadinRequest request) {
        return LanguageCookie.of(request)
                .map(AppI18NProvider::forLanguage)
                .or(() -> accounts.me().map(me -> AppI18NProvider.forLanguage(me.preferredLanguage())))
                .orElse(AppI18NProvider.DUTCH);
    }
}
