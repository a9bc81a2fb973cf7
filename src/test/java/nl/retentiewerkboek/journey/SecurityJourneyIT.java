package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServlet;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.ActiveProfiles;

/**
 * The doors an attacker knocks on, over real HTTP and in a real browser: security headers on every
 * page, CSRF on the login form, no session id in URLs, limits on failed sign-ins with the login page
 * saying how long to wait, and a new password or a deactivation signing the account out elsewhere.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Tag("browser")
class SecurityJourneyIT {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountService accountService;

    @Autowired
    Sessions sessions;

    private final List<Browser> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(Browser::close);
        TestAccounts.signOut();
    }

    private Browser browser() {
        Browser b = new Browser("http://localhost:" + port);
        browsers.add(b);
        return b;
    }

    /** A client with its own cookies, like one browser. */
    private final class Client {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The login page's CSRF token, as the login form reads it from the page. */
        Map<String, String> csrf() throws Exception {
            Matcher m = META.matcher(get("/login").body());
            Map<String, String> found = new HashMap<>();
            while (m.find()) {
                found.put(m.group(1), m.group(2));
            }
            return found;
        }

        HttpResponse<String> postLogin(String username, String password, boolean withToken) throws Exception {
            Map<String, String> token = csrf();
            StringBuilder form = new StringBuilder("username=" + enc(username) + "&password=" + enc(password));
            if (withToken) {
                assertThat(token).containsKeys("_csrf", "_csrf_parameter");
                form.append('&')
                        .append(enc(token.get("_csrf_parameter")))
                        .append('=')
                        .append(enc(token.get("_csrf")));
            }
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse("");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every route of the app, parameters filled in with a made-up value. */
    private static List<String> routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        TreeSet<String> paths = new TreeSet<>();
        scanner.findCandidateComponents("nl.retentiewerkboek").forEach(bean -> {
            try {
                Route route = Class.forName(bean.getBeanClassName()).getAnnotation(Route.class);
                String path = route.value().replaceAll(":[A-Za-z]+\\??(\\([^)]*\\))?", "x1");
                paths.add("/" + path);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        return List.copyOf(paths);
    }

    private static void assertSecurityHeaders(String what, HttpResponse<?> response) {
        var h = response.headers();
        assertThat(response.statusCode()).as(what + " status").isLessThan(500);
        assertThat(h.firstValue("Content-Security-Policy"))
                .as(what + " CSP")
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains(
                                "default-src 'self'",
                                "frame-ancestors 'none'",
                                "object-src 'none'",
                                "form-action 'self'"));
        assertThat(h.firstValue("X-Content-Type-Options")).as(what + " nosniff").hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).as(what + " referrer").hasValue("same-origin");
        assertThat(h.firstValue("X-Frame-Options")).as(what + " frames").hasValue("DENY");
        assertThat(h.firstValue("Cache-Control"))
                .as(what + " cache")
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(h.allValues("Set-Cookie"))
                .as(what + " cookies")
                .allSatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void every_page_carries_the_security_headers_for_visitors_and_signed_in_users() throws Exception {
        List<String> routes = routes();
        assertThat(routes).as("the routes found").hasSizeGreaterThan(15).contains("/login", "/");
        Client visitor = new Client();
        Client trainer = new Client();
        Account tom = accounts.create(Role.TRAINER);
        assertThat(trainer.postLogin(tom.username(), TestAccounts.PASSWORD, true)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        for (String path : routes) {
            assertSecurityHeaders("visitor " + path, visitor.get(path));
            assertSecurityHeaders("trainer " + path, trainer.get(path));
        }
        // HSTS only where it means something: not over plain HTTP
        assertThat(visitor.get("/login").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
    }

    @Autowired
    ApplicationContext context;

    @Test
    void the_csp_is_enforced_in_the_browser_and_a_violation_would_be_caught() throws Exception {
        Browser b = browser();
        b.open("/login");
        assertThat(b.cspViolations()).isEmpty();
        // a script injected into the page tries to load from elsewhere: the browser refuses and logs it
        ((JavascriptExecutor) b.driver)
                .executeScript(
                        "const i = document.createElement('img'); i.src = 'https://tracker.example.invalid/p.png'; document.body.append(i);");
        Thread.sleep(500);
        assertThat(b.cspViolations())
                .as("what the journeys check for")
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("img-src"));
        b.clearConsole();
    }

    @Test
    void idle_sessions_end_although_a_tab_is_open() throws Exception {
        new Client().get("/login"); // the Vaadin servlet starts on the first request
        var vaadin = context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet)
                .filter(VaadinServlet.class::isInstance)
                .map(VaadinServlet.class::cast)
                .findFirst()
                .orElseThrow();
        var configuration = vaadin.getService().getDeploymentConfiguration();
        assertThat(configuration.isCloseIdleSessions())
                .as("the heartbeat does not keep a session alive")
                .isTrue();
        assertThat(context.getEnvironment().getProperty("server.servlet.session.timeout"))
                .isEqualTo("60m");
        assertThat(context.getEnvironment().getProperty("server.servlet.session.tracking-modes"))
                .isEqualTo("cookie");
    }

    @Test
    void the_login_form_needs_its_csrf_token_and_the_session_id_never_appears_in_a_url() throws Exception {
        Account tom = accounts.create(Role.TRAINER);
        Client crossSite = new Client();
        HttpResponse<String> forged = crossSite.postLogin(tom.username(), TestAccounts.PASSWORD, false);
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));

        Client real = new Client();
        HttpResponse<String> signedIn = real.postLogin(tom.username(), TestAccounts.PASSWORD, true);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));

        for (Client c : List.of(new Client(), real)) {
            for (String path : List.of("/", "/groepen", "/werkboek", "/login", "/beheer/trainers")) {
                HttpResponse<String> r = c.get(path);
                assertThat(r.headers().firstValue("Location").orElse(""))
                        .as(path)
                        .doesNotContainIgnoringCase("jsessionid");
                assertThat(r.body()).as(path).doesNotContainIgnoringCase(";jsessionid=");
            }
        }
    }

    @Test
    void failed_sign_ins_are_limited_and_the_login_page_says_how_long_to_wait() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        Client attacker = new Client();
        for (int i = 0; i < 10; i++) {
            assertThat(attacker.postLogin(dana.username(), "geraden-wachtwoord-" + i, true)
                            .headers()
                            .firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        // now even the right password is refused for a while, also from another browser
        Browser b = browser();
        b.open("/login");
        b.type("vaadinLoginUsername", dana.username());
        b.find("#vaadinLoginPassword input").sendKeys(TestAccounts.PASSWORD);
        b.click("vaadin-login-form vaadin-button[slot='submit']");
        b.waitForPath("/login");
        b.screenshot("40-login-throttled");
        assertThat(b.shadowText("vaadin-login-form")).contains("te veel mislukte pogingen", "Wacht");
        assertThat(b.driver.getCurrentUrl()).contains("error");
    }

    @Test
    void a_new_password_or_a_deactivation_signs_the_trainer_out_in_the_browser() throws Exception {
        Account admin = accounts.create(Role.BEHEERDER);
        Account tom = accounts.create(Role.TRAINER);
        Browser tab = browser();
        tab.logIn(tom.username(), TestAccounts.PASSWORD);
        tab.open("/groepen");
        assertThat(sessions.activeSessionsOf(tom.username())).isEqualTo(1);

        TestAccounts.signIn(admin);
        accountService.resetTrainerPassword(tom.id(), "een-heel-nieuw-wachtwoord");
        TestAccounts.signOut();
        assertThat(sessions.activeSessionsOf(tom.username())).isZero();
        tab.driver.navigate().refresh();
        tab.waitForPath("/login");

        // the new password works (and leads back to the page they were on); deactivating ends that session too
        tab.type("vaadinLoginUsername", tom.username());
        tab.find("#vaadinLoginPassword input").sendKeys("een-heel-nieuw-wachtwoord");
        tab.click("vaadin-login-form vaadin-button[slot='submit']");
        tab.waitForPath("/groepen");
        assertThat(sessions.activeSessionsOf(tom.username())).isEqualTo(1);
        accounts.asSystem(() -> accountService.setTrainerActive(tom.id(), false));
        assertThat(sessions.activeSessionsOf(tom.username())).isZero();
        tab.driver.navigate().refresh();
        tab.waitForPath("/login");
    }
}
