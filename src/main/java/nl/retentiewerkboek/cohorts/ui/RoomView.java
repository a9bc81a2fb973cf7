package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.retentiewerkboek.charts.Chart;
import nl.retentiewerkboek.charts.ChartText;
import nl.retentiewerkboek.charts.QrCode;
import nl.retentiewerkboek.charts.RoomCharts;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.cohorts.DashboardBroadcaster;
import nl.retentiewerkboek.cohorts.GroupNumbers;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.LeaveReason;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AppRoles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The room screen of a cohort for the beamer: how to join (a QR code and the code in huge letters, with the count of
 * participants as they join), then the group's anonymous numbers, one topic per screen, as people fill in their
 * worksheets. The trainer steps through with the arrow keys. No name, company or single participant's number is ever
 * on it: each topic shows only once {@link GroupNumbers#MIN_PARTICIPANTS} participants filled it in.
 */
@Route(value = "groepen/:cohortId/zaal", autoLayout = false)
@RolesAllowed({AppRoles.TRAINER, AppRoles.BEHEERDER})
class RoomView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** The screens in the order the trainer steps through them. */
    enum Screen {
        JOIN,
        RETENTION,
        ANNUAL,
        NPS,
        GROUPS,
        REASONS,
        TEAM,
        OFFBOARDING;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CohortService cohorts;
    private final DashboardBroadcaster broadcaster;
    private final Div stage = new Div();
    private final Span position = new Span();
    /** How many joined, on every screen (the join screen says it in big letters too). */
    private final Span joined = new Span();

    private final Button previous = new Button();
    private final Button next = new Button();
    private long cohortId;
    private volatile CohortService.Room room;
    private Screen screen = Screen.JOIN;
    private String joinLink = "";
    private String joinBase = "";
    /**
     * Set when someone joined and cleared once the room with them is read: until then a participant's change counts
     * even when the room on screen does not know them yet.
     */
    private volatile boolean membersChanging;

    private Runnable unregister;

    RoomView(CohortService cohorts, DashboardBroadcaster broadcaster) {
        this.cohorts = cohorts;
        this.broadcaster = broadcaster;
        setId("room");
        addClassName("room");
        // wired once: a second beforeEnter on this view rebuilds the screen, not its keys
        previous.addClickListener(e -> step(-1));
        next.addClickListener(e -> step(1));
        Shortcuts.addShortcutListener(this, () -> step(1), Key.ARROW_RIGHT);
        Shortcuts.addShortcutListener(this, () -> step(1), Key.PAGE_DOWN);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.ARROW_LEFT);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.PAGE_UP);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            cohortId = Long.parseLong(event.getRouteParameters().get("cohortId").orElse(""));
            room = cohorts.room(cohortId);
        } catch (NumberFormatException | AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        // the address is read from the request now: a refresh from the broadcaster's thread has none
        joinBase = JoinLinks.base();
        joinLink = joinBase + "/join/" + room.joinCode();
        List<String> asked =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("scherm", List.of());
        screen = asked.isEmpty() ? Screen.JOIN : screenNamed(asked.getFirst()).orElse(Screen.JOIN);
        build();
    }

    private static Optional<Screen> screenNamed(String key) {
        for (Screen s : Screen.values()) {
            if (s.key().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private void build() {
        removeAll();
        stage.setId("room-stage");
        stage.addClassName("room-stage");
        stage.getElement().setAttribute("aria-live", "polite");

        RouterLink back = new RouterLink(
                getTranslation("room.back"),
                CohortDashboardView.class,
                new RouteParameters("cohortId", Long.toString(cohortId)));
        back.setId("room-back");
        Button fullScreen = new Button(
                getTranslation("room.fullscreen"),
                VaadinIcon.EXPAND_SQUARE.create(),
                e -> e.getSource()
                        .getElement()
                        .executeJs("document.fullscreenElement ? document.exitFullscreen() : document.documentElement"
                                + ".requestFullscreen()"));
        fullScreen.setId("room-fullscreen");
        previous.setText(getTranslation("room.previous"));
        previous.setIcon(VaadinIcon.ARROW_LEFT.create());
        previous.setId("room-previous");
        next.setText(getTranslation("room.next"));
        next.setIcon(VaadinIcon.ARROW_RIGHT.create());
        next.setIconAfterText(true);
        next.setId("room-next");
        for (Button b : List.of(fullScreen, previous, next)) {
            b.addThemeVariants(ButtonVariant.TERTIARY);
        }
        position.setId("room-position");
        position.addClassName("room-position");
        Span keys = new Span(getTranslation("room.keys"));
        keys.addClassName("room-keys");
        joined.setId("room-joined");
        joined.addClassName("room-joined");
        Div bar = new Div(back, previous, position, next, joined, keys, fullScreen);
        bar.addClassName("room-bar");
        add(stage, bar);
        show();
    }

    private void step(int by) {
        int to = Math.clamp(screen.ordinal() + by, 0, Screen.values().length - 1);
        if (to == screen.ordinal()) {
            return;
        }
        screen = Screen.values()[to];
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(
                        null,
                        new Location(
                                "groepen/" + cohortId + "/zaal",
                                QueryParameters.simple(Map.of("scherm", screen.key())))));
        show();
    }

    /** Shows the current screen from the room's latest numbers. */
    private void show() {
        stage.removeAll();
        stage.getElement().setAttribute("data-screen", screen.key());
        position.setText(getTranslation("room.position", screen.ordinal() + 1, Screen.values().length));
        previous.setEnabled(screen.ordinal() > 0);
        next.setEnabled(screen.ordinal() < Screen.values().length - 1);
        CohortService.Room r = room;
        joined.setText(getTranslation("room.join.count", r.participants()));
        GroupNumbers g = r.numbers();
        Locale locale = getLocale();
        switch (screen) {
            case JOIN -> showJoin(r);
            case RETENTION ->
                topic(g.retention(), spread -> {
                    Div body = headline(LocaleNumbers.percent(spread.median(), locale), "room.retention.median");
                    body.add(chart(
                            bandsChart(spread.values(), "room.bands", "room.retention.axis"), "room.retention.chart"));
                    return body;
                });
            case ANNUAL ->
                topic(g.annual(), spread -> {
                    Div body = headline(LocaleNumbers.percent(spread.median(), locale), "room.annual.median");
                    body.add(chart(
                            bandsChart(spread.values(), "room.bands.annual", "room.annual.axis"), "room.annual.chart"));
                    return body;
                });
            case NPS -> topic(g.nps(), spread -> npsBody(spread, g.doubterShare(), locale));
            case GROUPS -> topic(g.groups(), shares -> groupsBody(shares, locale));
            case REASONS -> topic(g.reasons(), reasons -> reasonsBody(reasons, locale));
            case TEAM -> topic(g.team(), averages -> teamBody(averages, locale));
            case OFFBOARDING -> topic(g.offboarding(), missing -> offboardingBody(missing, g.offboarding(), locale));
        }
    }

    private void showJoin(CohortService.Room r) {
        H1 title = new H1(getTranslation("room.join.title"));
        title.addClassName("room-title");
        Div body = new Div();
        body.addClassName("room-join");
        if (!r.joiningOpen()) {
            Paragraph closed = new Paragraph(getTranslation("room.join.closed"));
            closed.setId("room-join-closed");
            closed.addClassName("room-big");
            body.add(closed);
        } else {
            Svg qr = new Svg(QrCode.svg(joinLink, getTranslation("room.join.qr", joinLink)));
            qr.setId("room-qr");
            qr.addClassName("room-qr");
            Div code = new Div();
            code.addClassName("room-code-box");
            Span or = new Span(getTranslation("room.join.or", joinBase + "/join"));
            or.addClassName("room-sub");
            Span letters = new Span(r.joinCode());
            letters.setId("room-code");
            letters.addClassName("room-code");
            code.add(or, letters);
            body.add(qr, code);
        }
        Paragraph count = new Paragraph(getTranslation("room.join.count", r.participants()));
        count.setId("room-count");
        count.addClassName("room-count");
        stage.add(title, body, count);
    }

    /** A topic's screen: its title, then its numbers once there are enough participants, else how many are needed. */
    private <T> void topic(GroupNumbers.Topic<T> topic, Function<T, Div> body) {
        H1 title = new H1(getTranslation("room." + screen.key() + ".title"));
        title.addClassName("room-title");
        stage.add(title);
        if (topic.value().isPresent()) {
            Div shown = body.apply(topic.value().get());
            shown.addClassName("room-body");
            stage.add(shown);
        } else {
            Paragraph waiting = new Paragraph(getTranslation("room.needed", topic.needed()));
            waiting.setId("room-needed");
            waiting.addClassName("room-needed");
            Paragraph why = new Paragraph(getTranslation("room.needed.explain", GroupNumbers.MIN_PARTICIPANTS));
            why.addClassName("room-sub");
            stage.add(waiting, why);
        }
        Paragraph basis =
                new Paragraph(getTranslation(topic.value().isPresent() ? "room.basis" : "room.filled", topic.count()));
        basis.setId("room-basis");
        basis.addClassName("room-basis");
        stage.add(basis);
    }

    private Div headline(String value, String labelKey) {
        Span big = new Span(value);
        big.addClassName("room-value");
        big.setId("room-value");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("room-sub");
        Div line = new Div(big, label);
        line.addClassName("room-headline");
        return new Div(line);
    }

    /** Participants per band of 10 percentage points; a value of exactly 100 % falls in the last band. */
    private Chart bandsChart(List<BigDecimal> values, String bandsKey, String axisKey) {
        List<String> bands = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int from = 0; from < 100; from += 10) {
            bands.add(from + "–" + (from == 90 ? 100 : from + 9));
            counts.add(0);
        }
        for (BigDecimal v : values) {
            int band =
                    Math.clamp(v.divide(BigDecimal.TEN, 0, RoundingMode.FLOOR).intValue(), 0, 9);
            counts.set(band, counts.get(band) + 1);
        }
        return RoomCharts.histogram(
                bands,
                counts,
                getTranslation(bandsKey),
                getTranslation(axisKey),
                new ChartText(this::getTranslation, getLocale()));
    }

    private Div chart(Chart chart, String descriptionKey) {
        Svg svg = new Svg(chart.toSvg(RoomCharts.WIDTH, RoomCharts.HEIGHT));
        svg.getElement().setAttribute("role", "img");
        svg.getElement().setAttribute("aria-label", getTranslation(descriptionKey));
        Div holder = new Div(svg);
        holder.addClassName("room-chart");
        return holder;
    }

    private Div npsBody(GroupNumbers.Spread nps, GroupNumbers.Topic<GroupNumbers.Spread> doubters, Locale locale) {
        Div body = headline(LocaleNumbers.whole(nps.median(), locale), "room.nps.median");
        doubters.value().ifPresent(d -> {
            Span share = new Span(LocaleNumbers.percent(d.median(), locale));
            share.addClassName("room-value");
            share.setId("room-doubters");
            Span label = new Span(getTranslation("room.nps.doubters"));
            label.addClassName("room-sub");
            Div line = new Div(share, label);
            line.addClassName("room-headline");
            body.add(line);
        });
        Paragraph hint = new Paragraph(getTranslation("room.nps.hint"));
        hint.addClassName("room-sub");
        body.add(hint);
        return body;
    }

    private Div groupsBody(Map<CustomerGroup, BigDecimal> shares, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (CustomerGroup g :
                List.of(CustomerGroup.EENMALIG, CustomerGroup.HERHAAL, CustomerGroup.LOYAAL, CustomerGroup.INACTIEF)) {
            labels.add(getTranslation("klantgroepen." + g.name().toLowerCase(Locale.ROOT)));
            values.add(shares.get(g));
        }
        return shareBars(labels, values, "room.groups", locale);
    }

    /** Bars of percentages from 0 to 100, with the topic's axis label and description. */
    private Div shareBars(List<String> labels, List<BigDecimal> values, String topicKey, Locale locale) {
        Div body = new Div();
        body.add(chart(
                RoomCharts.bars(
                        labels,
                        values,
                        100,
                        LocaleNumbers.wholePercentFormat(locale),
                        getTranslation(topicKey + ".axis")),
                topicKey + ".title"));
        return body;
    }

    private Div reasonsBody(GroupNumbers.Reasons reasons, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (LeaveReason.Category c : LeaveReason.Category.values()) {
            labels.add(getTranslation("category." + c.key()));
            values.add(reasons.shares().get(c));
        }
        Div body = shareBars(labels, values, "room.reasons", locale);
        if (!reasons.mostNamed().isEmpty()) {
            Div named = new Div();
            named.setId("room-most-named");
            named.addClassName("room-list");
            named.add(new Span(getTranslation("room.reasons.most-named")));
            for (GroupNumbers.Named n : reasons.mostNamed()) {
                named.add(new Span(getTranslation(
                        "room.reasons.named",
                        getTranslation("reason." + n.reason().key()),
                        n.participants())));
            }
            body.add(named);
        }
        return body;
    }

    private Div teamBody(Map<Department, BigDecimal> averages, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (Department d : Department.values()) {
            labels.add(getTranslation("department." + d.key()));
            values.add(averages.get(d));
        }
        Div body = new Div();
        body.add(chart(
                RoomCharts.bars(
                        labels, values, 5, LocaleNumbers.oneDecimalFormat(locale), getTranslation("room.team.axis")),
                "room.team.title"));
        return body;
    }

    private Div offboardingBody(
            List<GroupNumbers.Missing> missing, GroupNumbers.Topic<List<GroupNumbers.Missing>> topic, Locale locale) {
        Div body = new Div();
        if (missing.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("room.offboarding.none"));
            none.addClassName("room-big");
            body.add(none);
            return body;
        }
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (GroupNumbers.Missing m : missing) {
            labels.add(getTranslation("step." + m.step().key()));
            values.add(BigDecimal.valueOf(m.participants()));
        }
        body.add(chart(
                RoomCharts.bars(
                        labels,
                        values,
                        topic.count(),
                        LocaleNumbers.wholeNumberFormat(locale),
                        getTranslation("room.offboarding.axis")),
                "room.offboarding.title"));
        return body;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        SecurityContext trainer = SecurityContextHolder.getContext();
        unregister = broadcaster.register((participants, changedCohorts) -> {
            CohortService.Room shown = room;
            if (DashboardBroadcaster.concerns(changedCohorts, cohortId)) {
                membersChanging = true;
            } else if (shown != null
                    && !membersChanging
                    && participants.stream().noneMatch(shown.participantIds()::contains)) {
                return;
            }
            LiveRefresh.in(ui, trainer, this::reload);
        });
        // what changed between the first read and listening
        LiveRefresh.in(ui, trainer, this::reload);
    }

    private void reload() {
        if (cohortId == 0) {
            return; // not shown (the route was refused)
        }
        membersChanging = false; // a join told during the read sets it again
        try {
            room = cohorts.room(cohortId);
            show();
        } catch (AccessDeniedException gone) {
            // the cohort was taken from this trainer meanwhile: leave the last screen as it was
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (unregister != null) {
            unregister.run();
        }
    }

    @Override
    public String getPageTitle() {
        return (room == null ? "" : room.name() + " · ") + getTranslation("room.title");
    }
}
