package nl.retentiewerkboek.settings;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code app.*} setting in one typed place (application.properties documents each). The one
 * exception is {@code app.restore-from}, which the data folder reads before any bean exists.
 *
 * @param demoData   demo accounts and a demo cohort on the first start (the {@code demo} profile)
 * @param contentDir folder with the lessons; empty: ./content if present, else the packed lessons
 * @param timeZone   the zone of every date and time the app shows or computes with
 */
@ConfigurationProperties(prefix = "app")
public record AppSettings(
        @DefaultValue("false") boolean demoData,
        @DefaultValue("") String contentDir,
        @DefaultValue("Europe/Amsterdam") ZoneId timeZone,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue Backup backup,
        @DefaultValue Imports imports,
        @DefaultValue Erase erase) {

    /** The first beheerder on a database without one. */
    public record BootstrapAdmin(
            @DefaultValue("") String username,
            @DefaultValue("") String password) {}

    /** Nightly backups: folder (empty: "backups" beside the database file), how many kept, when. */
    public record Backup(
            @DefaultValue("") String dir,
            @DefaultValue("7") int keep,
            @DefaultValue("0 15 3 * * *") String cron) {}

    /** Uploads: files read at once on the server (0: half the cores, at least one), and the wait for a turn. */
    public record Imports(
            @DefaultValue("0") int parallel,
            @DefaultValue("90s") Duration maxWait) {}

    /** After a deletion: how long to wait before compacting the H2 file, and its time limit. */
    public record Erase(
            @DefaultValue("5s") Duration compactDelay,
            @DefaultValue("10s") Duration compactMax) {}
}
