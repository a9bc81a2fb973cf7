package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

@IntegrationTest
class AccessTest extends SpringBrowserlessTest {

    @SuppressWarnings("unchecked")
    private Class<? extends Component> routeClass(String path) {
        return (Class<? extends Component>)
                RouteConfiguration.forApplicationScope().getRoute(path).orElseThrow();
    }

    /** Opens a route as a user would type it; access control may send them elsewhere. */
    private void open(Class<? extends Component> view) {
        try {
            navigate(view);
        } catch (IllegalArgumentException redirected) {
            // navigation ended on another view: what getCurrentView() shows
        }
    }

    @Test
    @WithAnonymousUser
    void an_anonymous_visitor_is_sent_to_login() {
        open(WorkbookView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        open(RetentiemeterView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        open(routeClass("groepen"));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithMockUser(username = "deelnemer@voorbeeld.example", roles = "DEELNEMER")
    void a_participant_cannot_open_the_trainer_view() {
        Class<? extends Component> cohorts = routeClass("groepen");
        open(cohorts);
        assertThat(getCurrentView()).isNotInstanceOf(cohorts);
    }

    @Test
    @WithMockUser(username = "trainer@voorbeeld.example", roles = "TRAINER")
    void a_trainer_opens_the_cohorts_view_and_a_worksheet_of_their_demo_workbook() {
        Class<? extends Component> cohorts = routeClass("groepen");
        open(cohorts);
        assertThat(getCurrentView()).isInstanceOf(cohorts);
        open(RetentiemeterView.class);
        assertThat(getCurrentView()).isInstanceOf(RetentiemeterView.class);
    }
}
