package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.base.LocalizedFields;
import nl.retentiewerkboek.cohorts.CohortOverview;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.workbook.ui.kit.DemoBanner;

/** A trainer's cohorts (a beheerder's: all cohorts): set up a new one, open one's dashboard. */
@Route("groepen")
@Menu(title = "nav.cohorts", order = 20, icon = "vaadin:users")
@RolesAllowed({AppRoles.TRAINER, AppRoles.BEHEERDER})
class CohortsView extends Main implements HasDynamicTitle {

    private final CohortService cohorts;
    private final boolean admin;
    private final Div list = new Div();

    CohortsView(CohortService cohorts, AccountService accounts) {
        this.cohorts = cohorts;
        addClassName("cohorts-view");
        setId("cohorts");
        admin = accounts.me().map(u -> u.role() == Role.BEHEERDER).orElse(false);
        add(new H1(getTranslation(admin ? "cohorts.all-title" : "cohorts.title")));
        add(demo());
        if (!admin) {
            add(newCohortForm());
        }
        add(list);
        showList();
    }

    /** Where to show a worksheet on the beamer: the coach's own demo workbook, which counts in no group. */
    private Div demo() {
        Div demo = new Div();
        demo.addClassName("cohorts-demo");
        demo.setId("cohorts-demo");
        Paragraph text = new Paragraph(getTranslation("cohorts.demo.text"));
        Button open = new Button(
                getTranslation("cohorts.demo.open"),
                VaadinIcon.DESKTOP.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(DemoBanner.ROUTE)));
        open.setId("cohorts-demo-open");
        demo.add(text, open);
        return demo;
    }

    private Div newCohortForm() {
        Div form = new Div();
        form.addClassName("cohort-card");
        form.setId("cohort-new");
        TextField name = new TextField(getTranslation("cohorts.new.name"));
        name.setId("cohort-new-name");
        name.setMaxLength(200);
        name.setPlaceholder(getTranslation("cohorts.new.name.placeholder"));
        DatePicker date = new DatePicker(getTranslation("cohorts.new.date"));
        date.setId("cohort-new-date");
        LocalizedFields.datePicker(date, getLocale());
        TextField location = new TextField(getTranslation("cohorts.new.location"));
        location.setId("cohort-new-location");
        location.setMaxLength(200);
        Button create = new Button(getTranslation("cohorts.new.create"), VaadinIcon.PLUS.create(), e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("cohorts.new.name.required"));
                return;
            }
            long id = cohorts.createMyCohort(name.getValue(), date.getValue(), location.getValue());
            getUI().ifPresent(ui ->
                    ui.navigate(CohortDashboardView.class, new RouteParameters("cohortId", Long.toString(id))));
        });
        create.setId("cohort-new-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        name.setManualValidation(true);
        Div fields = new Div(name, date, location);
        fields.addClassName("cohort-fields");
        form.add(new H2(getTranslation("cohorts.new")), fields, create);
        return form;
    }

    private void showList() {
        list.removeAll();
        List<CohortOverview> overviews = cohorts.myCohorts(getLocale());
        if (overviews.isEmpty()) {
            list.add(new Paragraph(getTranslation("cohorts.none")));
            return;
        }
        overviews.forEach(overview -> list.add(card(overview)));
    }

    private Div card(CohortOverview cohort) {
        Locale locale = getLocale();
        Div card = new Div();
        card.addClassName("cohort-card");
        if (cohort.archived()) {
            card.addClassName("archived");
        }
        card.setId("cohort-" + cohort.id());
        card.add(new H2(cohort.name()));
        Div meta = new Div();
        meta.addClassName("cohort-meta");
        cohort.startsOn()
                .ifPresent(date ->
                        meta.add(new Span(getTranslation("cohorts.starts", LocaleNumbers.longDate(date, locale)))));
        cohort.location().ifPresent(location -> meta.add(new Span(getTranslation("cohorts.location", location))));
        if (admin) {
            meta.add(new Span(getTranslation("cohorts.trainer", cohort.trainerName())));
        }
        meta.add(new Span(
                getTranslation("cohorts.participants", cohort.participants().size())));
        meta.add(new Span(getTranslation(
                cohort.archived() ? "cohorts.archived" : cohort.joiningOpen() ? "cohorts.code" : "cohorts.closed",
                cohort.joinCode())));
        RouterLink open = new RouterLink(
                getTranslation("cohorts.open"),
                CohortDashboardView.class,
                new RouteParameters("cohortId", Long.toString(cohort.id())));
        open.setId("cohort-open-" + cohort.id());
        card.add(meta, open);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(admin ? "cohorts.all-title" : "cohorts.title") + " · " + getTranslation("app.title");
    }
}
