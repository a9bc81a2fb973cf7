package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;

/** The join link of a cohort, on the address the trainer opened the app with (what the participants can reach too). */
final class JoinLinks {

    private JoinLinks() {}

    /** The address the app was opened on, such as {@code https://werkboek.example.nl}; empty outside a request. */
    static String base() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest servlet) {
            var http = servlet.getHttpServletRequest();
            int port = http.getServerPort();
            return http.getScheme() + "://" + http.getServerName() + (port == 80 || port == 443 ? "" : ":" + port);
        }
        return "";
    }

    static String of(String joinCode) {
        return base() + "/join/" + joinCode;
    }
}
