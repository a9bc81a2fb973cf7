package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.retentiewerkboek.actionplan.ActionPlanService;
import nl.retentiewerkboek.base.FileNames;
import nl.retentiewerkboek.base.LocalizedFields;
import nl.retentiewerkboek.cohorts.CohortOverview;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.cohorts.DashboardBroadcaster;
import nl.retentiewerkboek.cohorts.GroupNumbers;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AppRoles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The trainer's dashboard of one cohort: how to join, who is where in which module, who is stuck,
 * the anonymous group numbers for the beamer, and the downloads. Updates live while participants work.
 */
@Route("groepen/:cohortId")
@RolesAllowed({AppRoles.TRAINER, AppRoles.BEHEERDER})
class CohortDashboardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CohortService cohorts;
    private final Clock clock;
    private final LessonCatalogue catalogue;
    private final Span count = new Span();
    private final ActionPlanService plans;
    private final DashboardBroadcaster broadcaster;
    private final Div header = new Div();
    private final Div numbers = new Div();
    private final Grid<CohortOverview.ParticipantRow> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final IntegerField stuckMinutes = new IntegerField();
    private final Span updated = new Span();
    private final Paragraph empty = new Paragraph();
    /** Who seems stuck, by name, above the grid (the rows say "vast?" too: not by colour alone). */
    private final Paragraph stuckBanner = new Paragraph();

    private long cohortId;
    /** Read by the broadcaster's thread too, to see whether a change is one of this cohort's. */
    private volatile CohortOverview cohort;
    /** Set when someone joined, until the cohort with them is read (see the listener in onAttach). */
    private volatile boolean membersChanging;

    private Runnable unregister;
    /** The page's resize listener, taken away on detach (the page outlives this view). */
    private Registration resizing;

    CohortDashboardView(
            CohortService cohorts,
            ActionPlanService plans,
            DashboardBroadcaster broadcaster,
            LessonCatalogue catalogue,
            Clock clock) {
        this.clock = clock;
        this.cohorts = cohorts;
        this.catalogue = catalogue;
        this.plans = plans;
        this.broadcaster = broadcaster;
        addClassName("cohorts-view");
        setId("trainer-dashboard");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("cohortId").orElse("");
        try {
            cohortId = Long.parseLong(id);
            cohort = cohorts.cohort(cohortId, getLocale());
        } catch (NumberFormatException | AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        header.addClassName("cohort-card");
        filter.setId("dashboard-filter");
        filter.setPlaceholder(getTranslation("dashboard.filter"));
        filter.setAriaLabel(getTranslation("dashboard.filter"));
        filter.setClearButtonVisible(true);
        filter.addClassName("dashboard-filter");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> showRows());
        stuckMinutes.setId("dashboard-stuck-minutes");
        stuckMinutes.setLabel(getTranslation("dashboard.stuck-minutes"));
        stuckMinutes.setMin(1);
        stuckMinutes.setMax(240);
        stuckMinutes.setValue(10);
        stuckMinutes.setStepButtonsVisible(true);
        stuckMinutes.addValueChangeListener(e -> showRows());
        updated.setId("dashboard-updated");
        updated.addClassName("form-hint");
        updated.getElement().setAttribute("aria-live", "polite");
        Div tools = new Div(filter, stuckMinutes, updated);
        tools.addClassName("dashboard-tools");
        numbers.setId("cohort-aggregates");
        numbers.addClassName("cohort-card");
        setupGrid();
        empty.setId("dashboard-empty");
        stuckBanner.setId("dashboard-stuck");
        stuckBanner.addClassName("notice");
        stuckBanner.addClassName("stuck-banner");
        stuckBanner.getElement().setAttribute("role", "status");
        add(new H1(cohort.name()), header, tools, stuckBanner, empty, grid, numbers);
        showHeader();
        showRows();
        showNumbers();
    }

    private void showHeader() {
        header.removeAll();
        Locale locale = getLocale();
        Div meta = new Div();
        meta.addClassName("cohort-meta");
        cohort.startsOn()
                .ifPresent(date ->
                        meta.add(new Span(getTranslation("cohorts.starts", LocaleNumbers.longDate(date, locale)))));
        cohort.location().ifPresent(l -> meta.add(new Span(getTranslation("cohorts.location", l))));
        count.setId("cohort-count");
        meta.add(count);

        Div join = new Div();
        join.addClassName("join-box");
        join.setId("cohort-join");
        if (cohort.archived()) {
            join.add(new Paragraph(getTranslation("dashboard.archived")));
        } else {
            Span code = new Span(cohort.joinCode());
            code.setId("cohort-code");
            code.addClassName("join-code");
            String link = joinLink();
            Anchor anchor = new Anchor(link, link);
            anchor.setId("cohort-link");
            join.add(
                    new Span(getTranslation(cohort.joiningOpen() ? "dashboard.join" : "dashboard.join-closed")),
                    code,
                    anchor);
        }
        Button joining = new Button(
                getTranslation(cohort.joiningOpen() ? "dashboard.close-joining" : "dashboard.open-joining"), e -> {
                    cohorts.setJoiningOpen(cohortId, !cohort.joiningOpen());
                    reload();
                });
        joining.setId("cohort-joining");
        joining.setEnabled(!cohort.archived());
        Button regenerate = new Button(getTranslation("dashboard.regenerate"), VaadinIcon.REFRESH.create(), e -> {
            cohorts.regenerateCode(cohortId);
            reload();
        });
        regenerate.setId("cohort-regenerate");
        regenerate.setEnabled(!cohort.archived());
        Button archive =
                new Button(getTranslation(cohort.archived() ? "dashboard.unarchive" : "dashboard.archive"), e -> {
                    cohorts.setArchived(cohortId, !cohort.archived());
                    reload();
                });
        archive.setId("cohort-archive");
        for (Button b : List.of(joining, regenerate, archive)) {
            b.addThemeVariants(ButtonVariant.TERTIARY);
        }

        Anchor csv = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = cohorts.export(cohortId, locale, (key, args) -> getTranslation(key, args))
                            .csv(locale);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            FileNames.slug(getTranslation("export.file")) + "-" + slug() + ".csv",
                            "text/csv; charset=UTF-8",
                            bytes.length);
                }),
                "");
        csv.setId("cohort-csv");
        csv.add(VaadinIcon.TABLE.create(), new Span(getTranslation("dashboard.csv")));
        csv.getElement().setAttribute("download", true);
        Anchor xlsx = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = cohorts.export(cohortId, locale, (key, args) -> getTranslation(key, args))
                            .xlsx();
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            FileNames.slug(getTranslation("export.file")) + "-" + slug() + ".xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            bytes.length);
                }),
                "");
        xlsx.setId("cohort-xlsx");
        xlsx.add(VaadinIcon.FILE_TABLE.create(), new Span(getTranslation("dashboard.xlsx")));
        xlsx.getElement().setAttribute("download", true);
        String zipName = "actieplannen-" + slug() + ".zip";
        Anchor zip = new Anchor(
                (DownloadHandler) event -> {
                    // streamed: the plans go out one by one instead of being collected in memory first
                    event.setFileName(zipName);
                    event.setContentType("application/zip");
                    try (OutputStream out = event.getOutputStream()) {
                        plans.writeCohortPlansZip(cohortId, locale, out);
                    }
                },
                "");
        zip.setId("cohort-zip");
        zip.add(VaadinIcon.FILE_ZIP.create(), new Span(getTranslation("dashboard.zip")));
        zip.getElement().setAttribute("download", true);
        for (Anchor a : List.of(csv, xlsx, zip)) {
            a.addClassName("download-link");
        }
        RouterLink room = new RouterLink("", RoomView.class, new RouteParameters("cohortId", Long.toString(cohortId)));
        room.add(VaadinIcon.PRESENTATION.create(), new Span(getTranslation("dashboard.room")));
        room.setId("cohort-room");
        room.addClassName("download-link");
        Div downloads = new Div(room, csv, xlsx, zip);
        downloads.addClassName("dashboard-downloads");

        Details edit = new Details(getTranslation("dashboard.edit"), editForm());
        edit.setId("cohort-edit");
        Details invite = new Details(getTranslation("invite.title"), inviteForm());
        invite.setId("cohort-invite");
        invite.setEnabled(cohort.joiningOpen() && !cohort.archived());
        Div actions = new Div(joining, regenerate, archive);
        actions.addClassName("dashboard-actions");
        header.add(meta, join, actions, downloads, invite, edit);
    }

    /** Invitations by e-mail: paste addresses, each new one gets the join link; what was skipped and why is listed. */
    private Div inviteForm() {
        TextArea addresses = new TextArea(getTranslation("invite.addresses"));
        addresses.setId("cohort-invite-addresses");
        addresses.setHelperText(getTranslation("invite.help", CohortService.MAX_INVITES));
        addresses.setMaxLength(CohortService.MAX_INVITE_TEXT);
        addresses.setWidthFull();
        addresses.setMinRows(4);
        Div result = new Div();
        result.setId("cohort-invite-result");
        result.getElement().setAttribute("role", "status");
        Button send = new Button(getTranslation("invite.send"), VaadinIcon.ENVELOPE_O.create(), e -> {
            result.removeAll();
            try {
                CohortService.Invited invited = cohorts.invite(cohortId, addresses.getValue(), getLocale());
                result.add(new Paragraph(
                        getTranslation("invite.sent", invited.sent().size())));
                listed(result, "invite.already-invited", invited.alreadyInvited());
                listed(result, "invite.already-in", invited.alreadyIn());
                listed(result, "invite.duplicates", invited.duplicates());
                listed(result, "invite.invalid", invited.invalid());
                listed(result, "invite.too-many", invited.tooMany());
                addresses.clear();
            } catch (CohortService.JoinRejected closed) {
                result.add(new Paragraph(getTranslation("invite.closed")));
            }
        });
        send.setId("cohort-invite-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        Div form = new Div(addresses, send, result);
        form.addClassName("invite-form");
        return form;
    }

    private void listed(Div into, String key, List<String> addresses) {
        if (!addresses.isEmpty()) {
            into.add(new Paragraph(getTranslation(key, addresses.size()) + " " + String.join(", ", addresses)));
        }
    }

    private Div editForm() {
        TextField name = new TextField(getTranslation("cohorts.new.name"));
        name.setId("cohort-edit-name");
        name.setValue(cohort.name());
        name.setMaxLength(200);
        DatePicker date = new DatePicker(getTranslation("cohorts.new.date"));
        date.setId("cohort-edit-date");
        LocalizedFields.datePicker(date, getLocale());
        date.setValue(cohort.startsOn().orElse(null));
        TextField location = new TextField(getTranslation("cohorts.new.location"));
        location.setId("cohort-edit-location");
        location.setValue(cohort.location().orElse(""));
        location.setMaxLength(200);
        List<Lesson> all = catalogue.modules(getLocale());
        CheckboxGroup<Lesson> modules = new CheckboxGroup<>(getTranslation("dashboard.modules"));
        modules.setId("cohort-edit-modules");
        modules.setItems(all);
        modules.setItemLabelGenerator(l -> l.order() + ". " + l.title());
        modules.setValue(all.stream()
                .filter(l -> cohort.openModules().map(o -> o.contains(l.id())).orElse(true))
                .collect(Collectors.toSet()));
        modules.setHelperText(getTranslation("dashboard.modules.help"));
        Button save = new Button(getTranslation("dashboard.save"), e -> {
            if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("cohorts.new.name.required"));
                return;
            }
            if (modules.getValue().isEmpty()) {
                modules.setInvalid(true);
                modules.setErrorMessage(getTranslation("dashboard.modules.none"));
                return;
            }
            cohorts.editCohort(cohortId, name.getValue(), date.getValue(), location.getValue());
            cohorts.setOpenModules(
                    cohortId, modules.getValue().stream().map(Lesson::id).collect(Collectors.toSet()));
            reload();
        });
        save.setId("cohort-edit-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        name.setManualValidation(true);
        modules.setManualValidation(true);
        Div fields = new Div(name, date, location);
        fields.addClassName("cohort-fields");
        return new Div(fields, modules, save);
    }

    private String joinLink() {
        return JoinLinks.of(cohort.joinCode());
    }

    private String slug() {
        return FileNames.slug(cohort.name());
    }

    /** The grid's columns that give way on a phone: what the trainer walking the room needs most stays. */
    private final List<Grid.Column<CohortOverview.ParticipantRow>> wide = new ArrayList<>();

    private Grid.Column<CohortOverview.ParticipantRow> doneColumn;

    /**
     * The columns, chosen so that all of them fit at 1280 px: the name with the company under it, how far, the
     * modules as one strip of marks (each with its state in words for a screen reader and on hover), last activity
     * (with "vast?" for who seems stuck), retention and the plan. The rest is in the participant view.
     */
    private void setupGrid() {
        grid.removeAllColumns();
        wide.clear();
        grid.setId("dashboard-grid");
        grid.setAllRowsVisible(true);
        // a long name, "vastgelopen" with the time, a two-word header: they wrap rather than end in "…"
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(row -> {
                    RouterLink link = new RouterLink(
                            row.name(),
                            ParticipantView.class,
                            new RouteParameters(Map.of(
                                    "cohortId", Long.toString(cohortId), "participantId", Long.toString(row.id()))));
                    link.setId("dashboard-participant-" + row.id());
                    Div cell = new Div(link);
                    cell.addClassName("participant-cell");
                    if (!row.company().isBlank()) {
                        Span company = new Span(row.company());
                        company.addClassName("participant-company");
                        cell.add(company);
                    }
                    return cell;
                })
                .setHeader(getTranslation("cohorts.column.name"))
                .setComparator(CohortOverview.ParticipantRow::name)
                .setSortable(true)
                .setFlexGrow(2)
                .setWidth("7rem");
        doneColumn = grid.addColumn(row -> row.done() + "/" + row.total())
                .setHeader(getTranslation("dashboard.done"))
                .setComparator(CohortOverview.ParticipantRow::done)
                .setSortable(true)
                .setWidth("5.5rem")
                .setFlexGrow(0);
        List<Lesson> modules = catalogue.modules(getLocale());
        wide.add(grid.addComponentColumn(row -> moduleStrip(row, modules))
                .setHeader(getTranslation("dashboard.modules-column"))
                .setWidth("13rem")
                .setFlexGrow(0));
        grid.addComponentColumn(this::activityCell)
                .setHeader(getTranslation("dashboard.last-activity"))
                .setComparator(row -> row.lastActivity().orElse(Instant.EPOCH))
                .setSortable(true)
                .setWidth("7rem")
                .setFlexGrow(1);
        wide.add(grid.addColumn(row -> row.retention()
                        .map(r -> LocaleNumbers.percent(r.retention(), getLocale()))
                        .orElse("–"))
                .setHeader(getTranslation("cohorts.column.retention"))
                .setComparator(row -> row.retention().map(r -> r.retention()).orElse(BigDecimal.valueOf(-1)))
                .setSortable(true)
                .setWidth("9.5rem")
                .setFlexGrow(0));
        wide.add(grid.addComponentColumn(row -> {
                    Locale locale = getLocale();
                    Anchor pdf = new Anchor(TrainerPlanDownload.of(plans, row, locale, clock), "PDF");
                    pdf.getElement().setAttribute("download", true);
                    pdf.getElement().setAttribute("aria-label", getTranslation("dashboard.pdf-of", row.name()));
                    pdf.setId("dashboard-pdf-" + row.id());
                    Span downloaded =
                            new Span(getTranslation(row.planDownloaded() ? "dashboard.plan.yes" : "dashboard.plan.no"));
                    downloaded.addClassName("plan-state");
                    downloaded.setId("dashboard-plan-" + row.id());
                    Div cell = new Div(downloaded, pdf);
                    cell.addClassName("plan-cell");
                    return cell;
                })
                .setHeader(getTranslation("dashboard.plan-pdf"))
                .setComparator(row -> row.planDownloaded())
                .setSortable(true)
                .setWidth("8rem")
                .setFlexGrow(0));
        grid.setPartNameGenerator(row -> stuck(row) ? "stuck" : null);
    }

    /** One mark per module: ✓ done, ◐ busy, ○ open, – closed; the state in words beside it for a screen reader. */
    private Div moduleStrip(CohortOverview.ParticipantRow row, List<Lesson> modules) {
        Div strip = new Div();
        strip.addClassName("module-strip");
        for (Lesson module : modules) {
            CohortOverview.ModuleState state =
                    CohortOverview.ModuleState.of(row.progress().of(module.id()));
            Span mark = new Span(
                    switch (state) {
                        case DONE -> "✓";
                        case BUSY -> "◐";
                        case OPEN -> "○";
                        case CLOSED -> "–";
                    });
            mark.addClassName("module-mark");
            mark.addClassName(state.cssClass());
            String words = module.order() + ". " + module.title() + ": " + getTranslation(state.messageKey());
            mark.getElement().setAttribute("title", words);
            mark.getElement().setAttribute("aria-label", words);
            mark.getElement().setAttribute("role", "img");
            strip.add(mark);
        }
        return strip;
    }

    private Span activityCell(CohortOverview.ParticipantRow row) {
        String when = row.lastActivity().map(this::ago).orElse(getTranslation("dashboard.never"));
        Span cell = new Span(when);
        if (stuck(row)) {
            // not by colour alone: a warning sign and the word, and for a screen reader what it means
            Icon sign = VaadinIcon.WARNING.create();
            sign.addClassName("stuck-icon");
            sign.getElement().setAttribute("aria-hidden", "true");
            Span word = new Span(getTranslation("dashboard.stuck-flag"));
            word.getElement().setAttribute("aria-hidden", "true");
            int minutes = Optional.ofNullable(stuckMinutes.getValue()).orElse(10);
            Span explain = new Span(getTranslation("dashboard.stuck-flag.explain", minutes));
            explain.addClassName("sr-only");
            Span flag = new Span(sign, word, explain);
            flag.addClassName("stuck-flag");
            flag.getElement().setAttribute("title", explain.getText());
            cell = new Span(flag, new Span(" " + when));
        }
        cell.setId("dashboard-activity-" + row.id());
        return cell;
    }

    private boolean stuck(CohortOverview.ParticipantRow row) {
        if (!cohort.liveOn(LocalDate.now(clock)) || row.done() == row.total()) {
            return false;
        }
        int minutes = Optional.ofNullable(stuckMinutes.getValue()).orElse(10);
        return row.lastActivity()
                .map(t -> Duration.between(t, Instant.now(clock)).toMinutes() >= minutes)
                .orElse(true);
    }

    private String ago(Instant time) {
        long minutes = Math.max(0, Duration.between(time, Instant.now(clock)).toMinutes());
        if (minutes < 1) {
            return getTranslation("dashboard.just-now");
        }
        if (minutes < 120) {
            return getTranslation("dashboard.minutes-ago", minutes);
        }
        return LocaleNumbers.dayAndTime(time, clock.getZone(), getLocale());
    }

    private void showRows() {
        String f = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        List<CohortOverview.ParticipantRow> rows = cohort.participants().stream()
                .filter(r -> f.isEmpty()
                        || r.name().toLowerCase(Locale.ROOT).contains(f)
                        || r.company().toLowerCase(Locale.ROOT).contains(f))
                .toList();
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setText(
                getTranslation(cohort.participants().isEmpty() ? "cohorts.no-participants" : "dashboard.no-match"));
        empty.setVisible(rows.isEmpty());
        count.setText(
                getTranslation("cohorts.participants", cohort.participants().size()));
        List<String> stuck = cohort.participants().stream()
                .filter(this::stuck)
                .map(CohortOverview.ParticipantRow::name)
                .toList();
        updated.setText(getTranslation("dashboard.updated", LocaleNumbers.time(Instant.now(clock), clock.getZone())));
        int minutes = Optional.ofNullable(stuckMinutes.getValue()).orElse(10);
        stuckBanner.setText(
                stuck.isEmpty()
                        ? ""
                        : getTranslation("dashboard.stuck-names", stuck.size(), minutes, String.join(", ", stuck)));
        stuckBanner.setVisible(!stuck.isEmpty());
    }

    private void showNumbers() {
        numbers.removeAll();
        Locale locale = getLocale();
        GroupNumbers g = cohort.numbers();
        numbers.add(new H2(getTranslation("dashboard.numbers")));
        Paragraph explain = new Paragraph(getTranslation("dashboard.numbers.explain", GroupNumbers.MIN_PARTICIPANTS));
        explain.addClassName("form-hint");
        numbers.add(explain);
        Div grid = new Div();
        grid.addClassName("result-grid");
        grid.add(spread("retention", g.retention(), v -> LocaleNumbers.percent(v, locale)));
        grid.add(spread("nps", g.nps(), v -> LocaleNumbers.whole(v, locale)));
        grid.add(spread("doubters", g.doubterShare(), v -> LocaleNumbers.percent(v, locale)));
        numbers.add(grid);
        Div team = new Div();
        team.setId("aggregates-team");
        if (g.team().value().isPresent()) {
            team.add(new Span(getTranslation("dashboard.numbers.team", g.team().count())));
            Div bars = new Div();
            bars.addClassName("team-bars");
            for (Department d : Department.values()) {
                BigDecimal avg = g.team().value().get().get(d);
                bars.add(new Paragraph(
                        getTranslation("department." + d.key()) + ": " + LocaleNumbers.decimal(avg, 1, locale)));
            }
            team.add(bars);
        } else {
            team.add(new Paragraph(
                    getTranslation("dashboard.numbers.too-few-team", g.team().count(), GroupNumbers.MIN_PARTICIPANTS)));
        }
        numbers.add(team);
    }

    private Div spread(String key, GroupNumbers.Topic<GroupNumbers.Spread> topic, Function<BigDecimal, String> format) {
        Optional<GroupNumbers.Spread> spread = topic.value();
        int count = topic.count();
        Div tile = new Div();
        tile.addClassName("result-tile");
        tile.setId("aggregates-" + key);
        Span label = new Span(getTranslation("dashboard.numbers." + key));
        label.addClassName("result-label");
        tile.add(label);
        if (spread.isPresent()) {
            Span value = new Span(format.apply(spread.get().median()));
            value.addClassName("result-value");
            Span range = new Span(getTranslation(
                    "dashboard.numbers.range",
                    format.apply(spread.get().lowest()),
                    format.apply(spread.get().highest()),
                    count));
            range.addClassName("result-sub");
            tile.add(value, range);
        } else {
            Span wait = new Span(getTranslation("dashboard.numbers.too-few", count, GroupNumbers.MIN_PARTICIPANTS));
            wait.addClassName("result-sub");
            tile.add(wait);
        }
        return tile;
    }

    private void reload() {
        cohort = cohorts.cohort(cohortId, getLocale());
        build();
    }

    private void fitTo(int width) {
        boolean roomy = width >= 700;
        wide.forEach(column -> column.setVisible(roomy));
        if (doneColumn != null) {
            doneColumn.setWidth(roomy ? "6rem" : "4.5rem");
        }
    }

    /** Refreshes the rows and numbers (not the header, so nothing a trainer is typing is lost). */
    private void refresh() {
        membersChanging = false; // a join told during the read sets it again
        cohort = cohorts.cohort(cohortId, getLocale());
        showRows();
        showNumbers();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        // on a phone (the trainer walking round the room) only the name, how far and the last activity
        ui.getPage().retrieveExtendedClientDetails(details -> fitTo(details.getWindowInnerWidth()));
        resizing = ui.getPage().addBrowserWindowResizeListener(resized -> fitTo(resized.getWidth()));
        // the broadcaster's thread asks the service as this trainer, as every call to a service must
        SecurityContext trainer = SecurityContextHolder.getContext();
        unregister = broadcaster.register((participants, changedCohorts) -> {
            // whoever joins changes the cohort; until the cohort with them is read, any participant's change counts
            CohortOverview shown = cohort;
            if (DashboardBroadcaster.concerns(changedCohorts, cohortId)) {
                membersChanging = true;
            } else if (shown != null
                    && !membersChanging
                    && shown.participants().stream().noneMatch(p -> participants.contains(p.id()))) {
                return;
            }
            LiveRefresh.in(ui, trainer, this::refresh);
        });
        // what changed between the first read and listening
        if (cohort != null) {
            LiveRefresh.in(ui, trainer, this::refresh);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (resizing != null) {
            resizing.remove();
            resizing = null;
        }
        if (unregister != null) {
            unregister.run();
        }
    }

    @Override
    public String getPageTitle() {
        return (cohort == null ? "" : cohort.name() + " · ") + getTranslation("app.title");
    }
}
