package nl.retentiewerkboek.cohorts;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.retentiewerkboek.metrics.BegrotingResult;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.DraaideurResult;
import nl.retentiewerkboek.metrics.KostenResult;
import nl.retentiewerkboek.metrics.NpsResult;
import nl.retentiewerkboek.metrics.OffboardingResult;
import nl.retentiewerkboek.metrics.RedenenResult;
import nl.retentiewerkboek.metrics.RetentiemeterResult;
import nl.retentiewerkboek.metrics.TeamsportResult;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.workbook.WorkbookService;

/**
 * What the dashboard, the room screen and the trainer's export show of one participant, worked out once after each
 * change of their workbook: small results only (the customer groups as counts, not the uploaded customers).
 */
public record ParticipantFacts(
        Set<Worksheet> complete,
        Set<String> lessonsRead,
        Optional<RetentiemeterResult> retention,
        Optional<KostenResult> cost,
        Optional<DraaideurResult> door,
        Optional<NpsResult> nps,
        Optional<Map<CustomerGroup, Long>> groups,
        Optional<RedenenResult> reasons,
        Optional<TeamsportResult> team,
        Optional<OffboardingResult> offboarding,
        Optional<BegrotingResult> budget) {

    public ParticipantFacts {
        complete = Set.copyOf(complete);
        lessonsRead = Set.copyOf(lessonsRead);
    }

    static ParticipantFacts of(WorkbookService.Coached coached) {
        Workbook book = coached.workbook();
        return new ParticipantFacts(
                WorkbookService.complete(book),
                coached.lessonsRead(),
                book.retentiemeter().result(),
                book.kosten().result(),
                book.draaideur().result(),
                book.nps().result(),
                book.klantgroepen().result().map(r -> Map.copyOf(r.counts())),
                book.redenen().result(),
                book.teamsport().result(),
                book.offboarding().result(),
                book.begroting().result());
    }
}
