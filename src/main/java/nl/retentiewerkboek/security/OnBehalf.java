package nl.retentiewerkboek.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work for a signed-in user that may run on a thread of no request of theirs (a screen's refresh on the
 * broadcaster's or a timer's thread, or on another request's thread that found the session free). Where the thread
 * already knows a sign-in (Vaadin's holder reads the session of the UI being served) that one is used; otherwise the
 * user's own is set for the work and taken off the thread after, so it never stays for the next person the thread
 * serves.
 */
public final class OnBehalf {

    private OnBehalf() {}

    public static void run(SecurityContext signedIn, Runnable work) {
        if (SecurityContextHolder.getContext().getAuthentication() != null) {
            work.run();
            return;
        }
        SecurityContextHolder.setContext(signedIn);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The work as a runnable that runs it on behalf of the user. */
    public static Runnable of(SecurityContext signedIn, Runnable work) {
        return () -> run(signedIn, work);
    }
}
