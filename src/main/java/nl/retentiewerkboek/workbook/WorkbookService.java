package nl.retentiewerkboek.workbook;

import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import nl.retentiewerkboek.imports.ImportService;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.metrics.PurchaseData;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.CoachingAccess;
import nl.retentiewerkboek.security.CurrentUser;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.storage.SaveGate;
import nl.retentiewerkboek.storage.SaveHealth;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The participant's own workbook. Every method works on the signed-in user's data; there is no way
 * to pass another participant's id except {@link #progressOf(long, Locale)}, which asks
 * {@link CoachingAccess} first.
 */
@Service
@Transactional
public class WorkbookService {

    /** Longest text kept for one field; longer input is refused rather than cut. */
    public static final int MAX_VALUE_LENGTH = 500;
    /** Most fields one worksheet holds (the action plan: 40 actions of 11 fields, and the re-measure date). */
    public static final int MAX_FIELDS = 600;

    private final WorksheetAnswersRepository answers;
    private final LessonReadRepository reads;
    private final LessonCatalogue catalogue;
    private final CurrentUser currentUser;
    private final CoachingAccess coachingAccess;
    private final ImportService imports;
    private final ApplicationEventPublisher events;
    private final OpenModules membership;
    private final Clock clock;
    private final SaveGate gate;
    private final WorksheetSaveBroadcaster saveBroadcaster;
    private final SaveHealth health;
    private final TransactionTemplate newTransaction;

    WorkbookService(
            WorksheetAnswersRepository answers,
            LessonReadRepository reads,
            LessonCatalogue catalogue,
            CurrentUser currentUser,
            CoachingAccess coachingAccess,
            ImportService imports,
            ApplicationEventPublisher events,
            OpenModules membership,
            Clock clock,
            SaveGate gate,
            SaveHealth health,
            PlatformTransactionManager transactions,
            WorksheetSaveBroadcaster saveBroadcaster) {
        this.saveBroadcaster = saveBroadcaster;
        this.gate = gate;
        this.health = health;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.membership = membership;
        this.imports = imports;
        this.events = events;
        this.answers = answers;
        this.reads = reads;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.coachingAccess = coachingAccess;
        this.clock = clock;
    }

    /** The signed-in participant's answers to a worksheet (empty when never saved). */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public SavedAnswers myAnswers(Worksheet worksheet, Locale locale) {
        long me = currentUser.requireId();
        return find(me, worksheet)
                .map(a -> toSaved(worksheet, a))
                .orElseGet(() -> SavedAnswers.empty(worksheet, locale));
    }

