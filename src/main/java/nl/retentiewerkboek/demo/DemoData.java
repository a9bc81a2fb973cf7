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
 * On first start of the embedded setup: the accounts {@code deelnemer}, {@code trainer} and
 * {@code beheerder} (password {@value #PASSWORD}) and a demo cohort of the trainer with the
 * participant in it. Does nothing when the accounts already exist.
 */
@Component
@Order(-10)
@ConditionalOnProperty(name = "app.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "klantbehoud2026";
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
            if (accounts.findByUsername("trainer").isPresent()) {
                return;
            }
            accounts.createDemoAccount("beheerder", PASSWORD, "Bea Beheer", null, Role.BEHEERDER);
            long trainer = accounts.createDemoAccount(
                            "trainer", PASSWORD, "Tom de Trainer", "Retentie Academie", Role.TRAINER)
                    .id();
            long participant = accounts.createDemoAccount(
                            "deelnemer", PASSWORD, "Dana Deelnemer", "Installatiebedrijf Dana", Role.DEELNEMER)
                    .id();
            long cohort = cohorts.createCohort(
                    trainer, "Masterclass Klantbehoud, 29 januari 2026", LocalDate.of(2026, 1, 29), "Utrecht");
            cohorts.enroll(cohort, participant);
            log.info("Demo data created: log in as deelnemer, trainer or beheerder with password {}", PASSWORD);
        });
    }
}
