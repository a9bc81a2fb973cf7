package nl.retentiewerkboek.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs work as the system, with the beheerder's rights, so the guarded services need no unguarded back door: start-up
 * work (first beheerder, demo data), scheduled jobs, and a participant's read of their own group's anonymous medians.
 *
 * <p>On a thread where a user is signed in (a request), the system works on a thread of its own: the user's sign-in
 * may come from their session rather than from the thread (Vaadin's holder reads the session when the thread has
 * none), and putting it back on the thread afterwards would leave it there for whoever that thread serves next.
 */
public final class SystemAuthentication {

    private SystemAuthentication() {}

    public static void runAsSystem(Runnable work) {
        if (SecurityContextHolder.getContext().getAuthentication() != null) {
            onOwnThread(work);
            return;
        }
        asSystemHere(work);
    }

    private static void asSystemHere(Runnable work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system", null, List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.BEHEERDER))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext(); // nobody was signed in here before
        }
    }

    /**
     * Work as the system on a thread of its own, signed in through this application's own holder (the one its method
     * security reads), whatever holder is the JVM's global one and whoever is signed in on the calling thread.
     */
    public static void runAsSystem(SecurityContextHolderStrategy holder, Runnable work) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread system = Thread.ofVirtual().name("system-work").start(() -> {
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "system", null, List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.BEHEERDER))));
            holder.setContext(context);
            try {
                work.run();
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                holder.clearContext();
            }
        });
        join(system, failure);
    }

    private static void onOwnThread(Runnable work) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread system = Thread.ofVirtual().name("system-work").start(() -> {
            try {
                asSystemHere(work);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        join(system, failure);
    }

    private static void join(Thread system, AtomicReference<Throwable> failure) {
        try {
            system.join();
        } catch (InterruptedException e) {
            system.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the system worked", e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }
}
