package nl.retentiewerkboek.workbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Map;
import java.util.Set;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OpenModulesViewTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    CohortService cohorts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_participant_sees_only_the_modules_their_trainer_opened() {
        Account trainer = accounts.create(Role.TRAINER);
        Account participant = accounts.create(Role.DEELNEMER);
        long cohortId = accounts.cohortOf(trainer, participant);
        TestAccounts.signIn(trainer);
        cohorts.setOpenModules(cohortId, Set.of("loyaliteit-is-geen-retentie", "wat-kost-klantverlies"));

        TestAccounts.signIn(participant);
        navigate(WorkbookView.class);
        assertThat($(Div.class).withId("module-loyaliteit-is-geen-retentie").exists())
                .isTrue();
        // a closed module stays in view as coming up: no link to its lesson or worksheet
        Div closedCard = $(Div.class).id("module-de-draaideur");
        assertThat(closedCard.getClassNames()).contains("coming-up");
        assertThat($(Span.class).id("module-status-de-draaideur").getText()).isEqualTo("Komt nog");
        assertThat(closedCard.getElement().getTextRecursively())
                .contains("De draaideur", "Je trainer opent dit onderdeel later in de masterclass.");
        assertThat(closedCard.getElement().getChildren())
                .noneMatch(e -> e.getTag().equals("a") || e.getClassList().contains("module-links"));
        assertThat($(Div.class).id("module-wat-kost-klantverlies").getClassNames())
                .doesNotContain("coming-up");

        navigate(LessonView.class, Map.of("lessonId", "de-draaideur"));
        assertThat($(Paragraph.class).id("module-closed").getText())
                .isEqualTo(
                        "Je trainer heeft dit onderdeel nog niet geopend. Je kunt verder met de onderdelen in je werkboek.");
        navigate(DraaideurView.class);
        assertThat($(Paragraph.class).id("module-closed").getText()).startsWith("Je trainer heeft dit onderdeel");

        navigate(LessonView.class, Map.of("lessonId", "wat-kost-klantverlies"));
        assertThat($(Paragraph.class).withId("module-closed").exists()).isFalse();
        navigate(KostenView.class);
        assertThat($(Paragraph.class).withId("module-closed").exists()).isFalse();
    }
}
