package nl.retentiewerkboek.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.retentiewerkboek.base.LanguageSwitch;
import nl.retentiewerkboek.base.ProgressChangedEvent;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.workbook.ModuleProgress;
import nl.retentiewerkboek.workbook.WorkbookProgress;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.kit.DemoBanner;

/**
 * The workbook shell: the modules in order with done / not done, the overall progress bar, the
 * language switch and logout. Rebuilt after every navigation so progress is always current.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final AccountService accounts;
    private final WorkbookService workbook;
    private final LessonCatalogue catalogue;
    private final AuthenticationContext authentication;
    private final Div drawer = new Div();
    private final Span viewTitle = new Span();
    private Registration progressListener;

    public MainLayout(
            AccountService accounts,
            WorkbookService workbook,
            LessonCatalogue catalogue,
            AuthenticationContext authentication) {
        this.accounts = accounts;
        this.workbook = workbook;
        this.catalogue = catalogue;
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.menu"));
        viewTitle.addClassName("navbar-title");
        addToNavbar(skipLink(), toggle, viewTitle);

        drawer.addClassName("drawer");
        addToDrawer(drawer);
    }

    /**
     * "Naar de inhoud": the first thing the Tab key reaches, shown only then; it moves the focus past the menu to
     * the page itself, so a keyboard user does not walk through every module first.
     */
    private Anchor skipLink() {
        Anchor skip = new Anchor("#content", getTranslation("nav.skip"));
        skip.setId("skip-link");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("""
                this.addEventListener('click', e => {
                  e.preventDefault();
                  const content = document.querySelector('vaadin-app-layout > :not([slot])');
                  if (!content) { return; }
                  if (!content.hasAttribute('tabindex')) { content.setAttribute('tabindex', '-1'); }
                  content.focus({preventScroll: true});
                  content.scrollIntoView({block: 'start'});
                });""");
        return skip;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        progressListener = ComponentUtil.addListener(attachEvent.getUI(), ProgressChangedEvent.class, e -> rebuild());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        if (progressListener != null) {
            progressListener.remove();
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String suffix = " · " + getTranslation("app.title");
        String title = getContent() instanceof HasDynamicTitle page ? page.getPageTitle() : getTranslation("app.title");
        viewTitle.setText(title.endsWith(suffix) ? title.substring(0, title.length() - suffix.length()) : title);
        rebuild();
    }

    private void rebuild() {
        drawer.removeAll();
        Optional<UserSummary> me = accounts.me();
        Locale locale = getLocale();

        Header brand = new Header();
        brand.addClassName("drawer-brand");
        Span name = new Span(getTranslation("app.title"));
        name.addClassName("drawer-app-name");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("drawer-tagline");
        brand.add(name, tagline);
        drawer.add(brand);

        // everyone signed in has a workbook: a participant their own, a trainer or beheerder a demo for the beamer
        boolean coach = me.map(u -> u.role() != Role.DEELNEMER).orElse(false);
        WorkbookProgress progress = me.isPresent() ? workbook.myProgress(locale) : null;
        if (progress != null) {
            drawer.add(progressBlock(progress));
        }

        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("nav.modules"));
        // the fixed pages come from their routes' @Menu (title = message key), already filtered by who may open them
        List<MenuEntry> pages = MenuConfiguration.getMenuEntries();
        if (coach) { // their groups first, then the demo workbook
            pages.stream().filter(MainLayout::isCoachPage).forEach(p -> nav.addItem(menuItem(p, me)));
        }
        pages.stream().filter(MainLayout::isHome).forEach(p -> nav.addItem(coach ? demoItem(p) : menuItem(p, me)));
        catalogue
                .intro(locale)
                .ifPresent(intro -> nav.addItem(
                        new SideNavItem(intro.title(), "les/" + intro.id(), VaadinIcon.INFO_CIRCLE_O.create())));
        List<Lesson> modules = progress != null
                ? progress.modules().stream().map(ModuleProgress::lesson).toList()
                : catalogue.modules(locale);
        for (Lesson lesson : modules) {
            boolean done = progress != null
                    && progress.of(lesson.id()).map(ModuleProgress::done).orElse(false);
            SideNavItem item = new SideNavItem(null, "les/" + lesson.id());
            Span label = new Span(lesson.order() + ". " + lesson.title());
            label.addClassName("nav-label");
            item.getElement().appendChild(label.getElement());
            if (progress != null) {
                var icon = done ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CIRCLE_THIN.create();
                icon.addClassName(done ? "module-done" : "module-open");
                icon.getElement()
                        .setAttribute("aria-label", getTranslation(done ? "nav.module-done" : "nav.module-open"));
                icon.getElement().setAttribute("role", "img");
                item.setSuffixComponent(icon);
                item.getElement().setAttribute("data-done", Boolean.toString(done));
            }
            item.setId("nav-module-" + lesson.id());
            nav.addItem(item);
        }
        pages.stream().filter(p -> !isHome(p) && !(coach && isCoachPage(p))).forEach(p -> nav.addItem(menuItem(p, me)));
        Scroller scroller = new Scroller(nav);
        scroller.addClassName("drawer-nav");
        drawer.add(scroller, footer(me));
    }

    private static boolean isHome(MenuEntry page) {
        return page.path().isEmpty() || "/".equals(page.path());
    }

    /** The groups and the administration: what a trainer or beheerder comes for, first in their menu. */
    private static boolean isCoachPage(MenuEntry page) {
        String path = page.path().startsWith("/") ? page.path().substring(1) : page.path();
        return path.startsWith("groepen") || path.startsWith("beheer");
    }

    /** A trainer's or beheerder's workbook is their demo, under its own address (their start page is their groups). */
    private SideNavItem demoItem(MenuEntry home) {
        SideNavItem item = new SideNavItem(
                getTranslation("nav.demo"), DemoBanner.ROUTE, home.icon() == null ? null : new Icon(home.icon()));
        item.setId("nav-demo");
        return item;
    }

    /** One fixed page of the menu, from its route's {@code @Menu}: the title is a message key. */
    private SideNavItem menuItem(MenuEntry page, Optional<UserSummary> me) {
        String key = page.title();
        if ("nav.cohorts".equals(key) && me.map(u -> u.role() == Role.BEHEERDER).orElse(false)) {
            key = "nav.all-cohorts";
        }
        SideNavItem item =
                new SideNavItem(getTranslation(key), page.path(), page.icon() == null ? null : new Icon(page.icon()));
        item.setId(page.title().replace('.', '-'));
        return item;
    }

    private Component progressBlock(WorkbookProgress progress) {
        Div block = new Div();
        block.addClassName("progress-block");
        String key = progress.total() == 1 ? "progress.summary-one" : "progress.summary";
        Span text = new Span(getTranslation(key, progress.done(), progress.total()));
        text.setId("workbook-progress-text");
        ProgressBar bar = new ProgressBar(0, 1, progress.fraction());
        bar.setId("workbook-progress");
        bar.getElement().setAttribute("aria-label", text.getText());
        block.add(text, bar);
        return block;
    }

    private Component footer(Optional<UserSummary> me) {
        Footer footer = new Footer();
        footer.addClassName("drawer-footer");
        me.ifPresent(user -> {
            Div who = new Div();
            who.addClassName("drawer-user");
            Span userName = new Span(user.displayName());
            userName.addClassName("drawer-user-name");
            Span role = new Span(getTranslation("role." + user.role().name()));
            role.addClassName("drawer-user-role");
            who.add(userName, role);
            footer.add(who);
        });
        Button logout =
                new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.TERTIARY);
        footer.add(new LanguageSwitch(accounts::setMyLanguage), logout);
        return footer;
    }
}
