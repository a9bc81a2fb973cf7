package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.workbook.ModuleProgress;
import nl.retentiewerkboek.workbook.WorkbookService;

/** One lesson: title, learning goals, the text, and the way on to its worksheet. */
@Route("les/:lessonId")
@PermitAll
public class LessonView extends Article implements BeforeEnterObserver, HasDynamicTitle {

    private final LessonCatalogue catalogue;
    private final WorkbookService workbook;
    private final AccountService accounts;
    private String pageTitle = "";

    LessonView(LessonCatalogue catalogue, WorkbookService workbook, AccountService accounts) {
        this.catalogue = catalogue;
        this.workbook = workbook;
        this.accounts = accounts;
        addClassName("lesson-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("lessonId").orElse("");
        Optional<Lesson> found = catalogue.find(id, getLocale());
        if (found.isEmpty()) {
            pageTitle = getTranslation("app.title");
            Paragraph missing = new Paragraph(getTranslation("lesson.not-found"));
            missing.setId("lesson-not-found");
            add(missing, new RouterLink(getTranslation("lesson.back"), WorkbookView.class));
            return;
        }
        // everyone signed in has a workbook: a participant their own, a trainer or beheerder a demo
        boolean hasWorkbook = accounts.me().isPresent();
        if (hasWorkbook && !workbook.isMyModuleOpen(id)) {
            pageTitle = found.get().title() + " · " + getTranslation("app.title");
            Paragraph closed = new Paragraph(getTranslation("module.closed"));
            closed.setId("module-closed");
            add(new H1(found.get().title()), closed, new RouterLink(getTranslation("lesson.back"), WorkbookView.class));
            return;
        }
        show(found.get());
    }

    private void show(Lesson lesson) {
        pageTitle = lesson.title() + " · " + getTranslation("app.title");
        Div header = new Div();
        header.addClassName("lesson-header");
        if (lesson.isModule()) {
            Span kicker = new Span(getTranslation("workbook.module", lesson.order()));
            kicker.addClassName("kicker");
            header.add(kicker);
        }
        H1 title = new H1(lesson.title());
        title.setId("lesson-title");
        Span minutes = new Span(getTranslation("lesson.minutes", lesson.minutes()));
        minutes.addClassName("lesson-meta");
        header.add(title, minutes);

        Div objectives = new Div();
        objectives.addClassName("objectives");
        H2 objectivesTitle = new H2(getTranslation("lesson.objectives"));
        UnorderedList goals = new UnorderedList();
        lesson.objectives().forEach(goal -> goals.add(new ListItem(goal)));
        objectives.add(objectivesTitle, goals);

        Html body = new Html("<div class=\"lesson-body\">" + lesson.html() + "</div>");
        add(header, objectives, body);
        // everyone signed in has a workbook, so everyone signed in can answer the lesson's questions
        if (accounts.me().isPresent() && !lesson.questions().isEmpty()) {
            add(new ReflectionsPanel(workbook, lesson.id(), getLocale()));
        }
        add(footer(lesson));
    }

    private Div footer(Lesson lesson) {
        Div footer = new Div();
        footer.addClassName("lesson-footer");
        // everyone signed in has a workbook: a participant their own, a trainer or beheerder a demo
        boolean hasWorkbook = accounts.me().isPresent();
        if (hasWorkbook) {
            boolean read = lesson.isModule()
                    ? workbook.myProgress(getLocale())
                            .of(lesson.id())
                            .map(ModuleProgress::lessonRead)
                            .orElse(false)
                    : workbook.myProgress(getLocale()).introRead();
            if (read) {
                Paragraph done = new Paragraph(getTranslation("lesson.read"));
                done.addClassName("lesson-read");
                done.setId("lesson-read");
                footer.add(done);
            }
            if (lesson.isModule()) {
                String route = WorksheetRoutes.path(lesson.worksheet().orElseThrow());
                Button next = new Button(
                        getTranslation(read ? "lesson.to-worksheet" : "lesson.mark-read"),
                        VaadinIcon.ARROW_RIGHT.create(),
                        e -> {
                            workbook.markLessonRead(lesson.id());
                            getUI().ifPresent(ui -> ui.navigate(route));
                        });
                next.setIconAfterText(true);
                next.setId("lesson-done");
                next.addThemeVariants(ButtonVariant.PRIMARY);
                footer.add(next);
            } else if (!read) {
                Button ok = new Button(getTranslation("lesson.mark-read-only"), VaadinIcon.CHECK.create(), e -> {
                    workbook.markLessonRead(lesson.id());
                    getUI().ifPresent(ui -> ui.navigate(WorkbookView.class));
                });
                ok.setId("lesson-done");
                ok.addThemeVariants(ButtonVariant.PRIMARY);
                footer.add(ok);
            }
        }
        footer.add(new RouterLink(getTranslation("lesson.back"), WorkbookView.class));
        return footer;
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
