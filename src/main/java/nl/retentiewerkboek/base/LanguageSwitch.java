package nl.retentiewerkboek.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * NL | EN. Switching reloads the page in the new language and remembers the choice: on the
 * account when someone is signed in (the caller passes how), and in a cookie for the sign-in page.
 */
public class LanguageSwitch extends Div {

    public LanguageSwitch(Consumer<String> rememberForAccount) {
        addClassName("language-switch");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", getTranslation("language.switch"));
        add(button("nl", "NL", rememberForAccount), button("en", "EN", rememberForAccount));
    }

    private Button button(String language, String label, Consumer<String> rememberForAccount) {
        Button button = new Button(label);
        button.setId("language-" + language);
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        Locale target = AppI18NProvider.forLanguage(language);
        boolean current = AppI18NProvider.supported(getLocale()).equals(target);
        button.getElement().setAttribute("aria-pressed", Boolean.toString(current));
        button.getElement().setAttribute("lang", language);
        button.getElement().setAttribute("aria-label", "nl".equals(language) ? "Nederlands" : "English");
        if (current) {
            button.addClassName("current");
        }
        button.addClickListener(e -> {
            rememberForAccount.accept(language);
            Cookie cookie = new Cookie(LanguageCookie.NAME, language);
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            if (VaadinService.getCurrentResponse() != null) {
                VaadinService.getCurrentResponse().addCookie(cookie);
            }
            VaadinSession.getCurrent().setLocale(target);
            UI.getCurrent().setLocale(target);
            UI.getCurrent().getPage().reload();
        });
        return button;
    }
}
