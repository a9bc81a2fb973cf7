package nl.retentiewerkboek.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.retentiewerkboek.metrics.Dates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One export per survey tool (src/test/resources/imports/presets, sources in its README): the 0–10 column found by
 * its answers or its question, extra header rows and partial or empty responses skipped and counted, the name from
 * one or two columns, and the doubters to call, as counted by hand from the same files.
 */
class SurveyFixturesTest {

    static Stream<Arguments> surveys() {
        return Stream.of(
                Arguments.of("typeform-nps.csv", "0,0,0,1,1,1,2,0,1,2,2", "PARTIAL=1,NO_ANSWER=1", """
                        Renée de Vries|renee.devries@example.com|6|2026-09-01T12:42:05
                        Sanne Müller|s.muller@example.nl|4|2026-09-03T07:57:48
                        Thijs Visser|thijs.visser@example.nl|5|2026-09-06T16:21:40
                        Chloé Mulder|chloe.mulder@example.nl|6|2026-09-11T20:50:19"""),
                Arguments.of("googleforms-nps.csv", "1,0,0,0,1,1,1,1,1,2,2", "NO_ANSWER=1", """
                        Sanne Müller|s.muller@example.nl|5|2026-09-14T13:15:03
                        Thijs Visser|thijs.visser@example.nl|6|2026-09-17T07:30:21
                        Chloé Mulder|chloe.mulder@example.nl|4|2026-09-25T16:44:44"""),
                Arguments.of("surveymonkey-nps.csv", "0,0,1,0,1,1,1,1,1,2,1", "EXTRA_HEADER=1,NO_ANSWER=2", """
                        Renée de Vries|renee.devries@example.com|4|2026-09-01T09:18:03
                        Joëlle van den Berg|joelle.vandenberg@example.com|6|2026-09-08T15:48:12
                        Daniëlle Bakker|danielle.bakker@example.nl|5|2026-09-28T09:03:50"""),
                Arguments.of("qualtrics-nps.csv", "0,1,0,0,1,1,1,1,1,1,2", "EXTRA_HEADER=2,PARTIAL=1,NO_ANSWER=1", """
                        Renée de Vries|renee.devries@example.com|5|2026-09-02T11:34:06
                        Thijs Visser|thijs.visser@example.nl|6|2026-09-06T17:05:49
                        Daniëlle Bakker|danielle.bakker@example.nl|4|2026-09-15T19:22:04"""),
                Arguments.of("hotjar-nps.csv", "0,0,0,1,1,1,1,1,1,1,2", "NO_ANSWER=1", """
                        Renée|renee.devries@example.com|6|2026-09-03T12:40:05
                        Sanne Müller||5|2026-09-10T16:20
                        Thijs Visser|thijs.visser@example.nl|4|2026-09-19T10:00:09"""));
    }

