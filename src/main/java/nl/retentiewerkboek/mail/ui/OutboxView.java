package nl.retentiewerkboek.mail.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import nl.retentiewerkboek.mail.MailOutbox;
import nl.retentiewerkboek.metrics.LocaleNumbers;

/**
 * "Verzonden e-mail" for the beheerder: every mail the app wrote, newest first, with where it stands (sent, waiting for
 * SMTP, failed and retried, expired) and its text.
 */
@Route("beheer/e-mail")
@Menu(title = "nav.mail", order = 32, icon = "vaadin:envelope-o")
@RolesAllowed("BEHEERDER")
class OutboxView extends Main implements HasDynamicTitle {

    private static final int SHOWN = 200;

    OutboxView(MailOutbox outbox, Clock clock) {
        addClassName("cohorts-view");
        setId("outbox");
        add(new H1(getTranslation("outbox.title")));
        Paragraph smtp = new Paragraph(getTranslation(outbox.smtpConfigured() ? "outbox.smtp" : "outbox.no-smtp"));
        smtp.setId("outbox-smtp");
        smtp.addClassName("notice");
        add(smtp);
        List<MailOutbox.Entry> mails = outbox.recent(SHOWN);
        if (mails.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("outbox.empty"));
            none.setId("outbox-empty");
            add(none);
            return;
        }
        Div list = new Div();
        list.addClassName("outbox-list");
        for (MailOutbox.Entry mail : mails) {
            list.add(entry(mail, clock));
        }
        add(list);
    }

    private Details entry(MailOutbox.Entry mail, Clock clock) {
        Locale locale = getLocale();
        Div summary = new Div();
        summary.addClassName("outbox-summary");
        Span when = new Span(dateTime(mail.createdAt(), clock, locale));
        when.addClassName("result-sub");
        Span to = new Span(getTranslation("outbox.recipient") + ": " + mail.recipient());
        Span subject = new Span(mail.subject());
        subject.addClassName("outbox-subject");
        Span status = new Span(status(mail, clock, locale));
        status.addClassName("outbox-status");
        status.getElement().setAttribute("data-status", mail.status().name());
        summary.add(when, subject, to, status);
        Pre text = new Pre(mail.text());
        text.addClassName("outbox-text");
        Details details = new Details(summary, text);
        details.setId("outbox-mail-" + mail.id());
        details.addClassName("cohort-card");
        return details;
    }

    private String status(MailOutbox.Entry mail, Clock clock, Locale locale) {
        String key = "outbox.status." + mail.status().name();
        return switch (mail.status()) {
            case SENT ->
                getTranslation(
                        key, mail.sentAt().map(t -> dateTime(t, clock, locale)).orElse(""));
            case RETRYING ->
                getTranslation(
                        key,
                        mail.attempts(),
                        mail.lastError().orElse(""),
                        dateTime(mail.nextAttemptAt(), clock, locale));
            default -> getTranslation(key);
        };
    }

    private static String dateTime(Instant instant, Clock clock, Locale locale) {
        return LocaleNumbers.dateTime(instant, clock.getZone(), locale);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " · " + getTranslation("app.title");
    }
}
