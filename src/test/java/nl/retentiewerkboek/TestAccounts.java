package nl.retentiewerkboek;

import java.util.concurrent.atomic.AtomicInteger;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.SystemAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Creates fresh accounts and cohorts for a test, and signs in as them. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "een-lang-wachtwoord";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountService accounts;
    private final CohortService cohorts;

    TestAccounts(AccountService accounts, CohortService cohorts) {
        this.accounts = accounts;
        this.cohorts = cohorts;
    }

    public record Account(long id, String username, Role role) {}

    public Account create(Role role) {
        String username = role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        long[] id = new long[1];
        SystemAuthentication.runAsSystem(
                () -> id[0] = accounts.createAccount(username, PASSWORD, "Test " + username, "Testbedrijf", role)
                        .id());
        return new Account(id[0], username, role);
    }

    public long cohortOf(Account trainer, Account... participants) {
        long[] id = new long[1];
        SystemAuthentication.runAsSystem(() -> {
            id[0] = cohorts.createCohort(trainer.id(), "Groep " + SEQUENCE.incrementAndGet(), null, null);
            for (Account p : participants) {
                cohorts.enroll(id[0], p.id());
            }
        });
        return id[0];
    }

    /** Signs in as the account for the rest of the test (clear with {@link #signOut()}). */
    public static void signIn(Account account) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                account.username(),
                null,
                AuthorityUtils.createAuthorityList("ROLE_" + account.role().name())));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
