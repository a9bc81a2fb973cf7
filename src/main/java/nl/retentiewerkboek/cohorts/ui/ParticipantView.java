package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.actionplan.ActionPlan;
import nl.retentiewerkboek.actionplan.ActionPlanService;
import nl.retentiewerkboek.actionplan.KeyNumbers;
import nl.retentiewerkboek.actionplan.PlannedAction;
import nl.retentiewerkboek.cohorts.CohortOverview;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.PasswordResets;
import nl.retentiewerkboek.workbook.ModuleProgress;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.HistoryPanel;
import org.springframework.security.access.AccessDeniedException;

/**
 * A trainer looks at one participant's workbook, read-only: progress, the key numbers of every filled-in worksheet (W6's
 * top reasons, W7's weakest departments and W8's missing steps included, from the same {@link KeyNumbers} as the PDF),
 * the action plan, the PDF.
 */
@Route("groepen/:cohortId/deelnemer/:participantId")
@RolesAllowed({AppRoles.TRAINER, AppRoles.BEHEERDER})
class ParticipantView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CohortService cohorts;
    private final Clock clock;
    private final PasswordResets resets;
    private final ActionPlanService plans;
    private final WorkbookService workbookService;
    private String title = "";

    ParticipantView(
            CohortService cohorts,
            ActionPlanService plans,
            WorkbookService workbookService,
            PasswordResets resets,
            Clock clock) {
        this.resets = resets;
        this.clock = clock;
        this.cohorts = cohorts;
        this.plans = plans;
        this.workbookService = workbookService;
        addClassName("cohorts-view");
        setId("participant");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CohortOverview.ParticipantRow row;
        long cohortId;
        try {
            cohortId = Long.parseLong(event.getRouteParameters().get("cohortId").orElse(""));
            long participantId = Long.parseLong(
                    event.getRouteParameters().get("participantId").orElse(""));
            row = cohorts.cohort(cohortId, getLocale()).participants().stream()
                    .filter(p -> p.id() == participantId)
                    .findFirst()
                    .orElseThrow(() -> new AccessDeniedException("not in this cohort"));
        } catch (NumberFormatException | AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(cohortId, row);
    }

    private void show(long cohortId, CohortOverview.ParticipantRow row) {
        removeAll();
        Locale locale = getLocale();
        title = row.name();
        RouterLink back = new RouterLink(
                getTranslation("participant.back"),
                CohortDashboardView.class,
                new RouteParameters("cohortId", Long.toString(cohortId)));
        Paragraph readOnly = new Paragraph(getTranslation("participant.read-only"));
        readOnly.addClassName("form-hint");
        Anchor pdf = new Anchor(TrainerPlanDownload.of(plans, row, locale, clock), "");
        pdf.setId("participant-pdf");
        pdf.getElement().setAttribute("download", true);
        pdf.addClassName("download-button");
        pdf.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("actieplan.pdf")));
        Paragraph resetSent = new Paragraph();
        resetSent.setId("participant-reset-link-sent");
        resetSent.getElement().setAttribute("role", "status");
        resetSent.setVisible(false);
        Button resetLink = new Button(getTranslation("coach.reset-link"), VaadinIcon.KEY.create(), e -> {
            boolean sent = resets.sendResetTo(row.id());
            resetSent.setText(getTranslation(sent ? "coach.reset-link.sent" : "coach.reset-link.no-email", row.name()));
            resetSent.setVisible(true);
        });
        resetLink.setId("participant-reset-link");
        resetLink.addThemeVariants(ButtonVariant.TERTIARY);
        add(
                back,
                new H1(row.name() + (row.company().isBlank() ? "" : " · " + row.company())),
                readOnly,
                pdf,
                resetLink,
                resetSent);

        Div progress = new Div();
        progress.addClassName("cohort-card");
        progress.setId("participant-progress");
        progress.add(new H2(getTranslation(
                row.total() == 1 ? "progress.summary-one" : "progress.summary", row.done(), row.total())));
        OrderedList modules = new OrderedList();
        for (ModuleProgress m : row.progress().modules()) {
            modules.add(new ListItem(m.lesson().title() + ": " + getTranslation(m.statusKey())));
        }
        progress.add(modules);
        add(progress);

        var measurements = workbookService.measurementsOf(row.id()).stream()
                .map(WorkbookService.Measurement::input)
                .toList();
        Div history =
                HistoryPanel.of(MeasurementHistory.of(measurements), locale, (key, args) -> getTranslation(key, args));
        history.setId("participant-history");
        history.addClassName("cohort-card");
        add(history);

        Workbook book = workbookService.workbookOf(row.id());
        var sections = KeyNumbers.of(book, locale, (key, args) -> getTranslation(key, args));
        if (sections.isEmpty()) {
            add(new Paragraph(getTranslation("participant.no-numbers")));
        }
        for (KeyNumbers.Section section : sections) {
            Div card = new Div();
            card.addClassName("cohort-card");
            card.setId("participant-" + section.worksheet().id());
            Div grid = new Div();
            grid.addClassName("result-grid");
            for (KeyNumbers.Figure f : section.figures()) {
                Div tile = new Div();
                tile.addClassName("result-tile");
                Span label = new Span(f.label());
                label.addClassName("result-label");
                Span value = new Span(f.value());
                value.addClassName("result-value");
                tile.add(label, value);
                f.note().ifPresent(n -> {
                    Span note = new Span(n);
                    note.addClassName("result-sub");
                    tile.add(note);
                });
                grid.add(tile);
            }
            card.add(new H2(section.title()), grid);
            if (!section.lines().isEmpty()) {
                Div box = new Div();
                box.addClassName("band-box");
                Span lead = new Span(section.lines().getFirst());
                lead.addClassName("result-label");
                box.add(lead);
                if (section.lines().size() > 1) {
                    UnorderedList items = new UnorderedList();
                    section.lines().subList(1, section.lines().size()).forEach(l -> items.add(new ListItem(l)));
                    box.add(items);
                }
                card.add(box);
            }
            add(card);
        }

        ActionPlan plan = ActionPlan.read(book.answers(Worksheet.ACTIEPLAN));
        Div actions = new Div();
        actions.addClassName("cohort-card");
        actions.setId("participant-actions");
        actions.add(new H2(getTranslation("participant.actions")));
        if (plan.actions().isEmpty()) {
            actions.add(new Paragraph(getTranslation("participant.no-actions")));
        } else {
            OrderedList list = new OrderedList();
            for (PlannedAction a : plan.actions()) {
                StringBuilder line = new StringBuilder(a.title());
                a.department().ifPresent(d -> line.append(" · ").append(getTranslation("department." + d.key())));
                if (!a.owner().isBlank()) {
                    line.append(" · ").append(a.owner());
                }
                a.deadline().ifPresent(d -> line.append(" · ").append(LocaleNumbers.date(d, locale)));
                line.append(" · ").append(getTranslation("status." + a.status().key()));
                list.add(new ListItem(line.toString()));
            }
            actions.add(list);
        }
        actions.add(new Paragraph(getTranslation(
                "pdf.remeasure.cover", LocaleNumbers.date(plan.remeasureOr(LocalDate.now(clock)), locale))));
        add(actions);
        add(reflections(row.id(), locale));
    }

    /** The participant's answers to the lessons' "Vragen voor jezelf", per lesson, read-only. */
    private Div reflections(long participantId, Locale locale) {
        Div card = new Div();
        card.addClassName("cohort-card");
        card.setId("participant-reflections");
        card.add(new H2(getTranslation("participant.reflections")));
        List<WorkbookService.Reflections> answered = workbookService.reflectionsOf(participantId, locale);
        if (answered.isEmpty()) {
            card.add(new Paragraph(getTranslation("participant.no-reflections")));
        }
        for (WorkbookService.Reflections lesson : answered) {
            card.add(new H3(lesson.title()));
            DescriptionList list = new DescriptionList();
            for (WorkbookService.Reflection r : lesson.answered()) {
                if (!r.answer().isBlank()) {
                    list.add(new DescriptionList.Term(r.question()), new DescriptionList.Description(r.answer()));
                }
            }
            card.add(list);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
