package nl.retentiewerkboek.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
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
 * A trainer's and a beheerder's home is "Mijn groepen": the participant's start page sends them there, and so does a
 * page only participants can open (a worksheet), with a message saying why, instead of an error page. Runs before the
 * access check of the route, which would otherwise answer "this page does not exist".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoachLanding implements VaadinServiceInitListener {

    /** The route of "Mijn groepen" (and, for a beheerder, all groups). */
    static final String HOME = "groepen";
    /** The query parameter that tells "Mijn groepen" to say why the trainer landed there. */
    static final String NOTICE = "melding";

    static final String PARTICIPANT_PAGE = "alleen-deelnemers";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(CoachLanding::beforeEnter));
    }

    private static void beforeEnter(BeforeEnterEvent event) {
        if (!isCoach()) {
            return;
        }
        Class<?> target = event.getNavigationTarget();
        if (event.getLocation().getPath().isEmpty()) { // the participant's start page
            event.forwardTo(HOME);
        } else if (onlyForParticipants(target)) {
            event.forwardTo(HOME, QueryParameters.simple(Map.of(NOTICE, PARTICIPANT_PAGE)));
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

    /** A page whose only allowed role is the participant's. */
    static boolean onlyForParticipants(Class<?> target) {
        RolesAllowed allowed = target == null ? null : target.getAnnotation(RolesAllowed.class);
        return allowed != null && List.of(allowed.value()).equals(List.of(AppRoles.DEELNEMER));
    }
}
