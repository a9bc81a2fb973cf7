package nl.retentiewerkboek.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.retentiewerkboek.base.LanguageSwitch;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.PasswordResets;

/**
 * "Wachtwoord vergeten?": an e-mail address in, a reset link out by mail. The page says the same whether the address has
 * an account or not.
 */
@Route(value = "wachtwoord-vergeten", autoLayout = false)
@AnonymousAllowed
public class ForgotPasswordView extends Main implements HasDynamicTitle {

    ForgotPasswordView(PasswordResets resets) {
        addClassName("login-view");
        Div card = new Div();
        card.addClassName("login-card");
        card.setId("forgot");
        H1 title = new H1(getTranslation("forgot.title"));
        title.addClassName("login-brand");
        EmailField email = new EmailField(getTranslation("forgot.email"));
        email.setId("forgot-email");
        email.setWidthFull();
        email.setMaxLength(320);
        email.setRequiredIndicatorVisible(true);
        email.setAutocomplete(Autocomplete.EMAIL);
        Paragraph answer = new Paragraph();
        answer.setId("forgot-answer");
        answer.getElement().setAttribute("role", "status");
        answer.setVisible(false);
        Button send = new Button(getTranslation("forgot.send"), e -> {
            String address = email.getValue().strip();
            if (!AccountService.isEmail(address)) {
                email.setErrorMessage(getTranslation("account.change.email-invalid"));
                email.setInvalid(true);
                return;
            }
            email.setInvalid(false);
            PasswordResets.Asked asked = resets.requestReset(address);
            answer.setText(
                    asked == PasswordResets.Asked.TOO_MANY
                            ? getTranslation("forgot.too-many")
                            : getTranslation("forgot.sent", address));
            answer.setVisible(true);
        });
        send.setId("forgot-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickShortcut(Key.ENTER);
        RouterLink back = new RouterLink(getTranslation("forgot.back"), LoginView.class);
        back.setId("forgot-back");
        Div actions = new Div(send, back);
        actions.addClassName("forgot-actions");
        card.add(
                new LanguageSwitch(language -> {}),
                title,
                new Paragraph(getTranslation("forgot.intro")),
                email,
                actions,
                answer);
        add(card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.title") + " · " + getTranslation("app.title");
    }
}
