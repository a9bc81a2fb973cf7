package nl.retentiewerkboek.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the browser behind the current request (behind a proxy: as the proxy reports it,
 * see {@code server.forward-headers-strategy}); empty when there is no request.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** The id of the current request's HTTP session, or empty. */
    public static String sessionId() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        if (vaadin != null && vaadin.getSession() != null) {
            return vaadin.getSession().getId();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getSession(false) != null) {
            return attributes.getRequest().getSession(false).getId();
        }
        return "";
    }

    public static String current() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null && vaadin.getRemoteAddr() != null) {
            return vaadin.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
        }
        return "";
    }
}
