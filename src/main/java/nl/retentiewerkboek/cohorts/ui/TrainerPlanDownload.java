package nl.retentiewerkboek.cohorts.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import nl.retentiewerkboek.actionplan.ActionPlanService;
import nl.retentiewerkboek.cohorts.CohortOverview;

/** A participant's action plan as the trainer downloads it, from the dashboard or the participant view. */
final class TrainerPlanDownload {

    private TrainerPlanDownload() {}

    /** Renders the plan when the trainer clicks, named after the company (or the participant) and today's date. */
    static DownloadHandler of(ActionPlanService plans, CohortOverview.ParticipantRow row, Locale locale, Clock clock) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = plans.planPdfOf(row.id(), locale);
            return new DownloadResponse(
                    new ByteArrayInputStream(bytes),
                    ActionPlanService.fileName(
                            row.company().isBlank() ? row.name() : row.company(), LocalDate.now(clock)),
                    "application/pdf",
                    bytes.length);
        });
    }
}
