package nl.retentiewerkboek.cohorts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.retentiewerkboek.actionplan.PlanCohorts;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.base.UserText;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.mail.Mail;
import nl.retentiewerkboek.mail.MailOutbox;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.metrics.NpsResult;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.ClientAddress;
import nl.retentiewerkboek.security.CoachingAccess;
import nl.retentiewerkboek.security.CurrentUser;
import nl.retentiewerkboek.security.PublicAddress;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.Throttle;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.spreadsheets.Sheet;
import nl.retentiewerkboek.workbook.GroupComparison;
import nl.retentiewerkboek.workbook.WorkbookProgress;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts and who is in them. A trainer sets up and manages their own cohorts and sees only those;
 * a beheerder sees all. Participants join with a cohort's code.
 */
@Service
@Transactional
public class CohortService implements PlanCohorts, GroupComparison.Source {

    private final CohortRepository cohorts;
    private final EnrollmentRepository enrollments;
    private final AccountService accounts;
    private final WorkbookService workbook;
    private final CurrentUser currentUser;
    private final CoachingAccess coachingAccess;
    private final ApplicationEventPublisher events;
    private final LessonCatalogue catalogue;
    private final Clock clock;
    private final Throttle throttle;
    private final CohortReadModel readModel;
    private final InvitationRepository invitations;
    private final MailOutbox outbox;
    private final PublicAddress address;
    private final AppI18NProvider i18n;

    CohortService(
            CohortRepository cohorts,
            EnrollmentRepository enrollments,
            AccountService accounts,
            WorkbookService workbook,
            CurrentUser currentUser,
            CoachingAccess coachingAccess,
            ApplicationEventPublisher events,
            LessonCatalogue catalogue,
            Clock clock,
            Throttle throttle,
            CohortReadModel readModel,
            InvitationRepository invitations,
            MailOutbox outbox,
            PublicAddress address,
            AppI18NProvider i18n) {
        this.invitations = invitations;
        this.outbox = outbox;
        this.address = address;
        this.i18n = i18n;
        this.readModel = readModel;
        this.throttle = throttle;
        this.events = events;
        this.catalogue = catalogue;
        this.cohorts = cohorts;
        this.enrollments = enrollments;
        this.accounts = accounts;
        this.workbook = workbook;
        this.currentUser = currentUser;
        this.coachingAccess = coachingAccess;
        this.clock = clock;
    }

    /** Why joining a cohort did not work. */
    public enum JoinProblem {
        UNKNOWN_CODE,
        CLOSED,
        TOO_MANY_TRIES;

