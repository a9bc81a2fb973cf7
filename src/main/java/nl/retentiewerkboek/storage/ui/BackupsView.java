package nl.retentiewerkboek.storage.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import nl.retentiewerkboek.metrics.LocaleNumbers;
import nl.retentiewerkboek.security.AppRoles;
import nl.retentiewerkboek.settings.AppSettings;
import nl.retentiewerkboek.storage.Backups;
import org.slf4j.LoggerFactory;

/** The beheerder's backups: the list, and "make one now". */
@Route("beheer/backups")
@Menu(title = "nav.backups", order = 31, icon = "vaadin:archive")
@RolesAllowed(AppRoles.BEHEERDER)
class BackupsView extends Main implements HasDynamicTitle {

    private final Backups backups;
    private final Clock clock;
    private final Div list = new Div();
    private final Paragraph message = new Paragraph();

    BackupsView(Backups backups, AppSettings settings, Clock clock) {
        int keep = settings.backup().keep();
        this.clock = clock;
        this.backups = backups;
        addClassName("cohorts-view");
        setId("backups");
        add(new H1(getTranslation("backups.title")));
        if (!backups.isSupported()) {
            Paragraph postgres = new Paragraph(getTranslation("backups.external"));
            postgres.setId("backups-external");
            add(postgres);
            return;
        }
        Paragraph intro = new Paragraph(
                getTranslation("backups.intro", keep, backups.folder().toString()));
        intro.addClassName("form-hint");
        message.setId("backups-message");
        message.getElement().setAttribute("role", "status");
        Button make = new Button(getTranslation("backups.make"), VaadinIcon.ARCHIVE.create(), e -> {
            try {
                Backups.Backup made = backups.makeNow();
                message.setText(getTranslation("backups.made", made.name()));
            } catch (RuntimeException ex) {
                LoggerFactory.getLogger(BackupsView.class).error("A backup asked for by the beheerder failed", ex);
                message.setText(getTranslation("backups.failed"));
            }
            showList();
        });
        make.setId("backups-make");
        make.addThemeVariants(ButtonVariant.PRIMARY);
        add(intro, make, message, list);
        showList();
    }

    private void showList() {
        list.removeAll();
        var all = backups.list();
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("backups.none")));
            return;
        }
        NativeTable table = new NativeTable();
        table.setId("backups-list");
        table.addClassName("lesson-table");
        NativeTableHeader head = new NativeTableHeader();
        head.add(new NativeTableRow(
                new NativeTableHeaderCell(getTranslation("backups.name")),
                new NativeTableHeaderCell(getTranslation("backups.when")),
                new NativeTableHeaderCell(getTranslation("backups.size"))));
        NativeTableBody body = new NativeTableBody();
        for (Backups.Backup b : all) {
            body.add(new NativeTableRow(
                    new NativeTableCell(b.name()),
                    new NativeTableCell(LocaleNumbers.dateTime(b.madeAt(), clock.getZone(), getLocale())),
                    new NativeTableCell(kilobytes(b.bytes()))));
        }
        table.add(head, body);
        list.add(table);
    }

    private String kilobytes(long bytes) {
        return LocaleNumbers.whole(BigDecimal.valueOf(Math.max(1, (bytes + 1023) / 1024)), getLocale()) + " kB";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("backups.title") + " · " + getTranslation("app.title");
    }
}
