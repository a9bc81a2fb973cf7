package nl.retentiewerkboek.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.retentiewerkboek.base.LocalizedFields;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.PasswordPolicy;
import nl.retentiewerkboek.security.PasswordResets;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.UserSummary;

/** The beheerder manages trainer accounts: create, deactivate and reactivate, give a new password. */
@Route("beheer/trainers")
@Menu(title = "nav.trainers", order = 30, icon = "vaadin:user-star")
@RolesAllowed(AppRoles.BEHEERDER)
class TrainersView extends Main implements HasDynamicTitle {

    private final AccountService accounts;
    private final PasswordResets resets;
    private final Div list = new Div();

    TrainersView(AccountService accounts, PasswordResets resets) {
        this.resets = resets;
        this.accounts = accounts;
        addClassName("cohorts-view");
        setId("trainers");
        add(new H1(getTranslation("trainers.title")), newTrainer(), list);
        showList();
    }

    private Div newTrainer() {
        Div card = new Div();
        card.addClassName("cohort-card");
        TextField name = new TextField(getTranslation("trainers.name"));
        name.setId("trainer-new-name");
        TextField company = new TextField(getTranslation("trainers.company"));
        company.setId("trainer-new-company");
        EmailField email = new EmailField(getTranslation("trainers.email"));
        email.setId("trainer-new-email");
        PasswordField password = new PasswordField(getTranslation("trainers.password"));
        password.setId("trainer-new-password");
        LocalizedFields.passwordField(password, getLocale());
        password.setHelperText(getTranslation("join.password.help", AccountService.MIN_PASSWORD_LENGTH));
        Paragraph message = new Paragraph();
        message.setId("trainer-new-message");
        Button create = new Button(getTranslation("trainers.create"), e -> {
            try {
                String user = email.getValue() == null ? "" : email.getValue().strip();
                if (!user.contains("@")) {
                    throw new AccountService.AccountRejected(AccountService.AccountProblem.EMAIL_INVALID);
                }
                accounts.createAccount(user, password.getValue(), name.getValue(), company.getValue(), Role.TRAINER);
                message.setText(getTranslation("trainers.created", name.getValue()));
                name.clear();
                company.clear();
                email.clear();
                password.clear();
                showList();
            } catch (AccountService.AccountRejected rejected) {
                message.setText(getTranslation(
                        rejected.problem() == AccountService.AccountProblem.USERNAME_TAKEN
                                ? "trainers.username-taken"
                                : rejected.problem().messageKey(),
                        AccountService.MIN_PASSWORD_LENGTH,
                        PasswordPolicy.MAX_LENGTH));
            }
        });
        create.setId("trainer-new-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        Div fields = new Div(name, company, email, password);
        fields.addClassName("cohort-fields");
        card.add(new H2(getTranslation("trainers.new")), fields, create, message);
        return card;
    }

    private void showList() {
        list.removeAll();
        for (UserSummary trainer : accounts.trainers()) {
            Div card = new Div();
            card.addClassName("cohort-card");
            card.setId("trainer-" + trainer.id());
            Span who = new Span(trainer.displayName() + " · " + trainer.username()
                    + (trainer.company() == null ? "" : " · " + trainer.company()));
            Paragraph state = new Paragraph(getTranslation(trainer.active() ? "trainers.active" : "trainers.inactive"));
            state.addClassName("result-sub");
            state.setId("trainer-" + trainer.id() + "-state");
            Button toggle =
                    new Button(getTranslation(trainer.active() ? "trainers.deactivate" : "trainers.activate"), e -> {
                        accounts.setTrainerActive(trainer.id(), !trainer.active());
                        showList();
                    });
            toggle.setId("trainer-" + trainer.id() + "-toggle");
            toggle.addThemeVariants(ButtonVariant.TERTIARY);
            PasswordField fresh = new PasswordField(getTranslation("trainers.new-password"));
            fresh.setId("trainer-" + trainer.id() + "-password");
            LocalizedFields.passwordField(fresh, getLocale());
            Paragraph result = new Paragraph();
            Button reset = new Button(getTranslation("trainers.reset"), e -> {
                try {
                    accounts.resetTrainerPassword(trainer.id(), fresh.getValue());
                    fresh.clear();
                    result.setText(getTranslation("trainers.reset-done"));
                } catch (AccountService.AccountRejected rejected) {
                    result.setText(getTranslation(
                            rejected.problem() == AccountService.AccountProblem.USERNAME_TAKEN
                                    ? "trainers.username-taken"
                                    : rejected.problem().messageKey(),
                            AccountService.MIN_PASSWORD_LENGTH,
                            PasswordPolicy.MAX_LENGTH));
                }
            });
            reset.setId("trainer-" + trainer.id() + "-reset");
            reset.addThemeVariants(ButtonVariant.TERTIARY);
            Button link = new Button(getTranslation("coach.reset-link"), e -> {
                boolean sent = resets.sendResetTo(trainer.id());
                result.setText(getTranslation(
                        sent ? "coach.reset-link.sent" : "coach.reset-link.no-email", trainer.displayName()));
            });
            link.setId("trainer-" + trainer.id() + "-reset-link");
            link.addThemeVariants(ButtonVariant.TERTIARY);
            Div row = new Div(fresh, reset, link, toggle);
            row.addClassName("cohort-fields");
            card.add(who, state, row, result);
            list.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("trainers.title") + " · " + getTranslation("app.title");
    }
}
