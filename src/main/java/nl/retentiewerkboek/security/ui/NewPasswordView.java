package nl.retentiewerkboek.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import nl.retentiewerkboek.base.LanguageSwitch;
import nl.retentiewerkboek.base.LocalizedFields;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.PasswordPolicy;
import nl.retentiewerkboek.security.PasswordResets;
import nl.retentiewerkboek.security.SignIn;
import org.springframework.security.access.AccessDeniedException;

/**
 * The page a reset link opens: a new password twice, then signed in. A link that no longer works says so and offers a
 * new one; a password the rules refuse keeps the link working.
 */
@Route(value = PasswordResets.ROUTE + "/:token", autoLayout = false)
@AnonymousAllowed
public class NewPasswordView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordResets resets;
    private final SignIn signIn;
    private final Div card = new Div();

    NewPasswordView(PasswordResets resets, SignIn signIn) {
        this.resets = resets;
        this.signIn = signIn;
        addClassName("login-view");
        card.addClassName("login-card");
        card.setId("new-password");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        card.removeAll();
        H1 title = new H1(getTranslation("reset.title"));
        title.addClassName("login-brand");
        card.add(new LanguageSwitch(language -> {}), title);
        Optional<String> whose = resets.whoseLink(token);
        if (whose.isEmpty()) {
            invalid();
            return;
        }
        card.add(new Paragraph(getTranslation("reset.for", whose.get())));
        PasswordField password = new PasswordField(getTranslation("reset.password"));
        password.setId("new-password-password");
        LocalizedFields.passwordField(password, getLocale());
        password.setWidthFull();
        password.setHelperText(getTranslation("join.password.help", AccountService.MIN_PASSWORD_LENGTH));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        PasswordField repeat = new PasswordField(getTranslation("reset.repeat"));
        repeat.setId("new-password-repeat");
        LocalizedFields.passwordField(repeat, getLocale());
        repeat.setWidthFull();
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        Button save = new Button(getTranslation("reset.save"), e -> {
            password.setInvalid(false);
            repeat.setInvalid(false);
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("reset.mismatch"));
                repeat.setInvalid(true);
                return;
            }
            try {
                String username = resets.reset(token, password.getValue());
                signIn.signIn(username, password.getValue());
                getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
            } catch (AccountService.AccountRejected rejected) {
                password.setErrorMessage(getTranslation(
                        rejected.problem().messageKey(),
                        AccountService.MIN_PASSWORD_LENGTH,
                        PasswordPolicy.MAX_LENGTH));
                password.setInvalid(true);
            } catch (AccessDeniedException gone) {
                card.removeAll();
                card.add(new LanguageSwitch(language -> {}), title);
                invalid();
            }
        });
        save.setId("new-password-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        card.add(password, repeat, save);
    }

    private void invalid() {
        Paragraph text = new Paragraph(getTranslation("reset.invalid"));
        text.setId("new-password-invalid");
        text.getElement().setAttribute("role", "alert");
        RouterLink again = new RouterLink(getTranslation("reset.again"), ForgotPasswordView.class);
        again.setId("new-password-again");
        card.add(text, again);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title") + " · " + getTranslation("app.title");
    }
}
