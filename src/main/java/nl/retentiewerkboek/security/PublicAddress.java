package nl.retentiewerkboek.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people reach the app on, for links in mails: {@code app.public-url} when set (production: links must not
 * follow the Host header a request happened to carry), else the address of the request being served.
 */
@Component
public class PublicAddress {

    private final String configured;

    PublicAddress(@Value("${app.public-url:}") String configured, @Value("${spring.mail.host:}") String smtpHost) {
        String url = configured.strip();
        this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (this.configured.isEmpty() && !smtpHost.isBlank()) {
            LoggerFactory.getLogger(PublicAddress.class)
                    .warn("Mail is configured but app.public-url is not: links in mails use the address of the request"
                            + " that caused them. Set app.public-url (APP_PUBLIC_URL) to the address people use.");
        }
    }

    /** Such as {@code https://werkboek.example.nl}, without a trailing slash; empty outside a request when not set. */
    public String base() {
        return configured.isEmpty() ? ofRequest() : configured;
    }

    /**
     * The address the request being served was made to (scheme, host, port unless the default, context path), such as
     * {@code http://localhost:8080}; empty outside a request.
     */
    public static String ofRequest() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest servlet) {
            var http = servlet.getHttpServletRequest();
            int port = http.getServerPort();
            return http.getScheme() + "://" + http.getServerName() + (port == 80 || port == 443 ? "" : ":" + port)
                    + http.getContextPath();
        }
        return "";
    }
}
