package nl.retentiewerkboek.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notices a browser that opens a page with a session the server no longer knows (it expired, or
 * the server restarted) and notes that in the new session, so the login page can say why the user
 * has to sign in again. Runs before Spring Security, whose saved request then brings the user back
 * to the page they were on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class ExpiredSessionFilter extends OncePerRequestFilter {

    /** Session attribute the login page reads (and removes). */
    public static final String EXPIRED = "rwb.session-expired";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        boolean page = "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
        if (page && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
            request.getSession(true).setAttribute(EXPIRED, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }
}
