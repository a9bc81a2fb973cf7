package nl.retentiewerkboek.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.siegmar.fastcsv.reader.CsvReader;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.retentiewerkboek.IntegrationTest;
import nl.retentiewerkboek.TestAccounts;
import nl.retentiewerkboek.TestAccounts.Account;
import nl.retentiewerkboek.actionplan.ActionPlanService;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.workbook.GroupComparison;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@IntegrationTest
class CohortServiceTest {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    @Autowired
    CohortService cohorts;

    @Autowired
    WorkbookService workbook;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ActionPlanService plans;

    @Autowired
    DashboardBroadcaster broadcaster;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private long cohortOf(Account trainer) {
        TestAccounts.signIn(trainer);
        return cohorts.createMyCohort("Masterclass " + trainer.username(), LocalDate.now(), "Utrecht");
    }

    /** The signed-in participant fills in W1: 200 at the start, 30 new, 190 at the end. */
    private void fillInW1() {
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "200", "new", "30", "end", "190"),
                NL,
                SavedAnswers.NEVER_SAVED);
    }

    private String codeOf(Account trainer, long cohortId) {
        TestAccounts.signIn(trainer);
        return cohorts.cohort(cohortId, NL).joinCode();
    }

    @Test
    void a_new_participant_signs_up_with_the_code_and_lands_in_the_cohort() {
        Account trainer = accounts.create(Role.TRAINER);
        long cohort = cohortOf(trainer);
        String code = codeOf(trainer, cohort);
        TestAccounts.signOut();

        assertThat(cohorts.joinInfo(code.toLowerCase()))
                .hasValueSatisfying(i -> assertThat(i.open()).isTrue());
        String email = "nieuw-" + System.nanoTime() + "@voorbeeld.nl";
        UserSummary dana = cohorts.signUpAndJoin(code, email, "een-goed-wachtwoord", "Dana Nieuw", "Dana BV");

        assertThat(dana.role()).isEqualTo(Role.DEELNEMER);
        assertThat(dana.username()).isEqualTo(email);
        TestAccounts.signIn(trainer);
        assertThat(cohorts.cohort(cohort, NL).participants())
                .extracting(CohortOverview.ParticipantRow::name)
                .containsExactly("Dana Nieuw");
    }

    @Test
    void unknown_and_closed_codes_are_refused_and_no_account_is_made() {
        Account trainer = accounts.create(Role.TRAINER);
        long cohort = cohortOf(trainer);
        String code = codeOf(trainer, cohort);
        cohorts.setJoiningOpen(cohort, false);
        TestAccounts.signOut();

        assertThatThrownBy(() -> cohorts.signUpAndJoin("NIETBEST", "a@b.nl", "een-goed-wachtwoord", "A", null))
                .isInstanceOfSatisfying(
                        CohortService.JoinRejected.class,
                        e -> assertThat(e.problem()).isEqualTo(CohortService.JoinProblem.UNKNOWN_CODE));
        assertThatThrownBy(() -> cohorts.signUpAndJoin(code, "c@d.nl", "een-goed-wachtwoord", "C", null))
                .isInstanceOfSatisfying(
                        CohortService.JoinRejected.class,
                        e -> assertThat(e.problem()).isEqualTo(CohortService.JoinProblem.CLOSED));
        assertThat(cohorts.joinInfo(code))
                .hasValueSatisfying(i -> assertThat(i.open()).isFalse());
    }

    @Test
    void bad_account_details_are_refused_with_a_reason() {
        Account trainer = accounts.create(Role.TRAINER);
        String code = codeOf(trainer, cohortOf(trainer));
        TestAccounts.signOut();
        assertThatThrownBy(() -> cohorts.signUpAndJoin(code, "geen-email", "een-goed-wachtwoord", "A", null))
                .isInstanceOfSatisfying(
                        AccountService.AccountRejected.class,
                        e -> assertThat(e.problem()).isEqualTo(AccountService.AccountProblem.EMAIL_INVALID));
        assertThatThrownBy(() -> cohorts.signUpAndJoin(code, "kort@wachtwoord.nl", "kort", "A", null))
                .isInstanceOfSatisfying(
                        AccountService.AccountRejected.class,
                        e -> assertThat(e.problem()).isEqualTo(AccountService.AccountProblem.PASSWORD_TOO_SHORT));
    }

    @Test
    void an_existing_participant_joins_a_second_cohort_and_a_new_code_replaces_the_old() {
        Account trainer = accounts.create(Role.TRAINER);
        Account dana = accounts.create(Role.DEELNEMER);
        long first = cohortOf(trainer);
        long second = cohortOf(trainer);
        String code1 = codeOf(trainer, first);
        String code2 = codeOf(trainer, second);
        TestAccounts.signIn(dana);
        cohorts.join(code1);
        cohorts.join(code2);
        cohorts.join(code2);

        TestAccounts.signIn(trainer);
        assertThat(cohorts.cohort(first, NL).participants()).hasSize(1);
        assertThat(cohorts.cohort(second, NL).participants()).hasSize(1);
        String fresh = cohorts.regenerateCode(second);
        assertThat(fresh).isNotEqualTo(code2).hasSize(8);
        assertThat(cohorts.joinInfo(code2)).isEmpty();
    }

    /**
     * Last activity and "plan downloaded" are kept per cohort from the workbook's and the plan's events (noted on the
     * broadcaster's thread, so the test waits a moment): what the participant did since joining that cohort.
     */
    @Test
    void the_dashboard_shows_when_a_participant_last_worked_and_whether_they_took_their_plan_home() {
        Account trainer = accounts.create(Role.TRAINER);
        Account dana = accounts.create(Role.DEELNEMER);
        long first = cohortOf(trainer);
        long second = cohortOf(trainer);
        for (long cohort : new long[] {first, second}) {
            String code = codeOf(trainer, cohort);
            TestAccounts.signIn(dana);
            cohorts.join(code);
        }
        TestAccounts.signIn(trainer);
        assertThat(cohorts.cohort(first, NL).participants()).singleElement().satisfies(row -> {
            assertThat(row.lastActivity()).isEmpty();
            assertThat(row.planDownloaded()).isFalse();
        });

        TestAccounts.signIn(dana);
        Instant before = Instant.now();
        fillInW1();
        workbook.markLessonRead("loyaliteit-is-geen-retentie");
        Instant after = Instant.now();
        TestAccounts.signIn(trainer);
        plans.planPdfOf(dana.id(), NL);
        for (long cohort : new long[] {first, second}) {
            await().pollInSameThread()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(cohorts.cohort(cohort, NL).participants())
                            .singleElement()
                            .satisfies(row -> {
                                assertThat(row.lastActivity())
                                        .hasValueSatisfying(at -> assertThat(at).isBetween(before, after));
                                assertThat(row.planDownloaded())
                                        .as("the trainer's download is not the participant's")
                                        .isFalse();
                            }));
        }

        TestAccounts.signIn(dana);
        plans.myPlanPdf(NL);
        TestAccounts.signIn(trainer);
        for (long cohort : new long[] {first, second}) {
            await().pollInSameThread()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(cohorts.cohort(cohort, NL).participants())
                            .singleElement()
                            .satisfies(row -> assertThat(row.planDownloaded()).isTrue()));
        }

        // a follow-up cohort joined later shows what the participant does from then on
        long followUp = cohortOf(trainer);
        String code = codeOf(trainer, followUp);
        TestAccounts.signIn(dana);
        cohorts.join(code);
        TestAccounts.signIn(trainer);
        assertThat(cohorts.cohort(followUp, NL).participants()).singleElement().satisfies(row -> {
            assertThat(row.lastActivity()).isEmpty();
            assertThat(row.planDownloaded()).isFalse();
        });
        assertThat(cohorts.cohort(first, NL).participants())
                .singleElement()
                .satisfies(row -> assertThat(row.planDownloaded()).isTrue());
    }

    /** A dashboard hears of a join, a save and a plan download, each after the fact it shows is noted. */
    @Test
    void dashboards_hear_of_joins_saves_and_plan_downloads_after_the_facts_are_noted() {
        Account trainer = accounts.create(Role.TRAINER);
        Account dana = accounts.create(Role.DEELNEMER);
        long cohort = cohortOf(trainer);
        String code = codeOf(trainer, cohort);
        SecurityContext asTrainer =
                new SecurityContextImpl(SecurityContextHolder.getContext().getAuthentication());
        List<String> heard = new CopyOnWriteArrayList<>();
        Runnable stop = broadcaster.register((participants, cohorts) -> {
            if (cohorts.contains(cohort)) {
                heard.add("cohort");
            }
            if (!participants.contains(dana.id())) {
                return;
            }
            SecurityContextHolder.setContext(asTrainer);
            try {
                CohortOverview.ParticipantRow row =
                        this.cohorts.cohort(cohort, NL).participants().getFirst();
                heard.add("participant active=" + row.lastActivity().isPresent() + " plan=" + row.planDownloaded());
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        try {
            // each step is told by itself here; changes that come within a second of each other are told together
            TestAccounts.signIn(dana);
            cohorts.join(code);
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("cohort"));
            TestAccounts.signIn(dana);
            fillInW1();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 2);
            TestAccounts.signIn(dana);
            plans.myPlanPdf(NL);
            await().pollInSameThread()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(heard)
                            .containsExactly(
                                    "cohort",
                                    "participant active=true plan=false",
                                    "participant active=true plan=true"));
        } finally {
            stop.run();
        }
    }

    /** Every call that takes an id, by every role, with another trainer's cohort, another cohort's participant and a made-up id. */
    @Test
    void a_trainer_reaches_only_their_own_cohorts_and_participants() {
        Account trainer = accounts.create(Role.TRAINER);
        Account otherTrainer = accounts.create(Role.TRAINER);
        Account participant = accounts.create(Role.DEELNEMER);
        long mine = cohortOf(trainer);
        long theirs = cohortOf(otherTrainer);
        String theirCode = codeOf(otherTrainer, theirs);
        TestAccounts.signIn(participant);
        cohorts.join(theirCode);
        fillInW1();

        Map<String, Consumer<Long>> calls = Map.of(
                "cohort", id -> cohorts.cohort(id, NL),
                "edit", id -> cohorts.editCohort(id, "x", null, null),
                "joining", id -> cohorts.setJoiningOpen(id, false),
                "archive", id -> cohorts.setArchived(id, true),
                "regenerate", id -> cohorts.regenerateCode(id),
                "participants", id -> cohorts.participantsOf(id),
                "csv", id -> cohorts.export(id, NL, (k, a) -> k).csv(NL),
                "numbers", id -> cohorts.groupNumbers(id));
        TestAccounts.signIn(trainer);
        calls.forEach((name, call) -> {
            assertThatThrownBy(() -> call.accept(theirs))
                    .as(name + " on another trainer's cohort")
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> call.accept(987_654_321L))
                    .as(name + " on a made-up id")
                    .isInstanceOf(AccessDeniedException.class);
        });
        assertThatThrownBy(() -> workbook.workbookOf(participant.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cohorts.cohortNameOf(participant.id())).isInstanceOf(AccessDeniedException.class);
        cohorts.cohort(mine, NL);

        TestAccounts.signIn(participant);
        calls.forEach((name, call) -> assertThatThrownBy(() -> call.accept(theirs))
                .as(name + " by a participant")
                .isInstanceOf(AccessDeniedException.class));
        assertThatThrownBy(() -> cohorts.myCohorts(NL)).isInstanceOf(AccessDeniedException.class);

        TestAccounts.signOut();
        calls.forEach((name, call) -> assertThatThrownBy(() -> call.accept(mine))
                .as(name + " anonymously")
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class));

        TestAccounts.signIn(otherTrainer);
        assertThat(cohorts.cohort(theirs, NL).participants()).hasSize(1);
        assertThat(cohorts.myCohorts(NL)).extracting(CohortOverview::id).containsExactly(theirs);
    }

    @Autowired
    EntityManagerFactory entityManagers;

    /** Statements run by {@code work}, as Hibernate counts them. */
    private long statements(Runnable work) {
        Statistics stats = entityManagers.unwrap(SessionFactory.class).getStatistics();
        stats.setStatisticsEnabled(true);
        stats.clear();
        work.run();
        return stats.getPrepareStatementCount();
    }

    /** Runs the work and waits until the screens are told that the participant changed. */
    private void toldOf(Account participant, Runnable work) {
        Set<Long> heard = ConcurrentHashMap.newKeySet();
        Runnable stop = broadcaster.register((participants, changedCohorts) -> heard.addAll(participants));
        try {
            work.run();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(participant.id()));
        } finally {
            stop.run();
        }
    }

    /** The queries of a dashboard's first read, its refresh and its refresh after one save, for a cohort of n. */
    private List<Long> dashboardQueries(int n) {
        Account trainer = accounts.create(Role.TRAINER);
        Account[] members = new Account[n];
        for (int i = 0; i < n; i++) {
            members[i] = accounts.create(Role.DEELNEMER);
        }
        long cohort = accounts.cohortOf(trainer, members);
        // the counts are of the whole application: each save's activity is noted on the broadcaster's thread, so
        // wait until the screens are told (after the noting) before counting
        toldOf(members[n - 1], () -> {
            for (Account p : members) {
                TestAccounts.signIn(p);
                fillInW1();
            }
        });
        TestAccounts.signIn(trainer);
        long first = statements(() -> cohorts.cohort(cohort, NL));
        long again = statements(() -> cohorts.cohort(cohort, NL));
        toldOf(members[0], () -> {
            TestAccounts.signIn(members[0]);
            workbook.saveMyAnswers(
                    Worksheet.RETENTIEMETER,
                    Map.of("start", "200", "new", "30", "end", "150"),
                    NL,
                    workbook.myAnswers(Worksheet.RETENTIEMETER, NL).version());
        });
        TestAccounts.signIn(trainer);
        long afterSave = statements(() -> cohorts.cohort(cohort, NL));
        assertThat(cohorts.cohort(cohort, NL).participants())
                .filteredOn(row -> row.id() == members[0].id())
                .singleElement()
                .satisfies(row -> assertThat(row.retention().orElseThrow().retention())
                        .as("the save is seen")
                        .isEqualByComparingTo("60")); // (150 - 30) / 200
        return List.of(first, again, afterSave);
    }

    @Test
    void a_dashboard_reads_as_many_queries_for_a_cohort_of_twelve_as_for_one_of_three() {
        List<Long> small = dashboardQueries(3);
        List<Long> large = dashboardQueries(12);
        assertThat(large).as("first read, refresh, refresh after a save").isEqualTo(small);
        assertThat(small.get(1)).as("a refresh with nothing changed").isLessThan(small.getFirst());
    }

    @Test
    void group_numbers_appear_only_from_five_participants() {
        Account trainer = accounts.create(Role.TRAINER);
        long cohort = cohortOf(trainer);
        String code = codeOf(trainer, cohort);
        int[] ends = {190, 180, 170, 200, 160};
        for (int i = 0; i < ends.length; i++) {
            Account p = accounts.create(Role.DEELNEMER);
            TestAccounts.signIn(p);
            cohorts.join(code);
            workbook.saveMyAnswers(
                    Worksheet.RETENTIEMETER,
                    Map.of("start", "200", "new", "30", "end", Integer.toString(ends[i])),
                    NL,
                    SavedAnswers.NEVER_SAVED);
            TestAccounts.signIn(trainer);
            GroupNumbers numbers = cohorts.groupNumbers(cohort);
            if (i < 4) {
                assertThat(numbers.retention().value())
                        .as("after %d participants", i + 1)
                        .isEmpty();
                assertThat(numbers.retention().needed()).isEqualTo(4 - i);
            } else {
                // retention 80, 75, 70, 85, 65 -> median 75, from 65 to 85
                assertThat(numbers.retention().value()).hasValueSatisfying(s -> {
                    assertThat(s.median()).isEqualByComparingTo("75");
                    assertThat(s.lowest()).isEqualByComparingTo("65");
                    assertThat(s.highest()).isEqualByComparingTo("85");
                });
                assertThat(numbers.nps().value()).isEmpty();
                assertThat(numbers.retention().needed()).isZero();
            }
        }
    }

    @Test
    void progress_exports_as_csv_for_dutch_excel() {
        Account trainer = accounts.create(Role.TRAINER);
        long cohort = cohortOf(trainer);
        String code = codeOf(trainer, cohort);
        Account p = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(p);
        cohorts.join(code);
        fillInW1();
        TestAccounts.signIn(trainer);
        byte[] csv = cohorts.export(cohort, NL, (key, args) -> key.equals("cohorts.column.name") ? "Deelnemer" : key)
                .csv(NL);
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")[0]).startsWith("Deelnemer;");
        List<List<String>> rows = CsvReader.builder().fieldSeparator(';').ofCsvRecord(text).stream()
                .map(r -> r.getFields())
                .toList();
        List<String> header = rows.getFirst();
        List<String> row = rows.get(1);
        Function<String, String> cell = key -> row.get(header.indexOf(key));
        assertThat(row.subList(0, 4)).containsExactly("Test " + p.username(), "Testbedrijf", "0", "9");
        // numbers Dutch Excel reads as numbers: no % sign, no 0/9 that becomes a date
        assertThat(cell.apply("export.w1.start")).isEqualTo("200");
        assertThat(cell.apply("export.w1.new")).isEqualTo("30");
        assertThat(cell.apply("export.w1.end")).isEqualTo("190");
        assertThat(cell.apply("export.w1.retention")).isEqualTo("80"); // (190 - 30) / 200, written as the number it is
        assertThat(cell.apply("export.w1.churn")).isEqualTo("20");
        assertThat(cell.apply("export.w4.nps")).isEmpty(); // not filled in
        assertThat(cell.apply("export.measurements")).isEqualTo("1");
        assertThat(cell.apply("export.first-retention")).isEmpty();
        assertThat(row).noneMatch(c -> c.contains("%") || c.matches("\\d+/\\d+"));
    }

    @Test
    void guessing_join_codes_is_limited_per_browser_session_and_address() {
        Account trainer = accounts.create(Role.TRAINER);
        String code = codeOf(trainer, cohortOf(trainer));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100." + (System.nanoTime() % 200));
        request.getSession(true);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(cohorts.joinInfo("GEEN" + i + "CODE")).isEmpty();
            }
            assertThatThrownBy(() -> cohorts.joinInfo(code))
                    .as("even the right code, while the limit holds")
                    .isInstanceOfSatisfying(
                            CohortService.JoinRejected.class,
                            e -> assertThat(e.problem()).isEqualTo(CohortService.JoinProblem.TOO_MANY_TRIES));
            // another browser on another connection is not affected
            MockHttpServletRequest other = new MockHttpServletRequest();
            other.setRemoteAddr("203.0.113." + (System.nanoTime() % 200));
            other.getSession(true);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(other));
            assertThat(cohorts.joinInfo(code)).isPresent();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void signing_up_again_with_the_same_address_and_password_joins_with_the_existing_account() {
        Account trainer = accounts.create(Role.TRAINER);
        long first = cohortOf(trainer);
        long second = cohortOf(trainer);
        String email = "terug-" + System.nanoTime() + "@example.org";
        UserSummary dana = cohorts.signUpAndJoin(codeOf(trainer, first), email, "een-goed-wachtwoord", "Dana", null);
        TestAccounts.signOut();
        UserSummary again = cohorts.signUpAndJoin(codeOf(trainer, second), email, "een-goed-wachtwoord", "Dana", null);
        assertThat(again.id()).isEqualTo(dana.id());
        assertThatThrownBy(() ->
                        cohorts.signUpAndJoin(codeOf(trainer, second), email, "een-ander-wachtwoord", "Dana", null))
                .isInstanceOfSatisfying(
                        AccountService.AccountRejected.class,
                        e -> assertThat(e.problem()).isEqualTo(AccountService.AccountProblem.USERNAME_TAKEN));
        assertThatThrownBy(() -> cohorts.signUpAndJoin(
                        codeOf(trainer, second),
                        "nieuw-" + System.nanoTime() + "@example.org",
                        "123456789012",
                        "Nieuw",
                        null))
                .isInstanceOfSatisfying(
                        AccountService.AccountRejected.class,
                        e -> assertThat(e.problem()).isEqualTo(AccountService.AccountProblem.PASSWORD_COMMON));
    }

    @Test
    void names_that_a_spreadsheet_would_run_as_formulas_arrive_as_plain_text() {
        Account trainer = accounts.create(Role.TRAINER);
        long cohort = cohortOf(trainer);
        String code = codeOf(trainer, cohort);
        String[][] hostile = {
            {"=HYPERLINK(\"http://evil.example\",\"klik\")", "+cmd|' /C calc'!A0"},
            {"@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"},
            {"\t=1+1", "\r=1+1"},
        };
        for (int i = 0; i < hostile.length; i++) {
            TestAccounts.signOut();
            cohorts.signUpAndJoin(
                    code,
                    "csv" + i + "-" + System.nanoTime() + "@example.org",
                    "een-goed-wachtwoord-" + i,
                    hostile[i][0],
                    hostile[i][1]);
        }
        TestAccounts.signIn(trainer);
        String text =
                new String(cohorts.export(cohort, NL, (key, args) -> key).csv(NL), StandardCharsets.UTF_8).substring(1);
        List<List<String>> rows = CsvReader.builder().fieldSeparator(';').ofCsvRecord(text).stream()
                .map(r -> r.getFields())
                .toList();
        assertThat(rows).hasSize(1 + hostile.length);
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell)
                        .as("no cell starts a formula")
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@")
                        .doesNotStartWith("\t")
                        .doesNotStartWith("\r");
            }
        }
        Set<String> names = rows.stream().skip(1).map(r -> r.get(0)).collect(Collectors.toSet());
        Set<String> companies = rows.stream().skip(1).map(r -> r.get(1)).collect(Collectors.toSet());
        assertThat(names).contains("'=HYPERLINK(\"http://evil.example\",\"klik\")", "'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(companies).contains("'+cmd|' /C calc'!A0", "'-2+3");
        assertThat(names)
                .allMatch(n -> n.startsWith("'"), "every hostile name, also after a stripped tab, is neutralised");
    }

    @Test
    void a_trainer_opens_only_some_modules_and_the_participant_works_only_in_those() {
        Account trainer = accounts.create(Role.TRAINER);
        Account dana = accounts.create(Role.DEELNEMER);
        long cohort = accounts.cohortOf(trainer, dana);
        TestAccounts.signIn(trainer);
        cohorts.setOpenModules(cohort, Set.of("loyaliteit-is-geen-retentie", "wat-kost-klantverlies"));
        assertThat(cohorts.cohort(cohort, NL).openModules())
                .hasValue(Set.of("loyaliteit-is-geen-retentie", "wat-kost-klantverlies"));
        assertThatThrownBy(() -> cohorts.setOpenModules(cohort, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cohorts.setOpenModules(cohort, Set.of("bestaat-niet")))
                .isInstanceOf(IllegalArgumentException.class);

        TestAccounts.signIn(dana);
        assertThat(workbook.myProgress(NL).modules())
                .extracting(m -> m.lesson().id())
                .containsExactly("loyaliteit-is-geen-retentie", "wat-kost-klantverlies");
        assertThat(workbook.isMyModuleOpen("de-draaideur")).isFalse();
        assertThat(workbook.isMyModuleOpen("zo-werkt-het-werkboek"))
                .as("the opening page")
                .isTrue();
        fillInW1();
        assertThatThrownBy(() -> workbook.saveMyAnswers(
                        Worksheet.DRAAIDEUR, Map.of("start", "200"), NL, SavedAnswers.NEVER_SAVED))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workbook.markLessonRead("de-draaideur")).isInstanceOf(AccessDeniedException.class);

        TestAccounts.signIn(trainer);
        assertThat(cohorts.cohort(cohort, NL)
                        .participants()
                        .getFirst()
                        .progress()
                        .modules())
                .hasSize(2);
        cohorts.setOpenModules(cohort, cohortModules());
        assertThat(cohorts.cohort(cohort, NL).openModules())
                .as("all ticked = all open")
                .isEmpty();
        TestAccounts.signIn(dana);
        assertThat(workbook.myProgress(NL).modules()).hasSize(9);
        assertThat(workbook.isMyModuleOpen("de-draaideur")).isTrue();

        Account other = accounts.create(Role.TRAINER);
        TestAccounts.signIn(other);
        assertThatThrownBy(() -> cohorts.setOpenModules(cohort, Set.of("de-draaideur")))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(dana);
        assertThatThrownBy(() -> cohorts.setOpenModules(cohort, Set.of("de-draaideur")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static Set<String> cohortModules() {
        return Set.of(
                "loyaliteit-is-geen-retentie",
                "wat-kost-klantverlies",
                "de-draaideur",
                "de-vergeten-twijfelaars",
                "vier-klantgroepen",
                "waarom-klanten-vertrekken",
                "klantbehoud-is-teamsport",
                "een-waardig-afscheid",
                "retentie-op-de-begroting");
    }

    /**
     * One participant's W1 and W4 in a group: 100 customers at the start, none new, {@code end} at the end (so the
     * retention is {@code end} %), and 10 answers: {@code promoters} tens, {@code doubters} fives, the rest eights
     * (so the NPS is (promoters − doubters) × 10 and the doubter share doubters × 10 %).
     */
    private Account member(int end, int promoters, int doubters) {
        Account p = accounts.create(Role.DEELNEMER);
        TestAccounts.signIn(p);
        workbook.saveMyAnswers(
                Worksheet.RETENTIEMETER,
                Map.of("start", "100", "new", "0", "end", Integer.toString(end)),
                NL,
                SavedAnswers.NEVER_SAVED);
        workbook.saveMyAnswers(
                Worksheet.NPS,
                Map.of(
                        "count.10",
                        Integer.toString(promoters),
                        "count.5",
                        Integer.toString(doubters),
                        "count.8",
                        Integer.toString(10 - promoters - doubters)),
                NL,
                SavedAnswers.NEVER_SAVED);
        return p;
    }

    @Test
    void a_participant_sees_the_group_median_beside_their_own_numbers_only_from_five_participants() {
        Account trainer = accounts.create(Role.TRAINER);
        Account a = member(90, 6, 1); // 90 %, NPS (6 − 1) × 10 = 50, doubters 10 %
        Account b = member(80, 5, 2); // 80 %, NPS 30, 20 %
        Account c = member(70, 4, 3); // 70 %, NPS 10, 30 %
        Account d = member(60, 3, 4); // 60 %, NPS −10, 40 %
        long cohortId = accounts.cohortOf(trainer, a, b, c, d);

        TestAccounts.signIn(a);
        GroupComparison four = cohorts.myGroupComparison().orElseThrow();
        assertThat(four.retention().mine())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("90"));
        assertThat(four.nps().mine()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("50"));
        assertThat(four.doubterShare().mine())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10"));
        for (GroupComparison.Figure f : List.of(four.retention(), four.nps(), four.doubterShare())) {
            assertThat(f.groupMedian()).isEmpty(); // four participants: no group number yet
            assertThat(f.needed()).isEqualTo(1);
        }

        Account e = member(95, 7, 0); // 95 %, NPS 70, 0 %
        accounts.asSystem(() -> cohorts.enroll(cohortId, e.id()));
        TestAccounts.signIn(a);
        GroupComparison five = cohorts.myGroupComparison().orElseThrow();
        // sorted 60 70 80 90 95 → 80; NPS −10 10 30 50 70 → 30; doubters 0 10 20 30 40 → 20
        assertThat(five.retention().groupMedian())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("80"));
        assertThat(five.nps().groupMedian())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("30"));
        assertThat(five.doubterShare().groupMedian())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("20"));
        assertThat(five.retention().mine())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("90"));
        assertThat(five.retention().needed()).isZero();

        TestAccounts.signIn(trainer);
        assertThatThrownBy(() -> cohorts.myGroupComparison()).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(accounts.create(Role.DEELNEMER));
        assertThat(cohorts.myGroupComparison()).isEmpty(); // in no group
    }
}
