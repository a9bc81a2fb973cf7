package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.retentiewerkboek.base.LanguageSwitch;
import nl.retentiewerkboek.base.LocalizedFields;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.PasswordPolicy;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.SignIn;
import nl.retentiewerkboek.security.UserSummary;
import org.springframework.security.core.AuthenticationException;

/**
 * The join link: a new participant signs up and lands in the cohort's workbook; a signed-in
 * participant joins with one click. Unknown or closed codes get a clear message.
 */
@Route(value = "join/:code?", autoLayout = false)
@AnonymousAllowed
class JoinView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CohortService cohorts;
    private final AccountService accounts;
    private final SignIn signIn;
    private final Div card = new Div();

    JoinView(CohortService cohorts, AccountService accounts, SignIn signIn) {
        this.cohorts = cohorts;
        this.accounts = accounts;
        this.signIn = signIn;
        addClassName("login-view");
        card.addClassName("login-card");
        card.setId("join");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("code").orElse(""));
    }

    private void show(String code) {
        card.removeAll();
        H1 brand = new H1(getTranslation("app.title"));
        brand.addClassName("login-brand");
        card.add(new LanguageSwitch(language -> {}), brand);
        Optional<CohortService.JoinInfo> info;
        try {
            info = code.isBlank() ? Optional.empty() : cohorts.joinInfo(code);
        } catch (CohortService.JoinRejected rejected) {
            askCode(code, rejected.problem().messageKey());
            return;
        }
        if (info.isEmpty() || !info.get().open()) {
            askCode(code, info.isEmpty() ? (code.isBlank() ? null : "join.unknown-code") : "join.closed");
            return;
        }
        CohortService.JoinInfo cohort = info.get();
        card.add(new H2(getTranslation("join.title", cohort.cohortName())));
        cohort.startsOn()
                .ifPresent(d -> card.add(
                        new Paragraph(getTranslation("cohorts.starts", LocaleNumbers.longDate(d, getLocale())))));
        Optional<UserSummary> me = accounts.me();
        if (me.isPresent()) {
            if (me.get().role() != Role.DEELNEMER) {
                card.add(new Paragraph(getTranslation("join.not-participant")));
                return;
            }
            Button join = new Button(getTranslation("join.join-as", me.get().displayName()), e -> {
                try {
                    cohorts.join(code);
                    getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
                } catch (CohortService.JoinRejected rejected) {
                    askCode(code, rejected.problem().messageKey());
                }
            });
            join.setId("join-existing");
            join.addThemeVariants(ButtonVariant.PRIMARY);
            card.add(join);
            return;
        }
        signUpForm(code);
    }

    private void signUpForm(String code) {
        card.add(new Paragraph(getTranslation("join.intro")));
        TextField name = new TextField(getTranslation("join.name"));
        name.setId("join-name");
        name.setMaxLength(200);
        name.setAutocomplete(Autocomplete.NAME);
        TextField company = new TextField(getTranslation("join.company"));
        company.setId("join-company");
        company.setMaxLength(200);
        company.setAutocomplete(Autocomplete.ORGANIZATION);
        EmailField email = new EmailField(getTranslation("join.email"));
        email.setId("join-email");
        email.setMaxLength(100);
        PasswordField password = new PasswordField(getTranslation("join.password"));
        password.setId("join-password");
        LocalizedFields.passwordField(password, getLocale());
        password.setHelperText(getTranslation("join.password.help", AccountService.MIN_PASSWORD_LENGTH));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (var field : List.of(name, company, password)) {
            field.setWidthFull();
            field.setManualValidation(true);
        }
        email.setWidthFull();
        email.setManualValidation(true);
        Button create = new Button(getTranslation("join.create"), e -> {
            name.setInvalid(false);
            email.setInvalid(false);
            password.setInvalid(false);
            try {
                cohorts.signUpAndJoin(
                        code, email.getValue(), password.getValue(), name.getValue(), company.getValue(), getLocale());
                try {
                    signIn.signIn(email.getValue().strip().toLowerCase(Locale.ROOT), password.getValue());
                    getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
                } catch (AuthenticationException notNow) {
                    // the account exists and is in the group; signing in is limited right now: the login page says why
                    getUI().ifPresent(ui -> ui.getPage().setLocation("/login"));
                }
            } catch (CohortService.JoinRejected rejected) {
                askCode(code, rejected.problem().messageKey());
            } catch (AccountService.AccountRejected rejected) {
                var field = switch (rejected.problem()) {
                    case NAME_EMPTY -> (HasValidation) name;
                    default -> rejected.problem().aboutPassword() ? password : email;
                };
                field.setErrorMessage(getTranslation(
                        rejected.problem().messageKey(),
                        AccountService.MIN_PASSWORD_LENGTH,
                        PasswordPolicy.MAX_LENGTH));
                field.setInvalid(true);
            }
        });
        create.setId("join-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setWidthFull();
        Anchor login = new Anchor("login", getTranslation("join.have-account"));
        login.setId("join-login");
        card.add(name, company, email, password, create, login);
    }

    private void askCode(String code, String problemKey) {
        card.removeAll();
        H1 brand = new H1(getTranslation("app.title"));
        brand.addClassName("login-brand");
        card.add(new LanguageSwitch(language -> {}), brand, new H2(getTranslation("join.enter-code")));
        if (problemKey != null) {
            Paragraph problem = new Paragraph(getTranslation(problemKey));
            problem.setId("join-problem");
            problem.addClassName("join-problem");
            card.add(problem);
        }
        TextField input = new TextField(getTranslation("join.code"));
        input.setId("join-code");
        input.setValue(code == null ? "" : code);
        input.setMaxLength(20);
        input.setWidthFull();
        Button go = new Button(
                getTranslation("join.next"),
                e -> getUI().ifPresent(
                                ui -> ui.navigate("join/" + input.getValue().strip())));
        go.setId("join-next");
        go.addThemeVariants(ButtonVariant.PRIMARY);
        card.add(input, go);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("join.page-title") + " · " + getTranslation("app.title");
    }
}
