package nl.retentiewerkboek.cohorts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.retentiewerkboek.metrics.RetentionResult;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.CurrentUser;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.workbook.WorkbookProgress;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cohorts and who is in them. A trainer sees only their own cohorts; a beheerder sees all. */
@Service
@Transactional
public class CohortService {

    private final CohortRepository cohorts;
    private final EnrollmentRepository enrollments;
    private final AccountService accounts;
    private final WorkbookService workbook;
    private final CurrentUser currentUser;
    private final nl.retentiewerkboek.security.CoachingAccess coachingAccess;
    private final Clock clock;

    CohortService(CohortRepository cohorts, EnrollmentRepository enrollments, AccountService accounts,
                  WorkbookService workbook, CurrentUser currentUser, nl.retentiewerkboek.security.CoachingAccess coachingAccess,
                  Clock clock) {
        this.coachingAccess = coachingAccess;
        this.cohorts = cohorts;
        this.enrollments = enrollments;
        this.accounts = accounts;
        this.workbook = workbook;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Sets up a cohort for a trainer (beheerder, or the system at start-up). */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public long createCohort(long trainerId, String name, LocalDate startsOn, String location) {
        if (accounts.roleOf(trainerId).filter(r -> r == Role.TRAINER).isEmpty()) {
            throw new IllegalArgumentException("not a trainer: " + trainerId);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a cohort needs a name");
        }
        return cohorts.save(new Cohort(name.strip(), trainerId, startsOn, location, Instant.now(clock))).getId();
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
        if (!enrollments.existsByCohortIdAndParticipantId(cohortId, participantId)) {
            enrollments.save(new Enrollment(cohortId, participantId, Instant.now(clock)));
        }
    }

    /** The name of the (latest) cohort a participant is in: for that participant and their coach. */
    @Transactional(readOnly = true)
    public Optional<String> cohortNameOf(long participantId) {
        long me = currentUser.requireId();
        if (me != participantId && !coachingAccess.maySee(me, participantId)) {
            throw new org.springframework.security.access.AccessDeniedException("not your participant");
        }
        return enrollments.findByParticipantIdOrderByJoinedAtDesc(participantId).stream().findFirst()
                .flatMap(e -> cohorts.findById(e.getCohortId())).map(Cohort::getName);
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

    private CohortOverview overview(Cohort cohort, Locale locale) {
        List<Long> ids = enrollments.findByCohortId(cohort.getId()).stream().map(Enrollment::getParticipantId).toList();
        Map<Long, UserSummary> people = accounts.summaries(ids).stream()
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
        String trainerName = accounts.summaries(List.of(cohort.getTrainerId())).stream()
                .map(UserSummary::displayName).findFirst().orElse("");
        List<CohortOverview.ParticipantRow> rows = ids.stream()
                .filter(people::containsKey)
                .map(id -> {
                    UserSummary person = people.get(id);
                    WorkbookProgress progress = workbook.progressOf(id, locale);
                    Optional<RetentionResult> retention = workbook.workbookOf(id).retentiemeter().result();
                    return new CohortOverview.ParticipantRow(id, person.displayName(),
                            person.company() == null ? "" : person.company(), progress.done(), progress.total(), retention);
                })
                .sorted(java.util.Comparator.comparing(CohortOverview.ParticipantRow::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new CohortOverview(cohort.getId(), cohort.getName(), Optional.ofNullable(cohort.getStartsOn()),
                Optional.ofNullable(cohort.getLocation()), trainerName, rows);
    }
}
