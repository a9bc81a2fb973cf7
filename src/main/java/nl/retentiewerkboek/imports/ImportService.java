package nl.retentiewerkboek.imports;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.retentiewerkboek.base.DataErased;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.metrics.PurchaseData;
import nl.retentiewerkboek.metrics.PurchaseHistory;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.CoachingAccess;
import nl.retentiewerkboek.security.CurrentUser;
import nl.retentiewerkboek.settings.AppSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A participant's uploaded customer data: read, summed and stored as only what the worksheets need;
 * visible to that participant (and their coach through the workbook), removable by them.
 */
@Service
@Transactional
public class ImportService {

    private final CustomerDataRepository data;
    private final ImportMappingRepository mappings;
    private final CurrentUser currentUser;
    private final CoachingAccess coachingAccess;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    /** Reading files is CPU work: at most this many at once on the whole server; others wait their turn. */
    private final Semaphore readers;

    private final Duration maxWait;
    /** Per participant the one upload waiting in a mapping step: a newer upload removes the older one. */
    private final Map<Long, StagedUpload> waiting = new ConcurrentHashMap<>();
    /** Participants with an import running: one at a time per participant. */
    private final Set<Long> reading = ConcurrentHashMap.newKeySet();

    ImportService(
            CustomerDataRepository data,
            ImportMappingRepository mappings,
            CurrentUser currentUser,
            CoachingAccess coachingAccess,
            Clock clock,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            AppSettings settings) {
        int parallel = settings.imports().parallel();
        this.data = data;
        this.mappings = mappings;
        this.currentUser = currentUser;
        this.coachingAccess = coachingAccess;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.readers = new Semaphore(
                parallel > 0 ? parallel : Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);
        this.maxWait = settings.imports().maxWait();
    }

