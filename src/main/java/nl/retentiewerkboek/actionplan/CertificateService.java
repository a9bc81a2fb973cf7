package nl.retentiewerkboek.actionplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.base.FileNames;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.workbook.ModuleProgress;
import nl.retentiewerkboek.workbook.ParticipationCertificate;
import nl.retentiewerkboek.workbook.WorkbookProgress;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The certificate of participation: a one-page PDF with the participant's name, company, cohort, the day it is made,
 * the trainer and the modules finished. Only a participant gets one, only their own, and only once every module open
 * to them is done (lesson read and worksheet complete); a trainer's demo workbook gets none.
 *
 * <p>A participant who is in no cohort (they signed up without a join code) still gets a certificate once all modules
 * are done: they did the work, and a serious product does not withhold that. Their certificate says they finished
 * the workbook's modules and leaves out the cohort and trainer lines, rather than name a group or a trainer they
 * never had.
 */
@Service
public class CertificateService implements ParticipationCertificate {

    private static final String PARTICIPANT = "hasRole('" + AppRoles.DEELNEMER + "')";

    private final WorkbookService workbook;
    private final AccountService accounts;
    private final PlanCohorts cohorts;
    private final AppI18NProvider i18n;
    private final Clock clock;

    CertificateService(
            WorkbookService workbook, AccountService accounts, PlanCohorts cohorts, AppI18NProvider i18n, Clock clock) {
        this.workbook = workbook;
        this.accounts = accounts;
        this.cohorts = cohorts;
        this.i18n = i18n;
        this.clock = clock;
    }

    /** Asked for a certificate before every open module is done. */
    public static final class NotFinishedException extends IllegalStateException {
        private final int done;
        private final int total;

        NotFinishedException(int done, int total) {
            super("certificate asked for with " + done + " of " + total + " modules done");
            this.done = done;
            this.total = total;
        }

        /** Modules done. */
        public int done() {
            return done;
        }

        /** Modules open to the participant. */
        public int total() {
            return total;
        }
    }

    /** Whether the signed-in participant has finished every module open to them, so may download their certificate. */
    @PreAuthorize(PARTICIPANT)
    public boolean isMyCertificateReady() {
        return finished(workbook.myProgress(AppI18NProvider.DUTCH));
    }

    /**
     * The signed-in participant's certificate of participation as a PDF, in the given language (Dutch or English;
     * any other falls back to Dutch).
     *
     * @throws NotFinishedException when a module open to them is not done yet (or none is open)
     */
    @PreAuthorize(PARTICIPANT)
    public byte[] myCertificatePdf(Locale locale) {
        Locale supported = AppI18NProvider.supported(locale);
        WorkbookProgress progress = workbook.myProgress(supported);
        if (!finished(progress)) {
            throw new NotFinishedException(progress.done(), progress.total());
        }
        UserSummary me = accounts.me().orElseThrow();
        List<String> modules =
                progress.modules().stream().map(m -> m.lesson().title()).toList();
        return CertificatePdf.render(new CertificatePdf.Content(
                me.displayName(),
                Optional.ofNullable(me.company()).filter(c -> !c.isBlank()),
                cohorts.cohortAndTrainerOf(me.id()),
                LocalDate.now(clock),
                modules,
                supported,
                (key, args) -> i18n.getTranslation(key, supported, args)));
    }

    /** The workbook page's completion moment asks through its port ({@link ParticipationCertificate}). */
    @Override
    @PreAuthorize(PARTICIPANT)
    public byte[] certificate(Locale locale) {
        return myCertificatePdf(locale);
    }

    /** The file name of a certificate download, e.g. {@code certificaat-dana-de-vries-2026-12-07.pdf}. */
    public static String fileName(String participant, LocalDate date, Locale locale) {
        String word = LocaleNumbers.isDutch(AppI18NProvider.supported(locale)) ? "certificaat" : "certificate";
        return FileNames.slug(word + "-" + participant) + "-" + date + ".pdf";
    }

    private static boolean finished(WorkbookProgress progress) {
        return progress.total() > 0 && progress.modules().stream().allMatch(ModuleProgress::done);
    }
}
