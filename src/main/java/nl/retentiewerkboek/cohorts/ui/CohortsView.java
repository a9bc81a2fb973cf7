package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.cohorts.CohortOverview;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.Role;

/** A trainer's cohorts (a beheerder's: all cohorts) with each participant's progress and W1 retention. */
@Route("groepen")
@RolesAllowed({AppRoles.TRAINER, AppRoles.BEHEERDER})
class CohortsView extends Main implements HasDynamicTitle {

    private final boolean admin;

    CohortsView(CohortService cohorts, AccountService accounts) {
        addClassName("cohorts-view");
        setId("cohorts");
        admin = accounts.me().map(u -> u.role() == Role.BEHEERDER).orElse(false);
        add(new H1(getTranslation(admin ? "cohorts.all-title" : "cohorts.title")));
        List<CohortOverview> overviews = cohorts.myCohorts(getLocale());
        if (overviews.isEmpty()) {
            add(new Paragraph(getTranslation("cohorts.none")));
            return;
        }
        overviews.forEach(overview -> add(card(overview)));
    }

    private Div card(CohortOverview cohort) {
        Locale locale = getLocale();
        Div card = new Div();
        card.addClassName("cohort-card");
        card.setId("cohort-" + cohort.id());
        card.add(new H2(cohort.name()));
        Div meta = new Div();
        meta.addClassName("cohort-meta");
        cohort.startsOn().ifPresent(date -> meta.add(new Span(getTranslation("cohorts.starts",
                date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale))))));
        cohort.location().ifPresent(location -> meta.add(new Span(getTranslation("cohorts.location", location))));
        if (admin) {
            meta.add(new Span(getTranslation("cohorts.trainer", cohort.trainerName())));
        }
        meta.add(new Span(getTranslation("cohorts.participants", cohort.participants().size())));
        card.add(meta);
        if (cohort.participants().isEmpty()) {
            card.add(new Paragraph(getTranslation("cohorts.no-participants")));
            return card;
        }
        Grid<CohortOverview.ParticipantRow> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(CohortOverview.ParticipantRow::name).setHeader(getTranslation("cohorts.column.name"))
                .setSortable(true).setFlexGrow(2);
        grid.addColumn(CohortOverview.ParticipantRow::company).setHeader(getTranslation("cohorts.column.company"))
                .setSortable(true).setFlexGrow(2);
        grid.addColumn(row -> getTranslation(row.total() == 1 ? "progress.summary-one" : "progress.summary", row.done(), row.total()))
                .setHeader(getTranslation("cohorts.column.progress")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(row -> row.retention()
                        .map(r -> LocaleNumbers.percent(r.retention(), locale))
                        .orElse(getTranslation("cohorts.not-filled")))
                .setHeader(getTranslation("cohorts.column.retention")).setFlexGrow(1);
        grid.setItems(cohort.participants());
        card.add(grid);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(admin ? "cohorts.all-title" : "cohorts.title") + " · " + getTranslation("app.title");
    }
}