    /**
     * Runs one file read for the signed-in participant: refused while another of theirs runs, and
     * waiting (up to {@code app.imports.max-wait}) while the server already reads its maximum.
     * No database connection is held while the file is read.
     */
    private <T> T reading(long me, Supplier<T> read) {
        if (!reading.add(me)) {
            throw new ImportFailedException(ImportFailedException.Reason.BUSY);
        }
        try {
            if (!readers.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ImportFailedException(ImportFailedException.Reason.BUSY);
            }
            try {
                return read.get();
            } finally {
                readers.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailedException(ImportFailedException.Reason.BUSY);
        } finally {
            reading.remove(me);
        }
    }

    /**
     * Reads a purchases export (W5) and keeps its per-customer sums, replacing an earlier upload.
     *
     * @throws ImportFailedException when the file cannot be used at all
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PurchaseImport importPurchases(InputStream in, String fileName) {
        long me = currentUser.requireId();
        return reading(me, () -> {
            PurchaseImport result = CsvImporter.purchases(in, fileName);
            storePurchases(me, result, null, null);
            return result;
        });
    }

    /**
     * Keeps an uploaded file for the mapping step (at most {@link CsvImporter#MAX_BYTES}); nothing is read or stored
     * yet. The caller closes it when the participant is done with it.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public StagedUpload stage(Worksheet worksheet, InputStream in, String fileName) {
        long me = currentUser.requireId();
        StagedUpload upload = StagedUpload.copy(me, worksheet, in, fileName, Instant.now(clock));
        try {
            // unpacking a workbook is CPU work like reading: in its turn, one per participant
            reading(me, () -> {
                upload.convertWorkbook();
                return upload;
            });
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        StagedUpload older = waiting.put(me, upload);
        if (older != null) {
            older.close();
        }
        return upload;
    }

    /**
     * Reads a kept purchases file as the mapping step shows it, with the columns given, or (null) those of the system
     * it recognises, as the participant chose them last time for that system. Nothing is stored.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PurchaseRead readPurchases(StagedUpload staged, Mapping mapping) {
        return reader(staged, mapping).get();
    }

    /**
     * {@link #readPurchases} in two steps: who may read is checked now, on the caller's thread; the returned reading
     * needs no sign-in and may run on another thread (the mapping step reads off the UI thread).
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Supplier<PurchaseRead> purchasesReader(StagedUpload staged, Mapping mapping) {
        return reader(staged, mapping);
    }

    private Supplier<PurchaseRead> reader(StagedUpload staged, Mapping mapping) {
        return keptReader(
                staged,
                Worksheet.KLANTGROEPEN,
                mapping != null,
                (in, remembered) -> PurchaseReader.read(in, staged.fileName(), mapping, remembered));
    }

    /** Reads a kept file, one of the server's readers at a time; the last read is kept with the file for "use". */
    private interface KeptRead<T> {
        T read(InputStream in, Map<String, String> remembered);
    }

    private <T> Supplier<T> keptReader(StagedUpload staged, Worksheet worksheet, boolean chosen, KeptRead<T> read) {
        long me = requireOwner(staged, worksheet);
        Map<String, String> remembered = chosen ? Map.of() : remembered(me, worksheet);
        return () -> reading(me, () -> {
            try (InputStream in = staged.open()) {
                T result = read.read(in, remembered);
                staged.lastRead(result);
                return result;
            } catch (IOException e) {
                throw new ImportFailedException(ImportFailedException.Reason.UNREADABLE);
            }
        });
    }

    /**
     * Another sheet of a kept workbook: who may choose is checked now, on the caller's thread; the returned step reads
     * the sheet in its turn among the server's readers, and may run on another thread.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Runnable sheetChooser(StagedUpload staged, int index) {
        long me = requireOwner(staged, staged.worksheet());
        return () -> reading(me, () -> {
            staged.chooseSheet(index);
            return index;
        });
    }

    /**
     * "Use these": stores the purchases as the mapping step last showed them, replacing an earlier upload, remembers
     * the columns for the next file from the same system, and removes the kept file.
     *
     * @throws ImportFailedException when the file cannot be used with these columns
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PurchaseImport usePurchases(StagedUpload staged) {
        long me = requireOwner(staged, Worksheet.KLANTGROEPEN);
        if (staged.isClosed()) {
            throw new ImportFailedException(ImportFailedException.Reason.REPLACED);
        }
        PurchaseRead read = staged.lastRead() instanceof PurchaseRead r ? r : readPurchases(staged, null);
        PurchaseImport result = read.orThrow();
        // a list of one's own has no system to recognise the next one by: its columns are found again by their names
        String remember = read.header().isEmpty() || read.mapping().preset() == Presets.OWN_LIST
                ? null
                : read.mapping().stored(read.header());
        storePurchases(me, result, read.mapping().preset().id(), remember);
        staged.close();
        waiting.remove(me, staged);
        return result;
    }

    private void storePurchases(long me, PurchaseImport result, String system, String mapping) {
        byte[] payload = Payloads.write(new Payloads.Purchases(
                result.customers(), result.report().rejections(), Optional.of(result.history())));
        store(
                me,
                Worksheet.KLANTGROEPEN,
                result.report(),
                result.customers().size(),
                result.latest(),
                payload,
                system,
                mapping);
    }

    private long requireOwner(StagedUpload staged, Worksheet worksheet) {
        long me = currentUser.requireId();
        if (staged.owner() != me || staged.worksheet() != worksheet) {
            throw new AccessDeniedException("not your upload");
        }
        return me;
    }

    private Map<String, String> remembered(long me, Worksheet worksheet) {
        return transactions.execute(status -> {
            Map<String, String> found = new HashMap<>();
            mappings.findByOwnerIdAndWorksheet(me, worksheet.id())
                    .forEach(m -> found.put(m.getSystem(), m.getMapping()));
            return found;
        });
    }

    /**
     * Reads a survey export (W4): the counts per score go back to the screen, the doubters with a
     * name or contact are kept for the call list.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ScoreImport importScores(InputStream in, String fileName) {
        long me = currentUser.requireId();
        return reading(me, () -> {
            ScoreImport result = CsvImporter.scores(in, fileName);
            byte[] payload = Payloads.write(
                    new Payloads.Scores(result.doubters(), result.report().rejections(), result.doubtersFound()));
            store(me, Worksheet.NPS, result.report(), result.doubters().size(), null, payload, null, null);
            return result;
        });
    }

    /**
     * Reads a kept survey file (a CSV, or an Excel workbook turned into one) as the W4 mapping step shows it: with the
     * columns given, or (null) those found from its header, as the participant chose them last time for that tool.
     * Who may read is checked now, on the caller's thread; the returned reading needs no sign-in and may run on
     * another thread. Nothing is stored.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Supplier<ScoreRead> scoresReader(StagedUpload staged, SurveyColumns columns) {
        return keptReader(
                staged,
                Worksheet.NPS,
                columns != null,
                (in, remembered) -> CsvImporter.scores(in, staged.fileName(), columns, remembered, clock.getZone()));
    }

    /**
     * "Use these" in W4: stores the doubters as the mapping step last showed the file, replacing an earlier upload,
     * remembers the columns for the next file from the same tool, and removes the kept file.
     *
     * @throws ImportFailedException when the file cannot be used with these columns
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ScoreImport useScores(StagedUpload staged) {
        long me = requireOwner(staged, Worksheet.NPS);
        if (staged.isClosed()) {
            throw new ImportFailedException(ImportFailedException.Reason.REPLACED);
        }
        ScoreRead read = staged.lastRead() instanceof ScoreRead r
                ? r
                : scoresReader(staged, null).get();
        ScoreImport result = read.orThrow();
        String system = read.mapping().system();
        // a list of one's own has no tool to recognise the next one by: its columns are found again
        String remember = read.header().isEmpty() || SurveyColumns.OWN.equals(system)
                ? null
                : read.mapping().stored(read.header());
        byte[] payload = Payloads.write(
                new Payloads.Scores(result.doubters(), result.report().rejections(), result.doubtersFound()));
        store(me, Worksheet.NPS, result.report(), result.doubters().size(), null, payload, system, remember);
        staged.close();
        waiting.remove(me, staged);
        return result;
    }

    /** Reads a pasted list of scores; nothing is stored but what the screen saves as counts. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public ScoreImport readPastedScores(String text) {
        return CsvImporter.pastedScores(text == null ? "" : text);
    }

    private void store(
            long owner,
            Worksheet worksheet,
            ImportReport report,
            long customers,
            LocalDate latest,
            byte[] payload,
            String system,
            String mapping) {
        transactions.executeWithoutResult(status -> {
            if (mapping != null && mapping.length() <= 4000) {
                ImportMapping kept = mappings.findByOwnerIdAndWorksheetAndSystem(owner, worksheet.id(), system)
                        .orElseGet(() -> new ImportMapping(owner, worksheet.id(), system));
                kept.setMapping(mapping);
                mappings.save(kept);
            }
            CustomerData row = data.findByOwnerIdAndWorksheet(owner, worksheet.id())
                    .orElseGet(() -> new CustomerData(owner, worksheet.id()));
            row.replace(
                    report.fileName() == null ? "" : report.fileName(),
                    report.rowsRead(),
                    report.rowsRejected(),
                    customers,
                    latest,
                    payload,
                    Instant.now(clock));
            data.save(row);
        });
    }

    /** What is stored of the signed-in participant's upload for a worksheet. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public Optional<ImportSummary> mySummary(Worksheet worksheet) {
        return data.findSummary(currentUser.requireId(), worksheet.id());
    }

    /** The rows of the signed-in participant's upload that were not used (at most the first thousand). */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public List<RowRejection> myRejections(Worksheet worksheet) {
        return data.findByOwnerIdAndWorksheet(currentUser.requireId(), worksheet.id())
                .map(d -> worksheet == Worksheet.NPS
                        ? Payloads.readScores(d.getPayload()).rejections()
                        : Payloads.readPurchases(d.getPayload()).rejections())
                .orElse(List.of());
    }

    /**
     * One page of the signed-in participant's doubters to call (W4 upload with names), the one to call first at the
     * top: those without a date (as soon as possible), then by the moment to respond by, in file order where equal.
     * At most {@link CsvImporter#MAX_DOUBTERS} are stored, so this never reads more than that.
     */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public List<Doubter> myDoubters(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        List<Doubter> all = myScores().map(Payloads.Scores::doubters).orElse(List.of()).stream()
                .sorted(CALL_FIRST)
                .toList();
        int from = Math.min(offset, all.size());
        return List.copyOf(all.subList(from, (int) Math.min(all.size(), (long) from + limit)));
    }

    /** The call list's order: undated answers first (call as soon as possible), then the earliest respond-by. */
    private static final Comparator<Doubter> CALL_FIRST = Comparator.comparing(
            (Doubter d) -> d.respondByAt().or(() -> d.respondBy().map(LocalDate::atStartOfDay)),
            (a, b) -> a.isEmpty()
                    ? (b.isEmpty() ? 0 : -1)
                    : b.isEmpty() ? 1 : a.get().compareTo(b.get()));

    /** How long the call list is: the doubters kept, and how many the survey file had (more when it was cut). */
    public record CallListSize(int kept, long found) {}

    /** The size of the signed-in participant's call list, read in one go. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    @Transactional(readOnly = true)
    public CallListSize myCallListSize() {
        return myScores()
                .map(s -> new CallListSize(s.doubters().size(), s.found()))
                .orElse(new CallListSize(0, 0));
    }

    private Optional<Payloads.Scores> myScores() {
        return data.findByOwnerIdAndWorksheet(currentUser.requireId(), Worksheet.NPS.id())
                .map(d -> Payloads.readScores(d.getPayload()));
    }

    /** Removes what is stored of the signed-in participant's upload for a worksheet. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    public void deleteMine(Worksheet worksheet) {
        if (data.deleteByOwner(currentUser.requireId(), worksheet.id()) > 0) {
            events.publishEvent(new DataErased("upload"));
        }
    }

    /** Deletes all of the signed-in user's uploads and remembered columns (a coach emptying their demo workbook). */
    @PreAuthorize(AppRoles.COACH)
    public void deleteAllMine() {
        long me = currentUser.requireId();
        int deleted = 0;
        for (Worksheet worksheet : Worksheet.values()) {
            deleted += data.deleteByOwner(me, worksheet.id());
        }
        mappings.deleteByOwner(me);
        if (deleted > 0) {
            events.publishEvent(new DataErased("upload"));
        }
    }

    /**
     * Several participants' uploaded purchases for W5, read together (one query), for a coach allowed to see them all;
     * as {@link #purchaseData}, the customers are loaded only when a calculation asks for them.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public Map<Long, PurchaseData> purchaseDataOf(Collection<Long> ownerIds) {
        coachingAccess.requireCoachOfAll(currentUser.requireId(), ownerIds);
        Map<Long, PurchaseData> found = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return found;
        }
        for (CustomerDataRepository.OwnedSummary s : data.findSummaries(ownerIds, Worksheet.KLANTGROEPEN.id())) {
            long ownerId = s.ownerId();
            found.put(
                    ownerId,
                    new PurchaseData(
                            s.customers(),
                            s.latestDate(),
                            () -> loadCustomers(ownerId),
                            s.fileName(),
                            softlyKept(() -> loadHistory(ownerId))));
        }
        return found;
    }

    /**
     * A participant's uploaded purchases for W5, for that participant or a coach allowed to see
     * them; the customers are loaded only when a calculation asks for them.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<PurchaseData> purchaseData(long ownerId) {
        coachingAccess.requireSelfOrCoach(currentUser.requireId(), ownerId);
        return data.findSummary(ownerId, Worksheet.KLANTGROEPEN.id())
                .map(s -> new PurchaseData(
                        s.customers(),
                        s.latestDate(),
                        () -> loadCustomers(ownerId),
                        s.fileName(),
                        softlyKept(() -> loadHistory(ownerId))));
    }

    /**
     * A loader that keeps what it loaded for as long as memory allows: W1 and W2 ask for the purchase days after every
     * change of a field, and read them from the database only once while the screen is open.
     */
    private static <T> Supplier<T> softlyKept(Supplier<T> loader) {
        return new Supplier<>() {
            private SoftReference<T> kept = new SoftReference<>(null);

            @Override
            public synchronized T get() {
                T value = kept.get();
                if (value == null) {
                    value = loader.get();
                    kept = new SoftReference<>(value);
                }
                return value;
            }
        };
    }

    private Optional<PurchaseHistory> loadHistory(long ownerId) {
        return data.findByOwnerIdAndWorksheet(ownerId, Worksheet.KLANTGROEPEN.id())
                .flatMap(d -> Payloads.readPurchasesWithHistory(d.getPayload()).history());
    }

    private List<CustomerStats> loadCustomers(long ownerId) {
        return data.findByOwnerIdAndWorksheet(ownerId, Worksheet.KLANTGROEPEN.id())
                .map(d -> Payloads.readPurchases(d.getPayload()).customers())
                .orElse(List.of());
    }
}