    /**
     * Saves the signed-in participant's answers, as typed in the given locale.
     *
     * @param expectedVersion the version the screen loaded ({@link SavedAnswers#NEVER_SAVED} for a first save)
     * @throws AnswersConflictException when the answers were saved elsewhere in the meantime
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    public SavedAnswers saveMyAnswers(
            Worksheet worksheet, Map<String, String> values, Locale locale, long expectedVersion) {
        long me = currentUser.requireId();
        requireOpen(me, worksheet);
        Map<String, String> clean = new HashMap<>();
        values.forEach((key, value) -> {
            if (key == null || key.length() > 50) {
                throw new IllegalArgumentException("bad field key");
            }
            if (value != null && value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("value too long for " + key);
            }
            if (value != null) {
                clean.put(key, value);
            }
        });
        Optional<WorksheetAnswers> existing = find(me, worksheet);
        long currentVersion = existing.map(WorksheetAnswers::getVersion).orElse(SavedAnswers.NEVER_SAVED);
        if (currentVersion != expectedVersion) {
            throw new AnswersConflictException(
                    existing.map(a -> toSaved(worksheet, a)).orElseGet(() -> SavedAnswers.empty(worksheet, locale)));
        }
        WorksheetAnswers row =
                existing.orElseGet(() -> new WorksheetAnswers(me, worksheet.id(), measurementFor(me, worksheet)));
        row.replace(clean, locale.getLanguage(), Instant.now(clock));
        try {
            WorksheetAnswers saved = answers.saveAndFlush(row);
            activity(me);
            events.publishEvent(new WorksheetSaved(me, worksheet.id(), saved.getVersion()));
            return toSaved(worksheet, saved);
        } catch (ObjectOptimisticLockingFailureException
                | OptimisticLockException
                | DataIntegrityViolationException e) {
            // another tab saved in the same instant
            throw new AnswersConflictException(SavedAnswers.empty(worksheet, locale));
        }
    }

    /**
     * Saves what this screen changed since it loaded or last saved: only the fields where
     * {@code mine} differs from {@code base} are written, so whatever another tab or device saved
     * in other fields stays (see {@link AnswerMerge}). A field both changed is left as stored and
     * reported as a conflict for the user to decide. A field whose text is too long is not saved
     * (reported, the rest is). The write is committed to disk before this returns.
     *
     * @param base the values this screen last loaded or saved, as shown (in {@code locale})
     * @param mine the values on the screen now
     * @throws SaveFailedException when the database cannot store it now (nothing saved; try again later)
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public SaveOutcome saveMyChanges(
            Worksheet worksheet, Map<String, String> base, Map<String, String> mine, Locale locale) {
        Wanted wanted = wanted(base, mine);
        Merged merged = store(
                new Target(
                        worksheet.id(),
                        me -> requireOpen(me, worksheet),
                        me -> measurementFor(me, worksheet),
                        a -> toSaved(worksheet, a).in(locale).values()),
                base,
                wanted.values(),
                locale);
        SavedAnswers saved = merged.row()
                .map(a -> merged.changed()
                        ? toSaved(worksheet, a)
                        : toSaved(worksheet, a).in(locale))
                .orElseGet(() -> SavedAnswers.empty(worksheet, locale));
        return new SaveOutcome(saved, merged.conflicts(), wanted.tooLong());
    }

    /** What a screen asks to store: the values to save, and the fields kept as they were because they are too long. */
    private record Wanted(Map<String, String> values, Set<String> tooLong) {}

    private static Wanted wanted(Map<String, String> base, Map<String, String> mine) {
        if (mine.size() > MAX_FIELDS || base.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("too many fields");
        }
        Map<String, String> wanted = new HashMap<>();
        Set<String> tooLong = new TreeSet<>();
        mine.forEach((key, value) -> {
            requireKey(key);
            if (value != null && value.length() > MAX_VALUE_LENGTH) {
                tooLong.add(key);
                String before = base.get(key);
                if (before != null) {
                    wanted.put(key, before);
                }
            } else if (value != null) {
                wanted.put(key, value);
            }
        });
        base.keySet().forEach(WorkbookService::requireKey);
        return new Wanted(wanted, tooLong);
    }

    /** What a merge stored: the row as it is now (empty when never saved), whether it changed, the conflicts. */
    private record Merged(Optional<WorksheetAnswers> row, boolean changed, List<AnswerMerge.FieldConflict> conflicts) {}

    /**
     * Where a save goes: the stored name, the check that it may be saved, which measurement, and the stored values as
     * the screen shows them (the base of the merge).
     */
    private record Target(
            String store,
            LongConsumer requireOpen,
            ToIntFunction<Long> measurementOf,
            Function<WorksheetAnswers, Map<String, String>> shown) {}

    /**
     * Merges and stores the signed-in participant's changes of one set of answers (a worksheet, or a lesson's
     * reflections) through the save gate, committed before this returns; tells the other screens of it.
     */
    private Merged store(Target target, Map<String, String> base, Map<String, String> wanted, Locale locale) {
        String store = target.store();
        long me;
        Merged merged;
        try (SaveGate.Pass pass = gate.enter()) {
            me = currentUser.requireId();
            merged = mergeAndStore(me, target, base, wanted, locale);
        } catch (AccessDeniedException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            health.failed(e);
            throw new SaveFailedException("saving " + store + " failed", e);
        }
        health.succeeded();
        activity(me);
        events.publishEvent(new WorksheetSaved(
                me, store, merged.row().map(WorksheetAnswers::getVersion).orElse(SavedAnswers.NEVER_SAVED)));
        return merged;
    }

