package nl.retentiewerkboek.actionplan;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.base.FileNames;
import nl.retentiewerkboek.metrics.MeasurementHistory;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Suggested actions and the PDF action plan. A participant gets their own; a trainer only the plans
 * of their own cohorts' participants (checked by the workbook's coaching rules).
 */
@Service
public class ActionPlanService {

    private final WorkbookService workbook;
    private final AccountService accounts;
    private final PlanCohorts cohorts;
    private final AppI18NProvider i18n;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ActionPlanService(
            WorkbookService workbook,
            AccountService accounts,
            PlanCohorts cohorts,
            AppI18NProvider i18n,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.workbook = workbook;
        this.accounts = accounts;
        this.cohorts = cohorts;
        this.i18n = i18n;
        this.clock = clock;
    }

    /** The actions suggested by the signed-in participant's results. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    public List<Suggestion> mySuggestions(Locale locale) {
        return Suggestions.suggest(workbook.myWorkbook(), locale, key -> i18n.getTranslation(key, locale));
    }

    /** The signed-in participant's action plan as a PDF. */
    @PreAuthorize(AppRoles.HAS_WORKBOOK)
    public byte[] myPlanPdf(Locale locale) {
        UserSummary me = accounts.me().orElseThrow();
        byte[] pdf = PlanPdf.render(content(
                me,
                workbook.myWorkbook(),
                cohorts.cohortNameOf(me.id()),
                locale,
                workbook.myMeasurements(),
                workbook.myAnsweredReflections(AppI18NProvider.supported(locale))));
        events.publishEvent(new PlanDownloaded(me.id(), Instant.now(clock)));
        return pdf;
    }

    /** A participant's action plan as a PDF, for their trainer. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public byte[] planPdfOf(long participantId, Locale locale) {
        Workbook book = workbook.workbookOf(participantId);
        UserSummary participant =
                accounts.summaries(List.of(participantId)).stream().findFirst().orElseThrow();
        return PlanPdf.render(content(
                participant,
                book,
                cohorts.cohortNameOf(participantId),
                locale,
                workbook.measurementsOf(participantId),
                workbook.reflectionsOf(participantId, AppI18NProvider.supported(locale))));
    }

    private PlanContent content(
            UserSummary who,
            Workbook book,
            Optional<String> cohort,
            Locale locale,
            List<WorkbookService.Measurement> measurements,
            List<WorkbookService.Reflections> reflections) {
        Locale supported = AppI18NProvider.supported(locale);
        return new PlanContent(
                who.displayName(),
                Optional.ofNullable(who.company()),
                cohort,
                LocalDate.now(clock),
                supported,
                book,
                ActionTexts.inLanguage(ActionPlan.read(book.answers(Worksheet.ACTIEPLAN)), book, supported, i18n),
                (key, args) -> i18n.getTranslation(key, supported, args),
                MeasurementHistory.of(measurements.stream()
                        .map(WorkbookService.Measurement::input)
                        .toList()),
                reflections);
    }

    /**
     * Every participant's plan of one of the signed-in trainer's cohorts, as one ZIP written straight
     * to {@code out}: one plan is in memory at a time, whatever the cohort's size.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public void writeCohortPlansZip(long cohortId, Locale locale, OutputStream out) throws IOException {
        Set<String> names = new HashSet<>();
        List<UserSummary> participants = cohorts.participantsOf(cohortId);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            writePlans(participants, locale, names, zip);
        }
    }

    private void writePlans(List<UserSummary> participants, Locale locale, Set<String> names, ZipOutputStream zip)
            throws IOException {
        for (UserSummary participant : participants) {
            String name = fileName(
                    participant.company() == null ? participant.displayName() : participant.company(),
                    LocalDate.now(clock));
            while (!names.add(name)) {
                name = name.replace(".pdf", "-" + participant.id() + ".pdf");
            }
            byte[] pdf = planPdfOf(participant.id(), locale);
            zip.putNextEntry(new ZipEntry(name));
            zip.write(pdf);
            zip.closeEntry();
        }
    }

    /** The file name of a plan download. */
    public static String fileName(String company, LocalDate date) {
        String base = company == null || company.isBlank() ? "actieplan" : "actieplan-" + company;
        return FileNames.slug(base) + "-" + date + ".pdf";
    }
}
