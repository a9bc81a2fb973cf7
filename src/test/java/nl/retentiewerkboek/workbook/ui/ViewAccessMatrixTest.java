package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.ui.LoginView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every role × every view: who may open what; anyone else ends up elsewhere (login or not found). */
@IntegrationTest
class ViewAccessMatrixTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private static final Set<String> EVERYONE_SIGNED_IN = Set.of("DEELNEMER", "TRAINER", "BEHEERDER");
    private static final Set<String> PARTICIPANTS = Set.of("DEELNEMER");
    private static final Set<String> COACHES = Set.of("TRAINER", "BEHEERDER");

    private Map<String, Set<String>> matrix() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("", PARTICIPANTS); // a trainer's and a beheerder's home is "Mijn groepen"
        m.put("demo", EVERYONE_SIGNED_IN); // a coach's own workbook is a demo (a participant sees their own)
        m.put("les/loyaliteit-is-geen-retentie", EVERYONE_SIGNED_IN);
        for (Worksheet w : Worksheet.values()) {
            // a participant's own worksheet; a trainer's or beheerder's demo worksheet
            m.put(WorksheetRoutes.path(w), EVERYONE_SIGNED_IN);
        }
        m.put("groepen", COACHES);
        m.put("beheer/trainers", Set.of("BEHEERDER"));
        m.put("beheer/e-mail", Set.of("BEHEERDER"));
        m.put("account", EVERYONE_SIGNED_IN);
        return m;
    }

    @SuppressWarnings("unchecked")
    private boolean opens(String path) {
        Class<? extends Component> target = (Class<? extends Component>)
                RouteConfiguration.forApplicationScope().getRoute(path).orElseThrow();
        try {
            navigate(path, target);
            return target.isInstance(getCurrentView());
        } catch (IllegalArgumentException elsewhere) {
            return false;
        }
    }

    @Test
    void every_role_opens_exactly_the_views_meant_for_it() {
        for (Role role : Role.values()) {
            Account account = accounts.create(role);
            TestAccounts.signIn(account);
            matrix().forEach((path, allowed) ->
                    assertThat(opens(path)).as("%s opening /%s", role, path).isEqualTo(allowed.contains(role.name())));
        }
    }

    @Test
    void an_anonymous_visitor_is_sent_to_login_from_every_view() {
        for (String path : List.copyOf(matrix().keySet())) {
            assertThat(opens(path)).as("anonymous opening /%s", path).isFalse();
            assertThat(getCurrentView()).as("anonymous opening /%s", path).isInstanceOf(LoginView.class);
        }
    }
}
