package nl.retentiewerkboek.cohorts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.cohorts.CohortService;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.Throttle;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The room screen: how to join, then anonymous group numbers that show only from five participants. */
@IntegrationTest
class RoomViewTest extends SpringBrowserlessTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    TestAccounts accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    AccountService accountService;

    @Autowired
    Throttle throttle;

    /** Browserless views share one made-up session and address: each test starts with no failed codes counted. */
    @BeforeEach
    void freshLimits() {
        throttle.forgetAll();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void fillInW1(Account participant, int end) {
        TestAccounts.signIn(participant);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", Integer.toString(end)),
                NL,
                SavedAnswers.NEVER_SAVED);
    }

    private String stage() {
        return $(Div.class).id("room-stage").getElement().getTextRecursively();
    }

    private void next() {
        test($(Button.class).id("room-next")).click();
    }

    @Test
    void the_room_shows_how_to_join_and_a_topic_only_from_five_participants_without_any_name() {
        Account trainer = accounts.create(Role.TRAINER);
        List<Account> participants = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            participants.add(accounts.create(Role.DEELNEMER));
        }
        long cohortId = accounts.cohortOf(trainer, participants.subList(0, 4).toArray(Account[]::new));
        // W1 of four participants: start 200, 30 new, end 190 / 180 / 170 / 200
        int[] ends = {190, 180, 170, 200};
        for (int i = 0; i < 4; i++) {
            fillInW1(participants.get(i), ends[i]);
        }

        TestAccounts.signIn(trainer);
        String code = cohorts.cohort(cohortId, NL).joinCode();
        navigate(RoomView.class, Map.of("cohortId", Long.toString(cohortId)));
        assertThat($(Span.class).id("room-code").getText()).isEqualTo(code);
        assertThat($(Svg.class).id("room-qr").getElement().getProperty("innerHTML", ""))
                .as("a QR code drawn on the server")
                .contains("<path");
        assertThat($(Paragraph.class).id("room-count").getText()).isEqualTo("4 deelnemers doen mee");

        next();
        assertThat($(Span.class).id("room-position").getText()).isEqualTo("Scherm 2 van 8");
        assertThat($(Paragraph.class).id("room-needed").getText()).isEqualTo("Nog 1 nodig");
        assertThat($(Paragraph.class).id("room-basis").getText()).isEqualTo("4 deelnemers hebben dit ingevuld.");
        assertThat($(Span.class).withId("room-value").exists()).isFalse();

        // the fifth participant joins and fills in W1 (end 160): retention 80, 75, 70, 85 and 65 %, median 75 %
        TestAccounts.signIn(participants.get(4));
        cohorts.join(code);
        fillInW1(participants.get(4), 160);
        TestAccounts.signIn(trainer);
        navigate(RoomView.class, Map.of("cohortId", Long.toString(cohortId)));
        assertThat($(Paragraph.class).id("room-count").getText()).isEqualTo("5 deelnemers doen mee");
        next();
        assertThat($(Span.class).id("room-value").getText()).isEqualTo("75,0\u00a0%");
        assertThat($(Paragraph.class).id("room-basis").getText()).isEqualTo("Op basis van 5 deelnemers");
        assertThat($(Paragraph.class).withId("room-needed").exists()).isFalse();

        // every screen, forwards: no participant's name or company, and each says what it is based on
        List<String> forbidden = new ArrayList<>();
        for (Account p : participants) {
            var me = accountService.summaries(List.of(p.id())).getFirst();
            forbidden.add(me.displayName());
            forbidden.add(me.company());
            forbidden.add(p.username());
        }
        navigate(RoomView.class, Map.of("cohortId", Long.toString(cohortId)));
        for (int screen = 1; screen <= 8; screen++) {
            String text = stage();
            assertThat(text).as("screen %d", screen).doesNotContain(forbidden);
            if (screen > 1) {
                assertThat($(Paragraph.class).id("room-basis").getText())
                        .as("screen %d says what it is based on", screen)
                        .isNotBlank();
            }
            if (screen < 8) {
                next();
            }
        }
        assertThat($(Button.class).id("room-next").isEnabled()).isFalse();
        assertThat(stage()).contains("Welke afscheidsstappen ontbreken het vaakst?", "Nog 5 nodig");
    }

    @Test
    void another_trainer_or_a_participant_cannot_open_the_room() {
        Account trainer = accounts.create(Role.TRAINER);
        Account other = accounts.create(Role.TRAINER);
        Account participant = accounts.create(Role.DEELNEMER);
        long cohortId = accounts.cohortOf(trainer, participant);
        for (Account someone : List.of(other, participant)) {
            TestAccounts.signIn(someone);
            try {
                navigate(RoomView.class, Map.of("cohortId", Long.toString(cohortId)));
            } catch (IllegalArgumentException redirected) {
                // navigation ended elsewhere
            }
            var shown = getCurrentView();
            assertThat(shown).as(someone.role() + " opening the room").isNotInstanceOf(RoomView.class);
        }
    }
}