        public String messageKey() {
            return "join." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Thrown when a join code cannot be used. */
    public static final class JoinRejected extends RuntimeException {
        private final JoinProblem problem;

        JoinRejected(JoinProblem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public JoinProblem problem() {
            return problem;
        }
    }

    /** What a visitor of a join link may see: the cohort's name and whether it takes new participants. */
    public record JoinInfo(String cohortName, Optional<LocalDate> startsOn, boolean open) {}

    // ------------------------------------------------------------------ setting up cohorts

    /** Sets up a cohort for a trainer (beheerder, or the system at start-up). */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public long createCohort(long trainerId, String name, LocalDate startsOn, String location) {
        if (accounts.roleOf(trainerId).filter(r -> r == Role.TRAINER).isEmpty()) {
            throw new IllegalArgumentException("not a trainer: " + trainerId);
        }
        return create(trainerId, name, startsOn, location);
    }

    /** The signed-in trainer sets up a cohort of their own. */
    @PreAuthorize("hasRole('" + AppRoles.TRAINER + "')")
    public long createMyCohort(String name, LocalDate startsOn, String location) {
        return create(currentUser.requireId(), name, startsOn, location);
    }

    private long create(long trainerId, String name, LocalDate startsOn, String location) {
        String cleanName = UserText.optional(name);
        if (cleanName == null) {
            throw new IllegalArgumentException("a cohort needs a name");
        }
        String code = freeJoinCode();
        return cohorts.save(new Cohort(
                        cleanName, trainerId, startsOn, UserText.optional(location), code, Instant.now(clock)))
                .getId();
    }

    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public void editCohort(long cohortId, String name, LocalDate startsOn, String location) {
        String cleanName = UserText.optional(name);
        if (cleanName == null) {
            throw new IllegalArgumentException("a cohort needs a name");
        }
        mine(cohortId).edit(cleanName, startsOn, UserText.optional(location));
    }

    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public void setJoiningOpen(long cohortId, boolean open) {
        mine(cohortId).setJoiningOpen(open);
    }

    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public void setArchived(long cohortId, boolean archived) {
        Cohort cohort = mine(cohortId);
        cohort.setArchived(archived);
        if (archived) {
            cohort.setJoiningOpen(false);
        }
    }

    /**
     * Opens only the given modules (lesson ids) to the cohort's participants; choosing every module means: all open,
     * also the ones added later. At least one module stays open.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public void setOpenModules(long cohortId, Set<String> lessonIds) {
        Cohort cohort = mine(cohortId);
        Set<String> known =
                catalogue.modules(Locale.of("nl")).stream().map(Lesson::id).collect(Collectors.toSet());
        if (lessonIds == null || lessonIds.isEmpty() || !known.containsAll(lessonIds)) {
            throw new IllegalArgumentException("choose at least one known module");
        }
        cohort.setOpenModules(lessonIds.containsAll(known) ? Optional.empty() : Optional.of(Set.copyOf(lessonIds)));
        events.publishEvent(new CohortChanged(cohortId));
    }

    /** A new join code; the old one stops working. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public String regenerateCode(long cohortId) {
        Cohort cohort = mine(cohortId);
        String code = freeJoinCode();
        cohort.setJoinCode(code);
        return code;
    }

    /** A cohort the signed-in trainer owns (a beheerder: any); otherwise access denied, also for ids that do not exist. */
    private Cohort mine(long cohortId) {
        long me = currentUser.requireId();
        Cohort cohort = cohorts.findById(cohortId).orElseThrow(() -> new AccessDeniedException("no such cohort"));
        if (cohort.getTrainerId() != me
                && accounts.roleOf(me).filter(r -> r == Role.BEHEERDER).isEmpty()) {
            throw new AccessDeniedException("not your cohort");
        }
        return cohort;
    }

    /** A new random join code that no cohort has. */
    private String freeJoinCode() {
        String code;
        do {
            code = JoinCodes.next();
        } while (cohorts.existsByJoinCode(code));
        return code;
    }

    // ------------------------------------------------------------------ joining

    /** What a join link shows; empty for a code that does not exist. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<JoinInfo> joinInfo(String code) {
        return lookUp(code)
                .map(c -> new JoinInfo(
                        c.getName(), Optional.ofNullable(c.getStartsOn()), c.isJoiningOpen() && !c.isArchived()));
    }

    /**
     * Finds the cohort of a typed code. Unknown codes are limited per browser session and per client
     * address ({@link Throttle}), so codes cannot be guessed by trying many.
     *
     * @throws JoinRejected with {@link JoinProblem#TOO_MANY_TRIES} while the limit is reached
     */
    private Optional<Cohort> lookUp(String code) {
        String session = ClientAddress.sessionId();
        String address = ClientAddress.current();
        if (throttle.take(Throttle.Kind.JOIN_ADDRESS, address, Throttle.Kind.JOIN_SESSION, session)
                .isPresent()) {
            throw new JoinRejected(JoinProblem.TOO_MANY_TRIES);
        }
        Optional<Cohort> cohort = cohorts.findByJoinCode(JoinCodes.normalise(code));
        if (cohort.isPresent()) {
            throttle.giveBack(Throttle.Kind.JOIN_ADDRESS, address, Throttle.Kind.JOIN_SESSION, session);
        }
        return cohort;
    }

    /** The signed-in participant joins a cohort with its code; returns the cohort's name. */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    public String join(String code) {
        Cohort cohort = openCohort(code);
        long me = currentUser.requireId();
        if (enrollOnce(cohort.getId(), me)) {
            accounts.me().ifPresent(p -> welcome(cohort, p));
        }
        return cohort.getName();
    }

    /**
     * A new participant signs up with a join code: the code is checked first, then the account is
     * made and put in the cohort.
     *
     * @throws JoinRejected for an unknown or closed code
     * @throws AccountService.AccountRejected for unusable account details
     */
    @PreAuthorize("permitAll()")
    public UserSummary signUpAndJoin(String code, String email, String password, String name, String company) {
        return signUpAndJoin(code, email, password, name, company, Locale.of("nl"));
    }

    /** {@link #signUpAndJoin(String, String, String, String, String)} in the language of the join page. */
    @PreAuthorize("permitAll()")
    public UserSummary signUpAndJoin(
            String code, String email, String password, String name, String company, Locale language) {
        Cohort cohort = openCohort(code);
        String address = ClientAddress.current();
        if (throttle.take(Throttle.Kind.SIGNUP_ADDRESS, address).isPresent()) {
            throw new JoinRejected(JoinProblem.TOO_MANY_TRIES);
        }
        UserSummary account;
        try {
            account = accounts.registerParticipant(email, password, name, company, language.getLanguage());
        } catch (AccountService.AccountRejected rejected) {
            if (rejected.problem() != AccountService.AccountProblem.USERNAME_TAKEN) {
                throttle.giveBack(Throttle.Kind.SIGNUP_ADDRESS, address);
            }
            throw rejected;
        }
        throttle.giveBack(Throttle.Kind.SIGNUP_ADDRESS, address);
        if (enrollOnce(cohort.getId(), account.id())) {
            welcome(cohort, account);
        }
        return account;
    }

    /** The mail after joining: which cohort, and the way to the workbook, in the participant's language. */
    private void welcome(Cohort cohort, UserSummary participant) {
        if (!AccountService.isEmail(participant.username())) {
            return;
        }
        Locale locale = Locale.of(participant.preferredLanguage());
        outbox.queue(Mail.plain(
                participant.username(),
                locale.getLanguage(),
                "welcome",
                i18n.getTranslation("mail.welcome.subject", locale, cohort.getName()),
                i18n.getTranslation(
                        "mail.welcome.text",
                        locale,
                        participant.displayName(),
                        cohort.getName(),
                        address.base() + "/")));
    }

    // ------------------------------------------------------------------ inviting

    /** The most addresses one paste may invite. */
    public static final int MAX_INVITES = 300;
    /** The longest paste read. */
    public static final int MAX_INVITE_TEXT = 30_000;

    private static final Pattern ANGLED = Pattern.compile(".*<([^<>]+)>\\s*");

    /** What inviting a pasted list came to, each address once, as written to the trainer. */
    public record Invited(
            List<String> sent,
            List<String> alreadyInvited,
            List<String> alreadyIn,
            List<String> duplicates,
            List<String> invalid,
            List<String> tooMany) {}

    /**
     * The trainer of a cohort (or the beheerder) pastes e-mail addresses, one a line or separated by commas or
     * semicolons ({@code Anna de Vries <anna@example.nl>} is read too); each new address gets the join link by mail, in
     * the trainer's language. Nobody is invited to the same cohort twice, participants already in it are skipped, and
     * what was not an address is listed. At most {@value #MAX_INVITES} addresses at a time.
     *
     * @throws JoinRejected when the cohort takes no new participants (joining closed, archived)
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public Invited invite(long cohortId, String pasted, Locale locale) {
        Cohort cohort = mine(cohortId);
        if (!cohort.isJoiningOpen() || cohort.isArchived()) {
            throw new JoinRejected(JoinProblem.CLOSED);
        }
        String text = pasted == null ? "" : pasted;
        if (text.length() > MAX_INVITE_TEXT) {
            text = text.substring(0, MAX_INVITE_TEXT);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String entry : text.split("[,;\\r\\n\\t]+")) {
            String candidate = entry.strip();
            if (candidate.isEmpty()) {
                continue;
            }
            var angled = ANGLED.matcher(candidate);
            String address =
                    (angled.matches() ? angled.group(1) : candidate).strip().toLowerCase(Locale.ROOT);
            if (!AccountService.isEmail(address) || address.length() > 100) {
                invalid.add(candidate.length() > 100 ? candidate.substring(0, 100) + "…" : candidate);
            } else if (!seen.add(address)) {
                duplicates.add(address);
            }
        }
        List<String> wanted = new ArrayList<>(seen);
        List<String> tooMany = wanted.size() > MAX_INVITES ? wanted.subList(MAX_INVITES, wanted.size()) : List.of();
        wanted = wanted.subList(0, Math.min(wanted.size(), MAX_INVITES));
        Set<String> invited = invitations.findByCohortIdAndEmailIn(cohortId, wanted).stream()
                .map(Invitation::getEmail)
                .collect(Collectors.toSet());
        Set<String> members = participantsOf(cohortId).stream()
                .map(p -> p.username().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> sent = new ArrayList<>();
        List<String> alreadyInvited = new ArrayList<>();
        List<String> alreadyIn = new ArrayList<>();
        long me = currentUser.requireId();
        String trainer = accounts.summaries(List.of(cohort.getTrainerId())).stream()
                .map(UserSummary::displayName)
                .findFirst()
                .orElse("");
        String link = address.base() + "/join/" + cohort.getJoinCode();
        Instant now = Instant.now(clock);
        for (String email : wanted) {
            if (members.contains(email)) {
                alreadyIn.add(email);
            } else if (invited.contains(email)) {
                alreadyInvited.add(email);
            } else {
                invitations.save(new Invitation(cohortId, email, me, now));
                outbox.queue(Mail.plain(
                        email,
                        locale.getLanguage(),
                        "invitation",
                        i18n.getTranslation("mail.invitation.subject", locale, cohort.getName()),
                        i18n.getTranslation("mail.invitation.text", locale, trainer, cohort.getName(), link)));
                sent.add(email);
            }
        }
        return new Invited(
                List.copyOf(sent),
                List.copyOf(alreadyInvited),
                List.copyOf(alreadyIn),
                List.copyOf(duplicates),
                List.copyOf(invalid),
                List.copyOf(tooMany));
    }

    private Cohort openCohort(String code) {
        Cohort cohort = lookUp(code).orElseThrow(() -> new JoinRejected(JoinProblem.UNKNOWN_CODE));
        if (!cohort.isJoiningOpen() || cohort.isArchived()) {
            throw new JoinRejected(JoinProblem.CLOSED);
        }
        return cohort;
    }

    /** Puts a participant in a cohort unless they are in it; whether they were new to it. */
    private boolean enrollOnce(long cohortId, long participantId) {
        if (enrollments.existsByCohortIdAndParticipantId(cohortId, participantId)) {
            return false;
        }
        enrollments.save(new Enrollment(cohortId, participantId, Instant.now(clock)));
        events.publishEvent(new CohortChanged(cohortId));
        return true;
    }

    /** Puts a participant in a cohort (beheerder, or the system at start-up). */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public void enroll(long cohortId, long participantId) {
        if (cohorts.findById(cohortId).isEmpty()) {
            throw new IllegalArgumentException("no such cohort: " + cohortId);
        }
        if (accounts.roleOf(participantId).filter(r -> r == Role.DEELNEMER).isEmpty()) {
            throw new IllegalArgumentException("not a participant: " + participantId);
        }
        enrollOnce(cohortId, participantId);
    }

    // ------------------------------------------------------------------ reading

    /** The name of the (latest) cohort a participant is in: for that participant and their coach. */
    @PreAuthorize("isAuthenticated()")
    @Override
    @Transactional(readOnly = true)
    public Optional<String> cohortNameOf(long participantId) {
        return latestCohortOf(participantId).map(Cohort::getName);
    }

    /** The (latest) cohort a participant is in and its trainer's name: for that participant and their coach. */
    @PreAuthorize("isAuthenticated()")
    @Override
    @Transactional(readOnly = true)
    public Optional<CohortAndTrainer> cohortAndTrainerOf(long participantId) {
        return latestCohortOf(participantId)
                .map(c -> new CohortAndTrainer(
                        c.getName(), accounts.coachName(c.getTrainerId()).orElse("")));
    }

    /** The cohort a participant joined last, for that participant and their coach. */
    private Optional<Cohort> latestCohortOf(long participantId) {
        coachingAccess.requireSelfOrCoach(currentUser.requireId(), participantId);
        return enrollments.findByParticipantIdOrderByJoinedAtDesc(participantId).stream()
                .findFirst()
                .flatMap(e -> cohorts.findById(e.getCohortId()));
    }

    /** The participants of one of the signed-in trainer's cohorts. */
    @Override
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public List<UserSummary> participantsOf(long cohortId) {
        mine(cohortId);
        List<Long> ids = enrollments.findByCohortId(cohortId).stream()
                .map(Enrollment::getParticipantId)
                .toList();
        return accounts.summaries(ids).stream()
                .sorted(Comparator.comparing(UserSummary::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The signed-in trainer's cohorts (for a beheerder: all cohorts), with each participant's progress. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public List<CohortOverview> myCohorts(Locale locale) {
        long me = currentUser.requireId();
        Role role = accounts.roleOf(me).orElseThrow();
        List<Cohort> visible = role == Role.BEHEERDER
                ? cohorts.findAllByOrderByStartsOnDescNameAsc()
                : cohorts.findByTrainerIdOrderByStartsOnDescNameAsc(me);
        return visible.stream().map(c -> overview(c, locale)).toList();
    }

    /** One of the signed-in trainer's cohorts with each participant's progress per module. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public CohortOverview cohort(long cohortId, Locale locale) {
        return overview(mine(cohortId), locale);
    }

    /**
     * A cohort as one table for the trainer's spreadsheet: per participant the progress, every key number of W1 to W9
     * and the re-measurements (see {@link CohortExport}); written as CSV for Dutch Excel or as .xlsx.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public Sheet export(long cohortId, Locale locale, BiFunction<String, Object[], String> translate) {
        CohortOverview overview = overview(mine(cohortId), locale);
        List<CohortExport.Line> lines = overview.participants().stream()
                .map(row -> new CohortExport.Line(
                        row,
                        MeasurementHistory.of(workbook.measurementsOf(row.id()).stream()
                                .map(WorkbookService.Measurement::input)
                                .toList())))
                .toList();
        return CohortExport.sheet(overview, lines, catalogue.modules(locale), clock.getZone(), translate);
    }

    /** A cohort's anonymous numbers (shown only where at least five participants filled them in). */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public GroupNumbers groupNumbers(long cohortId) {
        mine(cohortId);
        List<Long> ids = enrollments.findByCohortId(cohortId).stream()
                .map(Enrollment::getParticipantId)
                .toList();
        return GroupNumbers.of(readModel.factsOf(ids).values());
    }

    /**
     * The signed-in participant's numbers beside their group's medians (see {@link GroupComparison}); empty when they
     * are in no cohort. The group's workbooks are read as the system and only the medians leave this method.
     */
    @Override
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    @Transactional(readOnly = true)
    public Optional<GroupComparison> myGroupComparison() {
        long me = currentUser.requireId();
        Optional<Cohort> cohort = enrollments.findByParticipantIdOrderByJoinedAtDesc(me).stream()
                .findFirst()
                .flatMap(e -> cohorts.findById(e.getCohortId()));
        if (cohort.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = enrollments.findByCohortId(cohort.get().getId()).stream()
                .map(Enrollment::getParticipantId)
                .distinct()
                .toList();
        Map<Long, ParticipantFacts> facts = readModel.factsForGroupNumbers(ids);
        GroupNumbers group = GroupNumbers.of(facts.values());
        Optional<ParticipantFacts> mine = Optional.ofNullable(facts.get(me));
        Optional<NpsResult> nps = mine.flatMap(ParticipantFacts::nps);
        return Optional.of(new GroupComparison(
                cohort.get().getName(),
                figure(
                        mine.flatMap(ParticipantFacts::retention).map(RetentiemeterResult::retention),
                        group.retention()),
                figure(nps.map(NpsResult::nps), group.nps()),
                figure(nps.map(NpsResult::doubterShare), group.doubterShare())));
    }

    private static GroupComparison.Figure figure(
            Optional<BigDecimal> mine, GroupNumbers.Topic<GroupNumbers.Spread> topic) {
        return new GroupComparison.Figure(mine, topic.value().map(GroupNumbers.Spread::median), topic.needed());
    }

    /**
     * What a room screen shows of a cohort: its join code, how many joined, and the anonymous numbers. The ids are
     * for telling which changes concern the room; no screen shows them.
     */
    public record Room(
            String name, String joinCode, boolean joiningOpen, Set<Long> participantIds, GroupNumbers numbers) {

        public Room {
            participantIds = Set.copyOf(participantIds);
        }

        public int participants() {
            return participantIds.size();
        }
    }

    /** The room screen of one of the signed-in trainer's cohorts: no names, only counts and anonymous numbers. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public Room room(long cohortId) {
        Cohort cohort = mine(cohortId);
        List<Long> ids = enrollments.findByCohortId(cohortId).stream()
                .map(Enrollment::getParticipantId)
                .distinct()
                .toList();
        return new Room(
                cohort.getName(),
                cohort.getJoinCode(),
                cohort.isJoiningOpen() && !cohort.isArchived(),
                Set.copyOf(ids),
                GroupNumbers.of(readModel.factsOf(ids).values()));
    }

    private CohortOverview overview(Cohort cohort, Locale locale) {
        Map<Long, Enrollment> members = enrollments.findByCohortId(cohort.getId()).stream()
                .collect(Collectors.toMap(Enrollment::getParticipantId, Function.identity(), (a, b) -> a));
        List<Long> ids = List.copyOf(members.keySet());
        Map<Long, UserSummary> people =
                accounts.summaries(ids).stream().collect(Collectors.toMap(UserSummary::id, Function.identity()));
        String trainerName = accounts.summaries(List.of(cohort.getTrainerId())).stream()
                .map(UserSummary::displayName)
                .findFirst()
                .orElse("");
        List<CohortOverview.ParticipantRow> rows = new ArrayList<>();
        Map<Long, ParticipantFacts> facts =
                readModel.factsOf(ids.stream().filter(people::containsKey).toList());
        for (long id : ids) {
            UserSummary person = people.get(id);
            ParticipantFacts known = facts.get(id);
            if (person == null || known == null) {
                continue;
            }
            WorkbookProgress progress =
                    workbook.progressFrom(known.complete(), known.lessonsRead(), cohort.getOpenModules(), locale);
            rows.add(new CohortOverview.ParticipantRow(
                    id,
                    person.displayName(),
                    person.company() == null ? "" : person.company(),
                    progress,
                    known.retention(),
                    members.get(id).getLastActivity(),
                    members.get(id).getPlanDownloadedAt().isPresent(),
                    known));
        }
        rows.sort(Comparator.comparing(CohortOverview.ParticipantRow::name, String.CASE_INSENSITIVE_ORDER));
        return new CohortOverview(
                cohort.getId(),
                cohort.getName(),
                Optional.ofNullable(cohort.getStartsOn()),
                Optional.ofNullable(cohort.getLocation()),
                trainerName,
                cohort.getJoinCode(),
                cohort.isJoiningOpen(),
                cohort.isArchived(),
                cohort.getOpenModules(),
                rows);
    }
}
