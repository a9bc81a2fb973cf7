package nl.retentiewerkboek.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Set;
import java.util.stream.Collectors;
import nl.retentiewerkboek.security.AppRoles;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A trainer's and a beheerder's home is "Mijn groepen": the participant's start page sends them there. Their own
 * workbook, a demo for the beamer, has its own address ({@code /demo}); a worksheet address opens that demo's
 * worksheet, with a banner saying it counts nowhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoachLanding implements VaadinServiceInitListener {

    /** The route of "Mijn groepen" (and, for a beheerder, all groups). */
    static final String HOME = "groepen";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(CoachLanding::beforeEnter));
    }

    private static void beforeEnter(BeforeEnterEvent event) {
        if (!isCoach()) {
            return;
        }
        if (event.getLocation().getPath().isEmpty()) { // the participant's start page
            event.forwardTo(HOME);
        }
    }

    private static boolean isCoach() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        Set<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return roles.contains("ROLE_" + AppRoles.TRAINER) || roles.contains("ROLE_" + AppRoles.BEHEERDER);
    }
}