    private Merged mergeAndStore(
            long me, Target target, Map<String, String> base, Map<String, String> wanted, Locale locale) {
        String store = target.store();
        for (int attempt = 1; ; attempt++) {
            try {
                return newTransaction.execute(status -> {
                    target.requireOpen().accept(me);
                    int measurement = target.measurementOf().applyAsInt(me);
                    answers.lockRow(me, store, measurement);
                    Optional<WorksheetAnswers> existing =
                            answers.findByOwnerIdAndWorksheetAndMeasurement(me, store, measurement);
                    Map<String, String> stored = existing.map(target.shown()).orElse(Map.of());
                    AnswerMerge.Result merge = AnswerMerge.merge(base, wanted, stored);
                    if (!merge.changesStored()) {
                        return new Merged(existing, false, merge.conflicts());
                    }
                    WorksheetAnswers row = existing.orElseGet(() -> new WorksheetAnswers(me, store, measurement));
                    row.replace(merge.merged(), locale.getLanguage(), Instant.now(clock));
                    return new Merged(Optional.of(answers.saveAndFlush(row)), true, merge.conflicts());
                });
            } catch (ObjectOptimisticLockingFailureException
                    | OptimisticLockException
                    | DataIntegrityViolationException e) {
                // another tab created the row in the same instant: merge again on top of theirs
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    // ------------------------------------------------------------------ reflections

    /** Where a lesson's reflections are stored: beside the worksheets, under a name no worksheet has. */
    static String reflectionStore(String lessonId) {
        return REFLECTIONS + lessonId;
    }

    private static final String REFLECTIONS = "vragen:";

    /** The field of the answer to a lesson's question (0-based place in the lesson). */
    public static String questionField(int index) {
        return "q" + (index + 1);
    }

    /** A lesson's questions and the answers given to them (text as typed; no answer is an empty text). */
    public record Reflections(String lessonId, String title, List<Reflection> answered, long version) {

        public Reflections {
            answered = List.copyOf(answered);
        }

        /** Whether any question has an answer. */
        public boolean anyAnswered() {
            return answered.stream().anyMatch(r -> !r.answer().isBlank());
        }
    }

    /** One question and its answer. */
    public record Reflection(String question, String answer) {}

    /** What a save of reflections stored, and the questions another screen changed at the same time (theirs kept). */
    public record ReflectionsSaved(Reflections stored, Set<String> conflicts, Set<String> tooLong) {

        public ReflectionsSaved {
            conflicts = Set.copyOf(conflicts);
            tooLong = Set.copyOf(tooLong);
        }
    }

    /** The signed-in participant's answers to a lesson's questions (in the lesson's language). */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public Reflections myReflections(String lessonId, Locale locale) {
        long me = currentUser.requireId();
        Lesson lesson = lessonWithQuestions(lessonId, locale);
        return reflections(lesson, answers.findByOwnerIdAndWorksheetAndMeasurement(me, reflectionStore(lessonId), 1));
    }

    /**
     * Saves what the screen changed in a lesson's answers, merged like a worksheet's ({@link #saveMyChanges}): only
     * the questions this screen changed are written; a question another screen changed meanwhile keeps their text and
     * is reported. Refused while the lesson's module is closed.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ReflectionsSaved saveMyReflections(
            String lessonId, Map<String, String> base, Map<String, String> mine, Locale locale) {
        Lesson lesson = lessonWithQuestions(lessonId, locale);
        Set<String> known = new HashSet<>();
        for (int i = 0; i < lesson.questions().size(); i++) {
            known.add(questionField(i));
        }
        if (!known.containsAll(mine.keySet()) || !known.containsAll(base.keySet())) {
            throw new IllegalArgumentException("not a question of " + lessonId);
        }
        Wanted wanted = wanted(base, mine);
        Merged merged = store(
                new Target(
                        reflectionStore(lessonId),
                        me -> {
                            if (!isOpen(me, lessonId)) {
                                throw new AccessDeniedException("this module is not open in your cohort");
                            }
                        },
                        me -> 1,
                        WorksheetAnswers::getValues),
                base,
                wanted.values(),
                locale);
        Set<String> conflicts = new TreeSet<>();
        merged.conflicts().forEach(c -> conflicts.add(c.field()));
        return new ReflectionsSaved(reflections(lesson, merged.row()), conflicts, wanted.tooLong());
    }

    /** Listens for saves of the signed-in participant's answers to a lesson's questions (another tab). */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.SUPPORTS)
    public Runnable onMyReflectionSaves(String lessonId, LongConsumer listener) {
        return saveBroadcaster.register(currentUser.requireId(), reflectionStore(lessonId), listener);
    }

    /** Every lesson with questions the signed-in participant answered at least one of, in lesson order. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public List<Reflections> myAnsweredReflections(Locale locale) {
        return answeredReflections(currentUser.requireId(), locale);
    }

    /** A participant's answered reflections, read-only, for a coach allowed to see them. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public List<Reflections> reflectionsOf(long participantId, Locale locale) {
        requireCoach(participantId);
        return answeredReflections(participantId, locale);
    }

    private List<Reflections> answeredReflections(long ownerId, Locale locale) {
        Map<String, WorksheetAnswers> rows = new HashMap<>();
        for (WorksheetAnswers a : answers.findByOwnerId(ownerId)) {
            if (a.getWorksheet().startsWith(REFLECTIONS)) {
                rows.put(a.getWorksheet().substring(REFLECTIONS.length()), a);
            }
        }
        return catalogue.modules(locale).stream()
                .filter(lesson -> !lesson.questions().isEmpty())
                .map(lesson -> reflections(lesson, Optional.ofNullable(rows.get(lesson.id()))))
                .filter(Reflections::anyAnswered)
                .toList();
    }

    private Lesson lessonWithQuestions(String lessonId, Locale locale) {
        return catalogue
                .find(lessonId, locale)
                .filter(l -> !l.questions().isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("no questions in lesson " + lessonId));
    }

    private static Reflections reflections(Lesson lesson, Optional<WorksheetAnswers> row) {
        Map<String, String> values = row.map(WorksheetAnswers::getValues).orElse(Map.of());
        List<Reflection> list = new ArrayList<>();
        for (int i = 0; i < lesson.questions().size(); i++) {
            list.add(new Reflection(lesson.questions().get(i), values.getOrDefault(questionField(i), "")));
        }
        return new Reflections(
                lesson.id(),
                lesson.title(),
                list,
                row.map(WorksheetAnswers::getVersion).orElse(SavedAnswers.NEVER_SAVED));
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 50) {
            throw new IllegalArgumentException("bad field key");
        }
    }

    /**
     * Listens for saves of the signed-in participant's worksheet made by any screen (told the new
     * version), so an open screen can show them. Returns how to stop listening.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.SUPPORTS)
    public Runnable onMySaves(Worksheet worksheet, LongConsumer listener) {
        return saveBroadcaster.register(currentUser.requireId(), worksheet.id(), listener);
    }

    /** Where a page keeps the signed-in participant's unconfirmed input for a worksheet (per user, per worksheet). */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.SUPPORTS)
    public String myDraftKey(Worksheet worksheet) {
        return "rwb-draft:" + currentUser.requireId() + ":" + worksheet.id();
    }

    /** Marks a lesson as read by the signed-in participant. Unknown lesson ids are refused. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    public void markLessonRead(String lessonId) {
        long me = currentUser.requireId();
        if (catalogue.find(lessonId, Locale.of("nl")).isEmpty()) {
            throw new IllegalArgumentException("unknown lesson: " + lessonId);
        }
        if (!isOpen(me, lessonId)) {
            throw new AccessDeniedException("this module is not open in your cohort");
        }
        if (!reads.existsByOwnerIdAndLessonId(me, lessonId)) {
            reads.save(new LessonRead(me, lessonId, Instant.now(clock)));
        }
        activity(me);
    }

    /** The signed-in participant's progress through the modules. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public WorkbookProgress myProgress(Locale locale) {
        return progress(currentUser.requireId(), locale);
    }

    /** A participant's progress, for a coach allowed to see it (their trainer). */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public WorkbookProgress progressOf(long participantId, Locale locale) {
        requireCoach(participantId);
        return progress(participantId, locale);
    }

    /** A participant's answers, read-only, for a coach allowed to see them. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public SavedAnswers answersOf(long participantId, Worksheet worksheet, Locale locale) {
        requireCoach(participantId);
        return find(participantId, worksheet)
                .map(a -> toSaved(worksheet, a))
                .orElseGet(() -> SavedAnswers.empty(worksheet, locale));
    }

    /**
     * Whether the signed-in user's workbook is a demo: a trainer's or beheerder's own, to fill in a made-up company on the
     * beamer. It counts in no group, export or dashboard, since only participants are ever in a cohort.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public boolean isMyWorkbookDemo() {
        return currentUser.role().map(r -> r != Role.DEELNEMER).orElse(false);
    }

    /**
     * Empties the signed-in coach's demo workbook: every answer of every measurement, the lessons read, the uploads and
     * the remembered columns. Open screens of it are told, so a second tab shows the empty worksheet too.
     */
    @PreAuthorize(AppRoles.COACH)
    public void resetMyDemo() {
        long me = currentUser.requireId();
        List<WorksheetAnswers> mine = answers.findByOwnerId(me);
        answers.deleteAll(mine);
        reads.deleteAll(reads.findByOwnerId(me));
        answers.flush();
        reads.flush();
        imports.deleteAllMine();
        activity(me);
        for (Worksheet worksheet : Worksheet.values()) {
            events.publishEvent(new WorksheetSaved(me, worksheet.id(), SavedAnswers.NEVER_SAVED));
        }
    }

    /** Whether the signed-in participant's cohort has opened this lesson's module (the opening page always is). */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public boolean isMyModuleOpen(String lessonId) {
        return isOpen(currentUser.requireId(), lessonId);
    }

    private boolean isOpen(long ownerId, String lessonId) {
        boolean module =
                catalogue.find(lessonId, Locale.of("nl")).map(Lesson::isModule).orElse(false);
        return !module
                || membership
                        .openModulesFor(ownerId)
                        .map(o -> o.contains(lessonId))
                        .orElse(true);
    }

    private void requireOpen(long ownerId, Worksheet worksheet) {
        catalogue.lessonOf(worksheet, Locale.of("nl")).ifPresent(lesson -> {
            if (!isOpen(ownerId, lesson.id())) {
                throw new AccessDeniedException("this module is not open in your cohort");
            }
        });
    }

    /** Tells whoever keeps participant activity (the cohorts, for the trainer) that this participant did something. */
    private void activity(long participant) {
        events.publishEvent(new WorkbookChanged(participant, Instant.now(clock)));
    }

    private void requireCoach(long participantId) {
        long me = currentUser.requireId();
        if (!coachingAccess.maySee(me, participantId)) {
            throw new AccessDeniedException("not your participant");
        }
    }

    /** All of the signed-in participant's worksheets, evaluated together. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public Workbook myWorkbook() {
        return workbook(currentUser.requireId());
    }

    /** A participant's worksheets, read-only, for a coach allowed to see them. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public Workbook workbookOf(long participantId) {
        requireCoach(participantId);
        return workbook(participantId);
    }

    /** A participant's current workbook and the lessons they read, as their coach sees them. */
    public record Coached(Workbook workbook, Set<String> lessonsRead) {}

    /**
     * Several participants' current workbooks and lessons read, for a coach allowed to see them all: read together with
     * a fixed number of queries, whatever the number of participants (the cohort dashboard and room screen).
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public Map<Long, Coached> coachedWorkbooks(Collection<Long> participantIds) {
        Set<Long> ids = Set.copyOf(participantIds);
        coachingAccess.requireCoachOfAll(currentUser.requireId(), ids);
        return coached(ids, true);
    }

    /**
     * {@link #coachedWorkbooks} for the system (as {@code SystemAuthentication} runs it): the cohorts feature works out
     * a group's medians with it for a participant, who is handed only the medians and their own numbers. Without the
     * uploaded purchases: the medians come from the typed worksheets (W1 and W4).
     */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public Map<Long, Coached> workbooksForGroupNumbers(Collection<Long> participantIds) {
        return coached(Set.copyOf(participantIds), false);
    }

    private Map<Long, Coached> coached(Set<Long> ids, boolean withPurchases) {
        Map<Long, Coached> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Map<Long, List<WorksheetAnswers>> rows =
                answers.findByOwnerIdIn(ids).stream().collect(Collectors.groupingBy(WorksheetAnswers::getOwnerId));
        Map<Long, Set<String>> read = reads.findByOwnerIdIn(ids).stream()
                .collect(Collectors.groupingBy(
                        LessonRead::getOwnerId, Collectors.mapping(LessonRead::getLessonId, Collectors.toSet())));
        Map<Long, PurchaseData> purchases = withPurchases ? imports.purchaseDataOf(ids) : Map.of();
        for (long id : ids) {
            List<WorksheetAnswers> own = rows.getOrDefault(id, List.of());
            // as the repository's currentMeasurement: the highest measurement of any worksheet, else the first
            int measurement = own.stream()
                    .mapToInt(WorksheetAnswers::getMeasurement)
                    .max()
                    .orElse(1);
            found.put(
                    id,
                    new Coached(
                            measurementWorkbook(id, own, measurement, Optional.ofNullable(purchases.get(id))),
                            read.getOrDefault(id, Set.of())));
        }
        return found;
    }

    /**
     * The progress through the given modules (all, when empty), from a workbook and the lessons read: no reading, so
     * a coach's screen can show it for a whole cohort from {@link #coachedWorkbooks}.
     */
    @PreAuthorize("isAuthenticated()")
    public WorkbookProgress progressFrom(
            Set<Worksheet> complete, Set<String> lessonsRead, Optional<Set<String>> open, Locale locale) {
        List<ModuleProgress> modules = catalogue.modules(locale).stream()
                .filter(lesson -> open.map(o -> o.contains(lesson.id())).orElse(true))
                .map(lesson -> new ModuleProgress(
                        lesson,
                        lessonsRead.contains(lesson.id()),
                        complete.contains(lesson.worksheet().orElseThrow())))
                .toList();
        boolean introRead = catalogue
                .intro(locale)
                .map(Lesson::id)
                .map(lessonsRead::contains)
                .orElse(true);
        return new WorkbookProgress(modules, introRead);
    }

    private Workbook workbook(long ownerId) {
        return measurementWorkbook(
                ownerId,
                answers.findByOwnerId(ownerId),
                answers.currentMeasurement(ownerId),
                imports.purchaseData(ownerId));
    }

    /** The worksheets of one measurement: its measured worksheets, and the worksheets that are not measurements. */
    private static Workbook measurementWorkbook(
            long ownerId, List<WorksheetAnswers> rows, int measurement, Optional<PurchaseData> purchases) {
        Map<Worksheet, Workbook.Answers> all = new EnumMap<>(Worksheet.class);
        for (WorksheetAnswers a : rows) {
            Worksheet.fromId(a.getWorksheet()).ifPresent(w -> {
                int wanted = w.isMeasured() ? measurement : 1;
                if (a.getMeasurement() == wanted) {
                    all.put(w, new Workbook.Answers(a.getValues(), Locale.of(a.getInputLocale())));
                }
            });
        }
        return new Workbook(all, purchases);
    }

    private Optional<WorksheetAnswers> find(long ownerId, Worksheet worksheet) {
        return answers.findByOwnerIdAndWorksheetAndMeasurement(
                ownerId, worksheet.id(), measurementFor(ownerId, worksheet));
    }

    private int measurementFor(long ownerId, Worksheet worksheet) {
        return worksheet.isMeasured() ? answers.currentMeasurement(ownerId) : 1;
    }

    /** One measurement: its number, when W1 was last saved in it, and its worksheets. */
    public record Measurement(int number, Optional<Instant> measuredAt, Workbook workbook, ZoneId zone) {

        /** As the history needs it: the day in the app's time zone ({@code app.time-zone}). */
        public MeasurementHistory.Input input() {
            return new MeasurementHistory.Input(
                    number, measuredAt.map(t -> t.atZone(zone).toLocalDate()), workbook);
        }
    }

    /** All of the signed-in participant's measurements, oldest first (the last is the current one). */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public List<Measurement> myMeasurements() {
        return measurements(currentUser.requireId());
    }

    /** A participant's measurements, for their coach. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public List<Measurement> measurementsOf(long participantId) {
        requireCoach(participantId);
        return measurements(participantId);
    }

    private List<Measurement> measurements(long ownerId) {
        List<WorksheetAnswers> rows = answers.findByOwnerId(ownerId);
        int current = answers.currentMeasurement(ownerId);
        List<Measurement> list = new ArrayList<>();
        for (int n = 1; n <= current; n++) {
            int number = n;
            Optional<Instant> at = rows.stream()
                    .filter(a -> a.getWorksheet().equals(Worksheet.RETENTIEMETER.id()) && a.getMeasurement() == number)
                    .map(WorksheetAnswers::getUpdatedAt)
                    .findFirst();
            list.add(new Measurement(n, at, measurementWorkbook(ownerId, rows, n, Optional.empty()), clock.getZone()));
        }
        return list;
    }

    /**
     * The day the signed-in participant may measure again: the re-measure date of their action plan,
     * or 90 days after their current measurement; empty while the current W1 is not filled in.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public Optional<LocalDate> myRemeasureDate() {
        return remeasureDate(measurements(currentUser.requireId()));
    }

    /** When a participant's re-measurement is due, and of which measurement; for the reminder mails (the system). */
    public record RemeasureDue(int measurement, LocalDate date) {}

    /** {@link #myRemeasureDate()} of any participant, for the reminder job running as the system. */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public Optional<RemeasureDue> remeasureDueOf(long participantId) {
        List<Measurement> all = measurements(participantId);
        return remeasureDate(all).map(date -> new RemeasureDue(all.getLast().number(), date));
    }

    private Optional<LocalDate> remeasureDate(List<Measurement> all) {
        Measurement current = all.getLast();
        if (!current.workbook().retentiemeter().isComplete()) {
            return Optional.empty();
        }
        String planned = current.workbook().answers(Worksheet.ACTIEPLAN).get(MeasurementHistory.REMEASURE_FIELD);
        if (planned != null && all.size() == 1) {
            try {
                return Optional.of(LocalDate.parse(planned));
            } catch (DateTimeParseException e) {
                // fall through to the default
            }
        }
        return current.measuredAt()
                .map(t -> t.atZone(clock.getZone()).toLocalDate().plusDays(MeasurementHistory.DEFAULT_REMEASURE_DAYS));
    }

    /** Whether a re-measurement with this due date may start today (by the app's clock). */
    @PreAuthorize("permitAll()")
    public boolean isDue(LocalDate due) {
        return !LocalDate.now(clock).isBefore(due);
    }

    /** Starts a new measurement once the re-measure date has come; earlier measurements are kept. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    public int startMyRemeasurement() {
        long me = currentUser.requireId();
        LocalDate due = myRemeasureDate().orElseThrow(() -> new IllegalStateException("nothing measured yet"));
        if (!isDue(due)) {
            throw new IllegalStateException("the re-measurement is due on " + due);
        }
        int next = answers.currentMeasurement(me) + 1;
        WorksheetAnswers row = new WorksheetAnswers(me, Worksheet.RETENTIEMETER.id(), next);
        row.replace(Map.of(), "nl", Instant.now(clock));
        answers.saveAndFlush(row);
        activity(me);
        return next;
    }

    private WorkbookProgress progress(long ownerId, Locale locale) {
        Set<String> read = reads.findByOwnerId(ownerId).stream()
                .map(LessonRead::getLessonId)
                .collect(Collectors.toSet());
        return progressFrom(complete(workbook(ownerId)), read, membership.openModulesFor(ownerId), locale);
    }

    /** The worksheets the workbook has complete. */
    public static Set<Worksheet> complete(Workbook workbook) {
        Set<Worksheet> done = EnumSet.noneOf(Worksheet.class);
        for (Worksheet w : Worksheet.values()) {
            if (w.isComplete(workbook)) {
                done.add(w);
            }
        }
        return done;
    }

    private static SavedAnswers toSaved(Worksheet worksheet, WorksheetAnswers a) {
        return new SavedAnswers(
                worksheet, a.getValues(), Locale.of(a.getInputLocale()), a.getVersion(), Optional.of(a.getUpdatedAt()));
    }
}
