package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.Optional;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.workbook.ModuleProgress;
import nl.retentiewerkboek.workbook.WorkbookProgress;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.DemoBanner;

/** The workbook's front page: where you stand, where to continue, and every module. */
@Route("")
@RouteAlias(DemoBanner.ROUTE)
@Menu(title = "nav.workbook", order = 0, icon = "vaadin:book")
@PermitAll
public class WorkbookView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final Paragraph emptied = new Paragraph();
    private final String titleKey;

    WorkbookView(WorkbookService workbook, LessonCatalogue catalogue, AccountService accounts) {
        addClassName("workbook-view");
        Optional<UserSummary> me = accounts.me();
        boolean demo = workbook.isMyWorkbookDemo();

        if (demo) {
            add(new DemoBanner(workbook));
        }
        titleKey = demo ? "demo.title" : "workbook.title";
        H1 title = new H1(getTranslation(titleKey));
        add(title);
        me.ifPresent(user -> add(new Paragraph(getTranslation("workbook.welcome", user.displayName()))));
        emptied.setId("demo-emptied");
        emptied.addClassName("demo-emptied");
        emptied.getElement().setAttribute("role", "status");
        emptied.setVisible(false);
        add(emptied);

        WorkbookProgress progress = workbook.myProgress(getLocale());
        add(new Paragraph(getTranslation(demo ? "demo.intro" : "workbook.intro")));
        Div actions = new Div();
        actions.addClassName("workbook-actions");
        if (demo) {
            Button cohorts = new Button(
                    getTranslation(
                            me.map(u -> u.role() == Role.BEHEERDER).orElse(false) ? "nav.all-cohorts" : "nav.cohorts"),
                    VaadinIcon.USERS.create(),
                    e -> navigate("groepen"));
            cohorts.setId("workbook-cohorts");
            actions.add(cohorts);
        }
        if (!progress.introRead()) {
            catalogue.intro(getLocale()).ifPresent(intro -> {
                Button read = new Button(
                        getTranslation("workbook.read-intro"),
                        VaadinIcon.INFO_CIRCLE_O.create(),
                        e -> navigate("les/" + intro.id()));
                read.setId("workbook-intro");
                read.addThemeVariants(ButtonVariant.PRIMARY);
                actions.add(read);
            });
        } else {
            progress.next().ifPresent(next -> {
                Button go = new Button(getTranslation("workbook.continue"), VaadinIcon.ARROW_RIGHT.create(), e -> {
                    if (next.lessonRead()) {
                        navigate(WorksheetRoutes.path(next.lesson().worksheet().orElseThrow()));
                    } else {
                        navigate("les/" + next.lesson().id());
                    }
                });
                go.setIconAfterText(true);
                go.setId("workbook-continue");
                go.addThemeVariants(ButtonVariant.PRIMARY);
                actions.add(go);
            });
        }
        add(actions);
        workbook.myRemeasureDate().ifPresent(due -> add(remeasure(workbook, due)));

        Div list = new Div();
        list.addClassName("module-list");
        for (ModuleProgress module : progress.modules()) {
            list.add(card(module.lesson(), module));
        }
        Div plan = new Div();
        plan.addClassName("module-card");
        plan.addClassName("plan-card");
        plan.setId("module-actionplan");
        Span kicker = new Span(getTranslation("nav.actionplan"));
        kicker.addClassName("kicker");
        H2 planTitle = new H2(getTranslation("workbook.actionplan"));
        Paragraph planText = new Paragraph(getTranslation("workbook.actionplan.text"));
        planText.addClassName("lesson-meta");
        Div planLinks = new Div(WorksheetRoutes.link(Worksheet.ACTIEPLAN, getTranslation("workbook.open-worksheet")));
        planLinks.addClassName("module-links");
        plan.add(kicker, planTitle, planText, planLinks);
        list.add(plan);
        add(list);
    }

    /** The re-measurement: announced with its date, and started once the date has come. */
    private Div remeasure(WorkbookService workbook, LocalDate due) {
        Div box = new Div();
        box.addClassName("band-box");
        box.setId("workbook-remeasure-box");
        String date = LocaleNumbers.date(due, getLocale());
        if (!workbook.isDue(due)) {
            box.add(new Paragraph(getTranslation("history.planned", date)));
            return box;
        }
        box.add(new Paragraph(getTranslation("history.due", date)));
        Button start = new Button(getTranslation("history.start"), VaadinIcon.REFRESH.create(), e -> {
            workbook.startMyRemeasurement();
            getUI().ifPresent(ui -> ui.navigate(WorksheetRoutes.path(Worksheet.RETENTIEMETER)));
        });
        start.setId("workbook-remeasure");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        box.add(start);
        return box;
    }

    private void navigate(String path) {
        getUI().ifPresent(ui -> ui.navigate(path));
    }

    private Div card(Lesson lesson, ModuleProgress progress) {
        Div card = new Div();
        card.addClassName("module-card");
        card.setId("module-" + lesson.id());
        if (lesson.isModule()) {
            Span kicker = new Span(getTranslation("workbook.module", lesson.order()));
            kicker.addClassName("kicker");
            card.add(kicker);
        }
        H2 title = new H2(lesson.title());
        Span minutes = new Span(getTranslation("workbook.minutes", lesson.minutes()));
        minutes.addClassName("lesson-meta");
        card.add(title, minutes);
        if (progress != null) {
            if (progress.done()) {
                card.addClassName("done");
            }
            Span status = new Span(getTranslation(progress.statusKey()));
            status.addClassName("module-status");
            status.setId("module-status-" + lesson.id());
            card.add(status);
        }
        Div links = new Div();
        links.addClassName("module-links");
        links.add(new RouterLink(
                getTranslation("workbook.open-lesson"),
                LessonView.class,
                new RouteParameters("lessonId", lesson.id())));
        if (progress != null) {
            links.add(
                    WorksheetRoutes.link(lesson.worksheet().orElseThrow(), getTranslation("workbook.open-worksheet")));
        }
        card.add(links);
        return card;
    }

    /** After a coach emptied the demo workbook, the page says so. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean justEmptied =
                event.getLocation().getQueryParameters().getParameters().containsKey(DemoBanner.EMPTIED);
        emptied.setText(justEmptied ? getTranslation("demo.emptied") : "");
        emptied.setVisible(justEmptied);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.title");
    }
}
