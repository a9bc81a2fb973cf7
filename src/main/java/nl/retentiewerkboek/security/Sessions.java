package nl.retentiewerkboek.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The signed-in sessions of each account (Spring Security's {@link SessionRegistry}), so that a new
 * password, a deactivation or a deleted account ends them: each such session is marked expired in
 * the registry and invalidated, and its open tabs land on the login page.
 */
@Component
public class Sessions implements HttpSessionListener, HttpSessionIdListener {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final SessionRegistry registry;
    /** Live HTTP sessions by id, to invalidate them from another user's request. */
    private final Map<String, HttpSession> live = new ConcurrentHashMap<>();

    Sessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Records a session signed in from inside the UI (after signing up), as the login form does. */
    void signedIn(String sessionId, Object principal) {
        registry.registerNewSession(sessionId, principal);
    }

    /** Ends every session of the account (after the current transaction commits). */
    public void endAllOf(String username) {
        afterCommit(() -> end(username, null));
    }

    /** Ends every session of the account except the one of the current request. */
    public void endOthersOf(String username) {
        String current = ClientAddress.sessionId();
        afterCommit(() -> end(username, current));
    }

    /** How many sessions of the account are signed in and not expired. */
    public int activeSessionsOf(String username) {
        return registry.getAllPrincipals().stream()
                .filter(p -> username.equalsIgnoreCase(nameOf(p)))
                .mapToInt(p -> registry.getAllSessions(p, false).size())
                .sum();
    }

    private void end(String username, String keep) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (!username.equalsIgnoreCase(nameOf(principal))) {
                continue;
            }
            for (SessionInformation info : registry.getAllSessions(principal, false)) {
                if (info.getSessionId().equals(keep)) {
                    continue;
                }
                // marked expired: should the session live on another server, its next request is refused there
                info.expireNow();
                HttpSession session = live.remove(info.getSessionId());
                if (session != null) {
                    try {
                        session.invalidate();
                    } catch (IllegalStateException alreadyGone) {
                        // ended by itself in the meantime
                    }
                    registry.removeSessionInformation(info.getSessionId());
                }
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of an account after a password change, deactivation or deletion", ended);
        }
    }

    private static String nameOf(Object principal) {
        if (principal instanceof UserDetails user) {
            return user.getUsername();
        }
        return String.valueOf(principal);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.remove(event.getSession().getId());
        registry.removeSessionInformation(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        live.remove(oldSessionId);
        live.put(event.getSession().getId(), event.getSession());
    }
}
