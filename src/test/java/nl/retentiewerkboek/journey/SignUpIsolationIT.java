package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

/**
 * A room of people signing up on the join page one after the other, each on a phone of their own: a sign-in made
 * for one of them never reaches the next person's page. The web server has two threads here, so every request runs
 * on a thread that served someone else just before (as on a busy day, and as in CI).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vaadin.devmode.devTools.enabled=false",
            "server.tomcat.threads.max=2",
            "server.tomcat.threads.min-spare=1"
        })
@ActiveProfiles("test")
@Tag("browser")
class SignUpIsolationIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SecurityContextHolderStrategy holder;

    /**
     * Another application in the same JVM (in the test run: another cached test context) put its own holder in
     * {@link SecurityContextHolder}, which this server's filters never clear: a sign-in left on a thread there would
     * show on the next person's page. Nothing may be left on a thread, whichever holder is the global one.
     */
    @BeforeEach
    void anotherHolderIsTheGlobalOne() {
        SecurityContextHolder.setContextHolderStrategy(new VaadinAwareSecurityContextHolderStrategy());
    }

    @AfterEach
    void restoreHolder() {
        SecurityContextHolder.setContextHolderStrategy(holder);
    }

    @Test
    void each_new_phone_on_the_join_page_gets_the_sign_up_form_not_the_previous_persons_account() {
        Account trainer = accounts.create(Role.TRAINER);
        String code;
        try (Browser beamer = new Browser("http://localhost:" + port)) {
            beamer.logIn(trainer.username(), TestAccounts.PASSWORD);
            beamer.open("/groepen");
            beamer.type("cohort-new-name", "Inloop in de zaal");
            beamer.click("#cohort-new-create");
            beamer.find("#cohort-code");
            code = beamer.text("#cohort-code");
        }
        for (int i = 1; i <= 4; i++) {
            try (Browser phone = new Browser("http://localhost:" + port)) {
                phone.resize(390, 844);
                phone.open("/join/" + code);
                phone.waitForText("#join", "Doe mee met Inloop in de zaal");
                assertThat(phone.driver.findElements(By.id("join-existing")))
                        .as("person %d, on a phone nobody signed in on, is offered someone else's account", i)
                        .isEmpty();
                phone.type("join-name", "Persoon " + i);
                phone.type("join-company", "Bedrijf " + i);
                phone.type("join-email", "persoon-" + i + "-" + System.nanoTime() + "@voorbeeld.nl");
                phone.type("join-password", "een-sterk-wachtwoord");
                phone.click("#join-create");
                phone.waitForPath("/");
                phone.waitForText("#workbook-progress-text", "0 van 9 onderdelen klaar");
                phone.open("/account");
                phone.waitForText("main", "Persoon " + i);
            }
        }
    }
}
