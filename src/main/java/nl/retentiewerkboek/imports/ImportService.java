package nl.retentiewerkboek.imports;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.retentiewerkboek.metrics.PurchaseData;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.CoachingAccess;
import nl.retentiewerkboek.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's uploaded customer data: read, summed and stored as only what the worksheets need;
 * visible to that participant (and their coach through the workbook), removable by them.
 */
@Service
@Transactional
public class ImportService {

    private final CustomerDataRepository data;
    private final CurrentUser currentUser;
    private final CoachingAccess coachingAccess;
    private final Clock clock;

    ImportService(CustomerDataRepository data, CurrentUser currentUser, CoachingAccess coachingAccess, Clock clock) {
        this.data = data;
        this.currentUser = currentUser;
        this.coachingAccess = coachingAccess;
        this.clock = clock;
    }

    /**
     * Reads a purchases export (W5) and keeps its per-customer sums, replacing an earlier upload.
     *
     * @throws ImportFailedException when the file cannot be used at all
     */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    public PurchaseImport importPurchases(InputStream in, String fileName) {
        long me = currentUser.requireId();
        PurchaseImport result = CsvImporter.purchases(in, fileName);
        byte[] payload = Payloads.write(new Payloads.Purchases(result.customers(), result.report().rejections()));
        store(me, Worksheet.KLANTGROEPEN, result.report(), result.customers().size(), result.latest(), payload);
        return result;
    }

    /**
     * Reads a survey export (W4): the counts per score go back to the screen, the doubters with a
     * name or contact are kept for the call list.
     */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    public ScoreImport importScores(InputStream in, String fileName) {
        long me = currentUser.requireId();
        ScoreImport result = CsvImporter.scores(in, fileName);
        byte[] payload = Payloads.write(new Payloads.Scores(result.doubters(), result.report().rejections()));
        store(me, Worksheet.NPS, result.report(), result.doubters().size(), null, payload);
        return result;
    }

    /** Reads a pasted list of scores; nothing is stored but what the screen saves as counts. */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    @Transactional(readOnly = true)
    public ScoreImport readPastedScores(String text) {
        return CsvImporter.pastedScores(text == null ? "" : text);
    }

    private void store(long owner, Worksheet worksheet, ImportReport report, long customers, java.time.LocalDate latest,
                       byte[] payload) {
        CustomerData row = data.findByOwnerIdAndWorksheet(owner, worksheet.id())
                .orElseGet(() -> new CustomerData(owner, worksheet.id()));
        row.replace(report.fileName() == null ? "" : report.fileName(), report.rowsRead(), report.rowsRejected(), customers,
                latest, payload, Instant.now(clock));
        data.save(row);
    }

    /** What is stored of the signed-in participant's upload for a worksheet. */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    @Transactional(readOnly = true)
    public Optional<ImportSummary> mySummary(Worksheet worksheet) {
        return data.findSummary(currentUser.requireId(), worksheet.id());
    }

    /** The rows of the signed-in participant's upload that were not used (at most the first thousand). */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    @Transactional(readOnly = true)
    public List<RowRejection> myRejections(Worksheet worksheet) {
        return data.findByOwnerIdAndWorksheet(currentUser.requireId(), worksheet.id())
                .map(d -> worksheet == Worksheet.NPS ? Payloads.readScores(d.getPayload()).rejections()
                        : Payloads.readPurchases(d.getPayload()).rejections())
                .orElse(List.of());
    }

    /** The signed-in participant's doubters to call (W4 upload with names). */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    @Transactional(readOnly = true)
    public List<Doubter> myDoubters() {
        return data.findByOwnerIdAndWorksheet(currentUser.requireId(), Worksheet.NPS.id())
                .map(d -> Payloads.readScores(d.getPayload()).doubters()).orElse(List.of());
    }

    /** Removes what is stored of the signed-in participant's upload for a worksheet. */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    public void deleteMine(Worksheet worksheet) {
        data.deleteByOwner(currentUser.requireId(), worksheet.id());
    }

    /**
     * A participant's uploaded purchases for W5, for that participant or a coach allowed to see
     * them; the customers are loaded only when a calculation asks for them.
     */
    @Transactional(readOnly = true)
    public Optional<PurchaseData> purchaseData(long ownerId) {
        long me = currentUser.requireId();
        if (me != ownerId && !coachingAccess.maySee(me, ownerId)) {
            throw new AccessDeniedException("not your data");
        }
        return data.findSummary(ownerId, Worksheet.KLANTGROEPEN.id())
                .map(s -> new PurchaseData(s.customers(), s.latestDate(), () -> loadCustomers(ownerId)));
    }

    private List<nl.retentiewerkboek.metrics.CustomerStats> loadCustomers(long ownerId) {
        return data.findByOwnerIdAndWorksheet(ownerId, Worksheet.KLANTGROEPEN.id())
                .map(d -> Payloads.readPurchases(d.getPayload()).customers()).orElse(List.of());
    }
}
