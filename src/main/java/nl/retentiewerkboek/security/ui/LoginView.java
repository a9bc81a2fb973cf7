package nl.retentiewerkboek.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import java.util.Optional;
import nl.retentiewerkboek.base.LanguageSwitch;
import nl.retentiewerkboek.base.LocalizedFields;
import nl.retentiewerkboek.security.ExpiredSessionFilter;
import nl.retentiewerkboek.security.ThrottledAuthentication;
import org.springframework.security.web.WebAttributes;

/** The sign-in page: Vaadin's LoginForm (fields keep the ids username and password), in the user's language. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final Div card = new Div();
    private Paragraph expired;

    public LoginView() {
        addClassName("login-view");
        login.setAction("login");
        login.setI18n(i18n());
        login.setForgotPasswordButtonVisible(true);
        LocalizedFields.loginForm(login, getLocale());
        login.addForgotPasswordListener(
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));

        card.addClassName("login-card");
        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("login-brand");
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassName("login-tagline");
        Paragraph intro = new Paragraph(getTranslation("login.intro"));
        card.add(new LanguageSwitch(language -> {}), title, tagline, intro, login);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null
                && session.getSession() != null
                && session.getSession().getAttribute(ExpiredSessionFilter.EXPIRED) != null) {
            session.getSession().removeAttribute(ExpiredSessionFilter.EXPIRED);
            showExpired();
        }
        add(card);
    }

    /** The session ended (timed out, signed out elsewhere, or the login form was left open too long). */
    private void showExpired() {
        if (expired != null) {
            return;
        }
        expired = new Paragraph(getTranslation("login.expired"));
        expired.setId("login-expired");
        expired.addClassName("login-expired");
        expired.getElement().setAttribute("role", "alert");
        card.addComponentAtIndex(Math.max(0, card.indexOf(login) - 1), expired);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgot-button"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (event.getLocation().getQueryParameters().getParameters().containsKey("expired")) {
            showExpired();
        }
        LoginI18n i18n = i18n();
        if (error) {
            lastFailure()
                    .filter(ThrottledAuthentication.TooManyAttempts.class::isInstance)
                    .map(ThrottledAuthentication.TooManyAttempts.class::cast)
                    .ifPresent(tooMany -> i18n.getErrorMessage()
                            .setMessage(getTranslation("login.too-many", waitText(tooMany.waitTime()))));
        }
        login.setI18n(i18n);
        login.setError(error);
    }

    /** Why the last sign-in of this browser failed (Spring Security keeps it in the session). */
    private static Optional<Object> lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getSession() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION));
    }

    private String waitText(Duration wait) {
        long seconds = wait.toSeconds();
        return seconds < 120
                ? getTranslation("login.wait.seconds", seconds)
                : getTranslation("login.wait.minutes", (seconds + 59) / 60);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.title");
    }
}
