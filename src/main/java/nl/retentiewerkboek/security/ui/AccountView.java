package nl.retentiewerkboek.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.retentiewerkboek.base.LocalizedFields;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.PasswordPolicy;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.SignIn;
import nl.retentiewerkboek.security.UserSummary;

/** The signed-in user's account; a participant can delete it with all their data. */
@Route("account")
@Menu(title = "nav.account", order = 40, icon = "vaadin:user")
@PermitAll
class AccountView extends Main implements HasDynamicTitle {

    AccountView(AccountService accounts, AuthenticationContext authentication, SignIn signIn) {
        addClassName("cohorts-view");
        setId("account");
        add(new H1(getTranslation("account.title")));
        UserSummary me = accounts.me().orElseThrow();
        Div card = new Div();
        card.addClassName("cohort-card");
        card.add(
                new Paragraph(getTranslation("account.name", me.displayName())),
                new Paragraph(getTranslation("account.username", me.username())),
                new Paragraph(getTranslation(
                        "account.role", getTranslation("role." + me.role().name()))));
        if (me.company() != null) {
            card.add(new Paragraph(getTranslation("account.company", me.company())));
        }
        add(card);
        if (!AccountService.isEmail(me.username())) {
            // an account from before everyone signed in with an e-mail address: how to move to one
            Paragraph notice = new Paragraph(getTranslation("account.not-email", me.username()));
            notice.setId("account-not-email");
            notice.addClassName("notice");
            add(notice);
        }
        add(passwordCard(accounts), emailCard(accounts, signIn));
        if (me.role() == Role.TRAINER) {
            Checkbox digest = new Checkbox(getTranslation("account.digest"), accounts.myDigest());
            digest.setId("account-digest");
            digest.addValueChangeListener(e -> accounts.setMyDigest(e.getValue()));
            Div mail = new Div(
                    new H2(getTranslation("account.digest.title")),
                    new Paragraph(getTranslation("account.digest.text")),
                    digest);
            mail.addClassName("cohort-card");
            mail.setId("account-mail");
            add(mail);
        }
        if (me.role() == Role.DEELNEMER) {
            Checkbox reminders = new Checkbox(getTranslation("account.reminders"), accounts.myReminders());
            reminders.setId("account-reminders");
            reminders.addValueChangeListener(e -> accounts.setMyReminders(e.getValue()));
            Div mail = new Div(
                    new H2(getTranslation("account.reminders.title")),
                    new Paragraph(getTranslation("account.reminders.text")),
                    reminders);
            mail.addClassName("cohort-card");
            mail.setId("account-mail");
            add(mail);
            Div danger = new Div();
            danger.addClassName("cohort-card");
            danger.add(
                    new H2(getTranslation("account.delete.title")),
                    new Paragraph(getTranslation("account.delete.text")));
            Button delete = new Button(getTranslation("account.delete"), e -> {
                Dialog dialog = new Dialog();
                dialog.setHeaderTitle(getTranslation("account.delete.confirm-title"));
                dialog.add(new Paragraph(getTranslation("account.delete.confirm")));
                Button yes = new Button(getTranslation("account.delete.yes"), click -> {
                    accounts.deleteMyAccount();
                    dialog.close();
                    authentication.logout();
                });
                yes.setId("account-delete-yes");
                yes.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
                Button no = new Button(getTranslation("account.delete.no"), click -> dialog.close());
                no.setId("account-delete-no");
                dialog.getFooter().add(no, yes);
                dialog.open();
            });
            delete.setId("account-delete");
            delete.addThemeVariants(ButtonVariant.ERROR);
            danger.add(delete);
            add(danger);
        }
    }

    /** A new password, with the current one; other devices are signed out. */
    private Div passwordCard(AccountService accounts) {
        Div card = new Div();
        card.addClassName("cohort-card");
        card.setId("account-password");
        PasswordField current = new PasswordField(getTranslation("account.password.current"));
        current.setId("account-password-current");
        LocalizedFields.passwordField(current, getLocale());
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        PasswordField fresh = new PasswordField(getTranslation("account.password.new"));
        fresh.setId("account-password-new");
        LocalizedFields.passwordField(fresh, getLocale());
        fresh.setHelperText(getTranslation("join.password.help", AccountService.MIN_PASSWORD_LENGTH));
        fresh.setAutocomplete(Autocomplete.NEW_PASSWORD);
        PasswordField repeat = new PasswordField(getTranslation("account.password.repeat"));
        repeat.setId("account-password-repeat");
        LocalizedFields.passwordField(repeat, getLocale());
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        Paragraph done = status("account-password-saved");
        Button save = new Button(getTranslation("account.password.save"), e -> {
            List.of(current, fresh, repeat).forEach(f -> f.setInvalid(false));
            done.setVisible(false);
            if (!fresh.getValue().equals(repeat.getValue())) {
                invalid(repeat, getTranslation("reset.mismatch"));
                return;
            }
            try {
                accounts.changeMyPassword(current.getValue(), fresh.getValue());
                List.of(current, fresh, repeat).forEach(PasswordField::clear);
                done.setText(getTranslation("account.password.saved"));
                done.setVisible(true);
            } catch (AccountService.ChangeRefused refused) {
                invalid(current, getTranslation(refused.problem().messageKey()));
            } catch (AccountService.AccountRejected rejected) {
                invalid(
                        fresh,
                        getTranslation(
                                rejected.problem().messageKey(),
                                AccountService.MIN_PASSWORD_LENGTH,
                                PasswordPolicy.MAX_LENGTH));
            }
        });
        save.setId("account-password-save");
        Div fields = new Div(current, fresh, repeat);
        fields.addClassName("cohort-fields");
        card.add(new H2(getTranslation("account.password.title")), fields, save, done);
        return card;
    }

    /** A new e-mail address (also the sign-in name), with the current password; this session stays signed in. */
    private Div emailCard(AccountService accounts, SignIn signIn) {
        Div card = new Div();
        card.addClassName("cohort-card");
        card.setId("account-email");
        EmailField email = new EmailField(getTranslation("account.email.new"));
        email.setId("account-email-new");
        email.setMaxLength(100);
        email.setAutocomplete(Autocomplete.EMAIL);
        PasswordField current = new PasswordField(getTranslation("account.password.current"));
        current.setId("account-email-password");
        LocalizedFields.passwordField(current, getLocale());
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        Paragraph done = status("account-email-saved");
        Button save = new Button(getTranslation("account.email.save"), e -> {
            email.setInvalid(false);
            current.setInvalid(false);
            done.setVisible(false);
            try {
                String address = accounts.changeMyEmail(current.getValue(), email.getValue());
                signIn.signIn(address, current.getValue());
                // a fresh page: the new sign-in is in the session, and the page shows the new address
                getUI().ifPresent(ui -> ui.getPage().setLocation("account"));
            } catch (AccountService.ChangeRefused refused) {
                invalid(
                        refused.problem() == AccountService.ChangeProblem.WRONG_PASSWORD ? current : email,
                        getTranslation(refused.problem().messageKey()));
            }
        });
        save.setId("account-email-save");
        Div fields = new Div(email, current);
        fields.addClassName("cohort-fields");
        card.add(
                new H2(getTranslation("account.email.title")),
                new Paragraph(getTranslation("account.email.text")),
                fields,
                save,
                done);
        return card;
    }

    private static Paragraph status(String id) {
        Paragraph status = new Paragraph();
        status.setId(id);
        status.addClassName("demo-emptied");
        status.getElement().setAttribute("role", "status");
        status.setVisible(false);
        return status;
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · " + getTranslation("app.title");
    }
}
