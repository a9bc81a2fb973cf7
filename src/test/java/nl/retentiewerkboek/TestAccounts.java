package nl.retentiewerkboek;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.SystemAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Creates fresh accounts and cohorts for a test, and signs in as them. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "een-lang-wachtwoord";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The holders of every application context the tests started in this JVM (one per cached context). */
    private static final Set<SecurityContextHolderStrategy> HOLDERS = ConcurrentHashMap.newKeySet();

    private final AccountService accounts;
    private final CohortService cohorts;

    /**
     * This application context's own holder: with several contexts in one JVM (the journeys), the static
     * SecurityContextHolder can be another context's, which this context's method security does not read.
     */
    private final SecurityContextHolderStrategy holder;

    TestAccounts(AccountService accounts, CohortService cohorts, ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        HOLDERS.add(this.holder);
        this.accounts = accounts;
        this.cohorts = cohorts;
    }

    public record Account(long id, String username, Role role) {}

    public Account create(Role role) {
        // a user name is an e-mail address, as everyone signs in with theirs (mail goes there too)
        String username = role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime()
                + "@test.example";
        long[] id = new long[1];
        asSystem(() -> id[0] = accounts.createAccount(username, PASSWORD, "Test " + username, "Testbedrijf", role)
                .id());
        return new Account(id[0], username, role);
    }

    public long cohortOf(Account trainer, Account... participants) {
        long[] id = new long[1];
        asSystem(() -> {
            id[0] = cohorts.createCohort(trainer.id(), "Groep " + SEQUENCE.incrementAndGet(), null, null);
            for (Account p : participants) {
                cohorts.enroll(id[0], p.id());
            }
        });
        return id[0];
    }

    /**
     * {@link SystemAuthentication#runAsSystem}, through this context's own holder as well as the static one: a test
     * that calls a guarded service as the system must use this, since the static holder may be another context's.
     */
    public void asSystem(Runnable work) {
        SecurityContext previous = holder.getContext();
        SecurityContext system = holder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, AuthorityUtils.createAuthorityList("ROLE_" + AppRoles.BEHEERDER)));
        holder.setContext(system);
        try {
            SystemAuthentication.runAsSystem(work);
        } finally {
            holder.setContext(previous);
        }
    }

    /**
     * Signs in as the account for the rest of the test (clear with {@link #signOut()}): in the static holder and in
     * every context's own, so that a test thread's calls pass method security whichever context serves them.
     */
    public static void signIn(Account account) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                account.username(),
                null,
                AuthorityUtils.createAuthorityList("ROLE_" + account.role().name())));
        SecurityContextHolder.setContext(context);
        HOLDERS.forEach(h -> h.setContext(context));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
        HOLDERS.forEach(SecurityContextHolderStrategy::clearContext);
    }
}
