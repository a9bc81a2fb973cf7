package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A tab left open signs itself out: with the idle timeout shortened to one minute and a heartbeat
 * every ten seconds, a forgotten tab reloaded after the timeout lands on the login page, although
 * the heartbeats kept reaching the server the whole time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vaadin.devmode.devTools.enabled=false",
            "server.servlet.session.timeout=1m",
            "vaadin.heartbeatInterval=10"
        })
@ActiveProfiles("test")
@Tag("browser")
class IdleSessionIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Test
    void a_forgotten_open_tab_is_signed_out_after_the_idle_timeout() throws Exception {
        Account tom = accounts.create(Role.TRAINER);
        try (Browser tab = new Browser("http://localhost:" + port)) {
            tab.logIn(tom.username(), TestAccounts.PASSWORD);
            tab.open("/groepen");
            long heartbeatsBefore = heartbeats(tab);
            Thread.sleep(80_000);
            assertThat(heartbeats(tab)).as("the tab kept sending heartbeats").isGreaterThan(heartbeatsBefore + 3);
            // the page may already have noticed the ended session itself; a reload must not sign back in
            tab.driver.navigate().refresh();
            tab.waitForPath("/login");
            tab.open("/groepen");
            tab.waitForPath("/login");
        }
    }

    /** How many heartbeat requests the page has sent (from the browser's own resource timing). */
    private static long heartbeats(Browser tab) {
        Object n = ((JavascriptExecutor) tab.driver)
                .executeScript(
                        "return performance.getEntriesByType('resource').filter(e => e.name.includes('v-r=heartbeat')).length;");
        return ((Number) n).longValue();
    }
}
