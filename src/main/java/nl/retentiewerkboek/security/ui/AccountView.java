package nl.retentiewerkboek.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.UserSummary;

/** The signed-in user's account; a participant can delete it with all their data. */
@Route("account")
@Menu(title = "nav.account", order = 40, icon = "vaadin:user")
@PermitAll
class AccountView extends Main implements HasDynamicTitle {

    AccountView(AccountService accounts, AuthenticationContext authentication) {
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
        if (me.role() == Role.DEELNEMER) {
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

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · " + getTranslation("app.title");
    }
}
