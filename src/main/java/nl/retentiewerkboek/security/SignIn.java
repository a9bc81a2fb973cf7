package nl.retentiewerkboek.security;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a user in from within the UI (after signing up), as the login form would: with a fresh session id. */
@Component
public class SignIn {

    private final AuthenticationManager authenticationManager;
    private final Sessions sessions;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SignIn(AuthenticationManager authenticationManager, Sessions sessions) {
        this.authenticationManager = authenticationManager;
        this.sessions = sessions;
    }

    public void signIn(String username, String password) {
        Authentication authentication = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        // a new session id, as after a normal login (session fixation)
        VaadinService.reinitializeSession(request);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        // into the session only, never onto the thread: the thread serves other people next, and a holder other than
        // the one this request's filter clears (another application in the JVM) would show this sign-in to them.
        // The rest of this request reads the sign-in from the session (Vaadin's holder looks there first).
        repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        sessions.signedIn(request.getHttpServletRequest().getSession().getId(), authentication.getPrincipal());
    }
}
