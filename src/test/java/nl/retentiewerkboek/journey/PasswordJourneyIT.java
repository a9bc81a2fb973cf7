package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.TestMails;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A participant who forgot their password recovers on their own: "Wachtwoord vergeten?" on the login page, the mail as
 * a real SMTP server (GreenMail) receives it, its link, a new password, and signed in, in the workbook. The link works
 * once. The time from the login page to signed in again is printed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vaadin.devmode.devTools.enabled=false",
            "spring.mail.host=localhost",
            "spring.mail.port=" + PasswordJourneyIT.SMTP_PORT,
            "app.mail.poll=PT0.5S",
            // no configured address: the link follows the address the browser used (here http://localhost:port)
            "app.public-url="
        })
@ActiveProfiles("test")
@Tag("browser")
class PasswordJourneyIT {

    static final int SMTP_PORT = 3126;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, null, "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final Pattern JOIN = Pattern.compile("(http://localhost:\\d+/join/[A-Z0-9]+)");
    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/nieuw-wachtwoord/[A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    /**
     * The mails GreenMail received for one address, once there are this many (within 15 s). Other journeys' mails can
     * arrive too: the test database is shared by every journey in this JVM, and this context sends whatever waits.
     */
    private static List<MimeMessage> mailTo(String address, int count) throws Exception {
        long until = System.nanoTime() + 15_000_000_000L;
        List<MimeMessage> mails = List.of();
        while (System.nanoTime() < until) {
            mails = List.of(SMTP.getReceivedMessagesForDomain(address));
            if (mails.size() >= count) {
                return mails;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(count + " mails to " + address + " expected, got " + mails.size());
    }

    @Test
    void forgot_password_then_mail_then_link_then_new_password_then_signed_in() throws Exception {
        Account dana = accounts.create(Role.DEELNEMER);
        long started = System.nanoTime();

        browser.open("/login");
        // the login form's own "Wachtwoord vergeten?" button
        ((JavascriptExecutor) browser.driver).executeScript("""
                const button = [...document.querySelectorAll('vaadin-login-form vaadin-button')]
                    .find(b => b.textContent.trim() === 'Wachtwoord vergeten?');
                button.click();""");
        browser.waitForPath("/wachtwoord-vergeten");
        browser.resize(390, 844);
        browser.type("forgot-email", dana.username());
        browser.click("#forgot-send");
        browser.waitForText("#forgot-answer", "Als er een account bij " + dana.username() + " hoort");
        browser.screenshot("80-forgot-password-phone");
        assertThat(browser.seriousAccessibilityViolations())
                .as("forgot password")
                .isEmpty();

        MimeMessage mail = mailTo(dana.username(), 1).getFirst();
        String body = TestMails.text(mail);
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("a link in %s", body).isTrue();

        browser.resize(1280, 900);
        browser.driver.get(link.group(1));
        browser.waitForVaadin();
        browser.waitForText("#new-password", "Kies een nieuw wachtwoord voor het account van Test " + dana.username());
        browser.type("new-password-password", "mijn-nieuwe-zin-voor-vandaag");
        browser.type("new-password-repeat", "mijn-nieuwe-zin-voor-vandaag");
        browser.screenshot("81-new-password");
        assertThat(browser.seriousAccessibilityViolations()).as("new password").isEmpty();
        browser.click("#new-password-save");
        browser.waitForPath("/");
        browser.waitForText(".drawer-user-name", "Test " + dana.username());
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Forgot password to signed in again: %.1f s%n", seconds);
        browser.screenshot("82-signed-in-after-reset");

        // the link worked once
        browser.driver.get(link.group(1));
        browser.waitForVaadin();
        browser.waitForText("#new-password-invalid", "Deze link werkt niet meer");
        browser.screenshot("83-link-used");
    }

    @Test
    void a_trainer_invites_by_mail_the_invitee_joins_from_it_and_is_welcomed() throws Exception {
        Account trainer = accounts.create(Role.TRAINER);
        browser.logIn(trainer.username(), TestAccounts.PASSWORD);
        browser.open("/groepen");
        browser.type("cohort-new-name", "Masterclass per mail");
        browser.click("#cohort-new-create");
        browser.find("#cohort-code");
        browser.click("#cohort-invite vaadin-details-summary");
        String invitee = "genodigde-" + System.nanoTime() + "@voorbeeld.nl";
        WebElement addresses = browser.find("#cohort-invite-addresses textarea");
        addresses.sendKeys("Gerda Genodigd <" + invitee + ">\ngeen-adres");
        browser.click("#cohort-invite-send");
        browser.waitForText("#cohort-invite-result", "Er is 1 uitnodiging verstuurd.");
        browser.screenshot("84-invite");
        assertThat(browser.seriousAccessibilityViolations())
                .as("dashboard with invitations")
                .isEmpty();

        MimeMessage invitation = mailTo(invitee, 1).getFirst();
        assertThat(invitation.getSubject()).isEqualTo("Uitnodiging voor Masterclass per mail");
        Matcher join = JOIN.matcher(TestMails.text(invitation));
        assertThat(join.find()).isTrue();

        Browser phone = new Browser("http://localhost:" + port);
        try {
            phone.resize(390, 844);
            phone.driver.get(join.group(1));
            phone.waitForVaadin();
            phone.waitForText("#join", "Doe mee met Masterclass per mail");
            phone.type("join-name", "Gerda Genodigd");
            phone.type("join-company", "Gerda's Bloemen");
            phone.type("join-email", invitee);
            phone.type("join-password", "een-sterk-wachtwoord-voor-gerda");
            phone.click("#join-create");
            phone.waitForPath("/");
            MimeMessage welcome = mailTo(invitee, 2).get(1);
            assertThat(welcome.getSubject()).isEqualTo("Welkom bij Masterclass per mail");
            assertThat(TestMails.text(welcome)).startsWith("Hallo Gerda Genodigd,");

            phone.open("/account");
            phone.waitForText("#account-mail", "Herinnering voor je hermeting");
            phone.screenshot("86-account-phone");
            assertThat(phone.seriousAccessibilityViolations())
                    .as("account page")
                    .isEmpty();
        } finally {
            phone.close();
        }

        Account admin = accounts.create(Role.BEHEERDER);
        Browser office = new Browser("http://localhost:" + port);
        try {
            office.logIn(admin.username(), TestAccounts.PASSWORD);
            office.open("/beheer/e-mail");
            office.waitForText("#outbox", "Welkom bij Masterclass per mail");
            office.waitForText("#outbox", "Uitnodiging voor Masterclass per mail");
            office.screenshot("85-outbox");
            assertThat(office.seriousAccessibilityViolations()).as("outbox").isEmpty();
        } finally {
            office.close();
        }
    }
}
