package nl.retentiewerkboek.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import org.springframework.stereotype.Component;

/**
 * When Vaadin closes a session that has been idle past the timeout ({@code vaadin.closeIdleSessions}:
 * heartbeats of an open tab do not count), the HTTP session with the sign-in ends too. Without this
 * the heartbeats would have kept the HTTP session, and with it the sign-in, alive: a reload of the
 * forgotten tab would be signed in again without a password.
 */
@Component
class IdleSessions implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            WrappedSession session = destroyed.getSession().getSession();
            if (session != null) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyEnded) {
                    // the HTTP session ended first (sign-out, timeout): nothing left to do
                }
            }
        });
    }
}
