package nl.retentiewerkboek.demo;

import java.time.LocalDate;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start of the embedded setup: the accounts {@code deelnemer@voorbeeld.example}, {@code trainer@voorbeeld.example}
 * and {@code beheerder@voorbeeld.example} (password {@value #PASSWORD}) and a demo cohort of the trainer with the
 * participant in it. Does nothing when the accounts already exist.
 */
@Component
@Order(-10)
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "klantbehoud2026";
    /** The demo accounts sign in with an e-mail address, as everyone does; .example is reserved (RFC 2606): no mail reaches it. */
    static final String DEELNEMER = "deelnemer@voorbeeld.example";

    static final String TRAINER = "trainer@voorbeeld.example";
    static final String BEHEERDER = "beheerder@voorbeeld.example";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final CohortService cohorts;

    DemoData(AccountService accounts, CohortService cohorts) {
        this.accounts = accounts;
        this.cohorts = cohorts;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAuthentication.runAsSystem(() -> {
            // a data folder from before sign-in names were e-mail addresses keeps its demo accounts as they were
            if (accounts.findByUsername(TRAINER).isPresent()
                    || accounts.findByUsername("trainer").isPresent()) {
                return;
            }
            accounts.createDemoAccount(BEHEERDER, PASSWORD, "Bea Beheer", null, Role.BEHEERDER);
            long trainer = accounts.createDemoAccount(
                            TRAINER, PASSWORD, "Tom de Trainer", "Retentie Academie", Role.TRAINER)
                    .id();
            long participant = accounts.createDemoAccount(
                            DEELNEMER, PASSWORD, "Dana Deelnemer", "Installatiebedrijf Dana", Role.DEELNEMER)
                    .id();
            long cohort = cohorts.createCohort(
                    trainer, "Masterclass Klantbehoud, 29 januari 2026", LocalDate.of(2026, 1, 29), "Utrecht");
            cohorts.enroll(cohort, participant);
            log.info(
                    "Demo data created: log in as {}, {} or {} with password {}",
                    DEELNEMER,
                    TRAINER,
                    BEHEERDER,
                    PASSWORD);
        });
    }
}