    private static ScoreImport read(String file) throws IOException {
        try (InputStream in = SurveyFixturesTest.class.getResourceAsStream("/imports/presets/" + file)) {
            return CsvImporter.scores(in, file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surveys")
    void every_survey_tool_gives_the_scores_and_doubters_counted_by_hand(
            String file, String counts, String skipped, String doubters) throws IOException {
        ScoreImport result = read(file);
        long[] expected =
                Arrays.stream(counts.split(",")).mapToLong(Long::parseLong).toArray();
        assertThat(result.counts()).containsExactly(expected);
        Map<SkipReason, Long> expectedSkips = new EnumMap<>(SkipReason.class);
        for (String part : skipped.split(",")) {
            String[] kv = part.split("=");
            expectedSkips.put(SkipReason.valueOf(kv[0]), Long.parseLong(kv[1]));
        }
        assertThat(new HashMap<>(result.report().skipped())).isEqualTo(new HashMap<>(expectedSkips));
        assertThat(result.report().rowsRejected()).isZero();
        assertThat(result.report().purchases())
                .isEqualTo(Arrays.stream(expected).sum());
        assertThat(result.doubters())
                .extracting(d -> d.name() + "|" + d.contact() + "|" + d.score() + "|"
                        + d.answeredAt()
                                .map(Object::toString)
                                .orElse(d.answered().map(Object::toString).orElse("")))
                .containsExactlyInAnyOrder(
                        doubters.strip().lines().map(String::strip).toArray(String[]::new));
    }

    @Test
    void the_time_of_an_answer_is_read_as_each_tool_writes_it_and_the_call_is_due_48_hours_later() {
        assertThat(Dates.timeOfDay("2026-09-01 12:42:05")).contains(LocalTime.of(12, 42, 5));
        assertThat(Dates.timeOfDay("2026-09-01T12:42:05Z")).contains(LocalTime.of(12, 42, 5));
        assertThat(Dates.timeOfDay("2026/09/14 1:15:03 PM GMT+2")).contains(LocalTime.of(13, 15, 3));
        assertThat(Dates.timeOfDay("09/01/2026 12:05:00 AM")).contains(LocalTime.of(0, 5));
        assertThat(Dates.timeOfDay("09/01/2026 12:05 PM")).contains(LocalTime.of(12, 5));
        assertThat(Dates.timeOfDay("1-9-2026 9:15")).contains(LocalTime.of(9, 15));
        assertThat(Dates.timeOfDay("2026-09-01")).isEmpty();
        assertThat(Dates.timeOfDay("2026-09-01 25:00")).isEmpty();
        assertThat(Dates.timeOfDay("2026-09-01 middag")).isEmpty();
        Doubter d = new Doubter(
                "Renée", "", 6, Optional.of(LocalDate.of(2026, 9, 1)), Optional.of(LocalTime.of(12, 42, 5)));
        assertThat(d.respondByAt()).contains(LocalDateTime.of(2026, 9, 3, 12, 42, 5));
        assertThat(d.respondBy()).contains(LocalDate.of(2026, 9, 3));
        // Typeform writes its submit time in UTC, and says so: read in Amsterdam, 23:30 UTC is 01:30 the next day
        String typeform = "#,Hoe waarschijnlijk beveel je ons aan?,Naam,Submit Date (UTC)\n"
                + "r1,5,Anna,2026-09-11 23:30:00\nr2,6,Bart,2026-01-15 08:00:00\n";
        ScoreImport amsterdam = CsvImporter.scores(
                        CsvImporter.bytes(typeform), "t.csv", null, Map.of(), ZoneId.of("Europe/Amsterdam"))
                .orThrow();
        assertThat(amsterdam.doubters())
                .extracting(x -> x.answeredAt().orElseThrow())
                .containsExactlyInAnyOrder(LocalDateTime.of(2026, 9, 12, 1, 30), LocalDateTime.of(2026, 1, 15, 9, 0));
        // a column without a zone is taken as written
        String forms = "Tijdstempel,Hoe waarschijnlijk beveel je ons aan?,Naam\n1-9-2026 23:30:00,5,Anna\n";
        assertThat(CsvImporter.scores(CsvImporter.bytes(forms), "f.csv", null, Map.of(), ZoneId.of("Europe/Amsterdam"))
                        .orThrow()
                        .doubters()
                        .getFirst()
                        .answeredAt())
                .contains(LocalDateTime.of(2026, 9, 1, 23, 30));
        // a kept call list keeps the time through storing and reading
        Payloads.Scores stored = Payloads.readScores(Payloads.write(new Payloads.Scores(List.of(d), List.of(), 1)));
        assertThat(stored.doubters()).containsExactly(d);
    }

    @Test
    void qualtrics_numeric_values_a_low_scoring_pilot_and_a_typing_error_in_the_first_answers() {
        // Qualtrics' "numeric values" export: Status 0 and Finished 1 are no scores; Q1 is, as Q1_NPS_GROUP says
        String qualtrics = "StartDate,Status,Progress,Finished,RecipientFirstName,RecipientLastName,Q1,Q1_NPS_GROUP\n"
                + "Start Date,Response Type,Progress,Finished,First,Last,Hoe waarschijnlijk…?,Hoe waarschijnlijk… - Group\n"
                + "{\"\"ImportId\"\":\"\"startDate\"\"},x,x,x,x,x,{\"\"ImportId\"\":\"\"QID1\"\"},x\n"
                + "2026-09-01 10:00:00,0,100,1,Anna,Bos,9,3\n"
                + "2026-09-02 10:00:00,0,100,1,Bart,Smit,5,1\n"
                + "2026-09-03 10:00:00,0,40,0,Cas,Vos,6,1\n";
        ScoreImport q = CsvImporter.scores(CsvImporter.bytes(qualtrics), "numeric.csv");
        assertThat(q.counts()[9]).isEqualTo(1);
        assertThat(q.counts()[5]).isEqualTo(1);
        assertThat(new HashMap<>(q.report().skipped()))
                .isEqualTo(Map.of(SkipReason.EXTRA_HEADER, 2L, SkipReason.PARTIAL, 1L));
        assertThat(q.doubters()).extracting(Doubter::name).containsExactly("Bart Smit");

        // a small pilot scoring low under a header that says it is a score is an NPS, not stars
        StringBuilder pilot = new StringBuilder("Naam;Score (0-10)\n");
        for (int i = 0; i < 25; i++) {
            pilot.append("Klant ").append(i).append(';').append(1 + i % 5).append('\n');
        }
        assertThat(CsvImporter.scores(CsvImporter.bytes(pilot.toString()), "pilot.csv")
                        .report()
                        .purchases())
                .isEqualTo(25);

        // a typing error among the first answers is rejected with its line, not taken for a header row
        ScoreImport typo = CsvImporter.scores(
                CsvImporter.bytes("naam;score;datum\nAnna;tien;2026-09-01\nBart;8;2026-09-02\n"), "typo.csv");
        assertThat(typo.report().rejections()).extracting(RowRejection::line).containsExactly(2L);
        assertThat(typo.report().skipped()).isEmpty();
    }

    @Test
    void a_star_rating_is_not_an_nps() {
        assertThatThrownBy(() -> read("trustpilot-stars.csv"))
                .isInstanceOfSatisfying(
                        ImportFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImportFailedException.Reason.STAR_RATING));
    }

    @Test
    void in_the_mapping_step_a_star_column_chosen_by_hand_is_still_no_nps_and_a_stored_choice_follows_the_names() {
        StringBuilder file = new StringBuilder("Naam;Sterren;Cijfer\n");
        for (int i = 0; i < 30; i++) {
            file.append("Klant ")
                    .append(i)
                    .append(';')
                    .append(1 + i % 5)
                    .append(';')
                    .append(i % 11)
                    .append('\n');
        }
        ScoreRead found = CsvImporter.scores(CsvImporter.bytes(file.toString()), "x.csv", null, Map.of(), null);
        assertThat(found.mapping().score()).isEqualTo(2); // "cijfer" names a score
        assertThat(found.result()).isPresent();
        ScoreRead stars = CsvImporter.scores(
                CsvImporter.bytes(file.toString()), "x.csv", found.mapping().withScore(1), Map.of(), null);
        assertThat(stars.result()).isEmpty();
        assertThat(stars.failure().orElseThrow().reason()).isEqualTo(ImportFailedException.Reason.STAR_RATING);
        assertThat(stars.preview()).hasSize(8); // the rows as written, to choose another column from
        // chosen away and back again, or remembered: still stars
        ScoreRead back = CsvImporter.scores(
                CsvImporter.bytes(file.toString()),
                "x.csv",
                found.mapping().withScore(0).withScore(1),
                Map.of(),
                null);
        assertThat(back.failure().orElseThrow().reason()).isEqualTo(ImportFailedException.Reason.STAR_RATING);

        // a remembered choice finds its columns by name, wherever they are in the next file
        String typeform = "#,Hoe tevreden?,Hoe waarschijnlijk beveel je ons aan?,Naam,Submit Date (UTC)\n"
                + "r1,8,9,Anna,2026-10-01 09:15:00\n";
        ScoreRead first = CsvImporter.scores(CsvImporter.bytes(typeform), "t.csv", null, Map.of(), null);
        assertThat(first.mapping().system()).isEqualTo("typeform");
        assertThat(first.mapping().score()).isEqualTo(2);
        String stored = first.mapping().withScore(1).withDate(-1).stored(first.header());
        String moved = "#,Naam,Hoe waarschijnlijk beveel je ons aan?,Hoe tevreden?,Submit Date (UTC)\n"
                + "r1,Anna,9,8,2026-10-01 09:15:00\n";
        ScoreRead next = CsvImporter.scores(CsvImporter.bytes(moved), "t2.csv", null, Map.of("typeform", stored), null);
        assertThat(next.mapping().score()).isEqualTo(3);
        assertThat(next.mapping().date()).isEqualTo(-1); // "none" stays none
        assertThat(next.mapping().name()).isEqualTo(1);
        assertThat(next.orThrow().counts()[8]).isEqualTo(1);
    }
}
