package nl.retentiewerkboek.actionplan;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.security.UserSummary;
import nl.retentiewerkboek.workbook.ParticipationCertificate;
import nl.retentiewerkboek.workbook.WorkbookProgress;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The certificate of participation: one A4 page with the participant's name, company, group, trainer, the day and the
 * modules they finished. A participant gets only their own, and only once every module open to them is done.
 */
@Service
public class CertificateService implements ParticipationCertificate {

    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color MUTED = new Color(0x4b, 0x55, 0x63);
    private static final Color BRAND = new Color(0x0f, 0x5c, 0x63);

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

    /** What the certificate says. */
    record Content(
            String participant,
            Optional<String> company,
            Optional<String> cohort,
            Optional<String> trainer,
            LocalDate date,
            List<String> modules,
            Locale locale) {}

    /**
     * The signed-in participant's certificate as a PDF.
     *
     * @throws AccessDeniedException for a trainer's or beheerder's demo workbook, or while a module open to the
     *     participant is not done
     */
    @Override
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    public byte[] certificate(Locale locale) {
        Locale supported = AppI18NProvider.supported(locale);
        UserSummary me = accounts.me().orElseThrow(() -> new AccessDeniedException("not signed in"));
        WorkbookProgress progress = workbook.myProgress(supported);
        if (!progress.allDone()) {
            throw new AccessDeniedException("the certificate comes once every open module is done");
        }
        Content content = new Content(
                me.displayName(),
                Optional.ofNullable(me.company()).filter(c -> !c.isBlank()),
                cohorts.cohortNameOf(me.id()),
                cohorts.trainerNameOf(me.id()),
                LocalDate.now(clock),
                progress.modules().stream().map(m -> m.lesson().title()).toList(),
                supported);
        return render(content, (key, args) -> i18n.getTranslation(key, supported, args));
    }

    static byte[] render(Content c, BiFunction<String, Object[], String> t) {
        BaseFont regular = font("DejaVuSans.ttf");
        BaseFont bold = font("DejaVuSans-Bold.ttf");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 64, 64, 90, 64);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        String title = t.apply("certificate.title", new Object[0]);
        document.addTitle(title + " – " + c.participant());
        document.addAuthor("Retentiewerkboek");
        document.addCreator("Retentiewerkboek");
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(c.locale().toLanguageTag()));

        document.add(centred(
                t.apply("pdf.kicker", new Object[0]).toUpperCase(c.locale()),
                new Font(bold, 10, Font.NORMAL, MUTED),
                0));
        document.add(centred(title, new Font(bold, 28, Font.NORMAL, BRAND), 12));
        document.add(
                centred(t.apply("certificate.awarded", new Object[0]), new Font(regular, 12, Font.NORMAL, MUTED), 40));
        document.add(centred(c.participant(), new Font(bold, 22, Font.NORMAL, INK), 10));
        c.company().ifPresent(company -> document.add(centred(company, new Font(regular, 14, Font.NORMAL, INK), 6)));
        Font text = new Font(regular, 11, Font.NORMAL, INK);
        document.add(
                centred(t.apply("certificate.text", new Object[] {c.modules().size()}), text, 36));
        Paragraph modules = new Paragraph();
        modules.setSpacingBefore(14);
        modules.setAlignment(Element.ALIGN_CENTER);
        Font moduleFont = new Font(regular, 10.5f, Font.NORMAL, INK);
        for (int i = 0; i < c.modules().size(); i++) {
            modules.add(new Paragraph((i + 1) + ". " + c.modules().get(i), moduleFont));
        }
        document.add(modules);
        Font details = new Font(regular, 10.5f, Font.NORMAL, MUTED);
        c.cohort()
                .ifPresent(cohort ->
                        document.add(centred(t.apply("certificate.cohort", new Object[] {cohort}), details, 36)));
        c.trainer()
                .ifPresent(trainer ->
                        document.add(centred(t.apply("certificate.trainer", new Object[] {trainer}), details, 4)));
        document.add(centred(
                t.apply("certificate.date", new Object[] {LocaleNumbers.date(c.date(), c.locale())}), details, 4));
        document.close();
        return out.toByteArray();
    }

    private static Paragraph centred(String text, Font font, float before) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        return p;
    }

    private static BaseFont font(String name) {
        try (InputStream in = CertificateService.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + name);
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the embedded fonts cannot be read", e);
        }
    }
}
