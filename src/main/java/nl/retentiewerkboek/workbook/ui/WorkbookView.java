package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.workbook.GroupComparison;
import nl.retentiewerkboek.workbook.ModuleProgress;
import nl.retentiewerkboek.workbook.ParticipationCertificate;
import nl.retentiewerkboek.workbook.WorkbookProgress;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.DemoBanner;

/** The workbook's front page: where you stand, where to continue, and every module. */
@Route("")
@RouteAlias(DemoBanner.ROUTE)
@Menu(title = "nav.workbook", order = 0, icon = "vaadin:book")
@PermitAll
public class WorkbookView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    /** Opens the page at its top: the router keeps the scroll position of the page it came from. */
    static final String SCROLL_TO_TOP = "window.scrollTo(0, 0)";

    private final Paragraph emptied = new Paragraph();
    private final String titleKey;

    WorkbookView(
            WorkbookService workbook,
            LessonCatalogue catalogue,
            AccountService accounts,
            ParticipationCertificate certificate,
            GroupComparison.Source groups,
            Clock clock) {
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
        if (!demo && progress.allDone()) {
            add(completed(certificate, clock));
        }
        workbook.myRemeasureDate().ifPresent(due -> add(remeasure(workbook, due)));
        if (!demo) {
            groups.myGroupComparison().ifPresent(comparison -> add(groupBox(comparison)));
        }

        Div list = new Div();
        list.addClassName("module-list");
        for (Lesson lesson : catalogue.modules(getLocale())) {
            list.add(
                    progress.of(lesson.id()).map(module -> card(lesson, module)).orElseGet(() -> comingUp(lesson)));
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
        Button start = new Button(
                getTranslation("history.start"),
                VaadinIcon.REFRESH.create(),
                e -> confirmRemeasure(workbook).open());
        start.setId("workbook-remeasure");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        box.add(start);
        return box;
    }

    /** Asks before a new measurement starts, and says what happens to the numbers filled in now. */
    private ConfirmDialog confirmRemeasure(WorkbookService workbook) {
        int current = workbook.myMeasurements().size();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("workbook-remeasure-confirm");
        dialog.setHeader(getTranslation("history.confirm.title"));
        dialog.setText(getTranslation("history.confirm.text", current + 1, current));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("history.confirm.cancel"));
        dialog.setConfirmText(getTranslation("history.confirm.ok"));
        dialog.addConfirmListener(e -> {
            workbook.startMyRemeasurement();
            navigate(WorksheetRoutes.path(Worksheet.RETENTIEMETER));
        });
        return dialog;
    }

    /** The completion moment: every open module is done, with the certificate of participation to download. */
    private Div completed(ParticipationCertificate certificate, Clock clock) {
        Div box = new Div();
        box.addClassName("completion-box");
        box.setId("workbook-complete");
        H2 title = new H2(getTranslation("workbook.complete.title"));
        Paragraph text = new Paragraph(getTranslation("workbook.complete.text"));
        Locale locale = getLocale();
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = certificate.certificate(locale);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            getTranslation(
                                    "workbook.certificate.file",
                                    LocalDate.now(clock).toString()),
                            "application/pdf",
                            bytes.length);
                }),
                "");
        download.setId("workbook-certificate");
        download.getElement().setAttribute("download", true);
        download.addClassName("download-button");
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("workbook.certificate")));
        box.add(title, text, download);
        return box;
    }

    /** "Jij en je groep": the participant's own numbers beside the group's medians, once the group is big enough. */
    private Section groupBox(GroupComparison comparison) {
        Section box = new Section();
        box.addClassName("group-box");
        box.setId("workbook-group");
        H2 title = new H2(getTranslation("group.title"));
        title.setId("workbook-group-title");
        box.getElement().setAttribute("aria-labelledby", "workbook-group-title");
        Paragraph intro = new Paragraph(getTranslation("group.intro", comparison.cohortName()));
        intro.addClassName("lesson-meta");
        NativeTable table = new NativeTable();
        table.addClassName("customer-table");
        table.setId("workbook-group-table");
        NativeTableRow head = table.getHead().addRow();
        head.add(
                new NativeTableHeaderCell(""),
                new NativeTableHeaderCell(getTranslation("group.you")),
                new NativeTableHeaderCell(getTranslation("group.median")));
        Locale locale = getLocale();
        groupRow(table, "retention", comparison.retention(), v -> LocaleNumbers.percent(v, locale));
        groupRow(table, "nps", comparison.nps(), v -> LocaleNumbers.signedWhole(v, locale));
        groupRow(table, "doubters", comparison.doubterShare(), v -> LocaleNumbers.percent(v, locale));
        box.add(title, intro, table);
        return box;
    }

    private void groupRow(
            NativeTable table, String key, GroupComparison.Figure figure, Function<BigDecimal, String> format) {
        NativeTableRow row = table.getBody().addRow();
        row.setId("workbook-group-" + key);
        NativeTableHeaderCell name = new NativeTableHeaderCell(getTranslation("group." + key));
        name.getElement().setAttribute("scope", "row");
        NativeTableCell mine =
                new NativeTableCell(figure.mine().map(format).orElseGet(() -> getTranslation("group.mine.none")));
        mine.setId("workbook-group-" + key + "-mine");
        NativeTableCell group = new NativeTableCell(
                figure.groupMedian().map(format).orElseGet(() -> getTranslation("group.needed", figure.needed())));
        group.setId("workbook-group-" + key + "-median");
        row.add(name, mine, group);
    }

    /** A module the trainer has not opened yet: shown, but not a link, so the participant sees what is coming. */
    private Div comingUp(Lesson lesson) {
        Div card = new Div();
        card.addClassName("module-card");
        card.addClassName("coming-up");
        card.setId("module-" + lesson.id());
        Span kicker = new Span(getTranslation("workbook.module", lesson.order()));
        kicker.addClassName("kicker");
        H2 title = new H2(lesson.title());
        Span status = new Span(getTranslation("workbook.status.coming"));
        status.addClassName("module-status");
        status.setId("module-status-" + lesson.id());
        Paragraph text = new Paragraph(getTranslation("workbook.coming.text"));
        text.addClassName("lesson-meta");
        card.add(kicker, title, status, text);
        return card;
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

    /** After a coach emptied the demo workbook, the page says so. The page opens at its top (also after a lesson). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getUI().getPage().executeJs(SCROLL_TO_TOP);
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
