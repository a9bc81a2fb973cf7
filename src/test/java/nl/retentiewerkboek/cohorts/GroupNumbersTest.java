package nl.retentiewerkboek.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.retentiewerkboek.metrics.CustomerGroup;
import nl.retentiewerkboek.metrics.LeaveReason;
import nl.retentiewerkboek.metrics.RedenenResult;
import org.junit.jupiter.api.Test;

/** The room's aggregates: each company counts once, and nothing shows below five participants. */
class GroupNumbersTest {

    private static ParticipantFacts facts(Optional<Map<CustomerGroup, Long>> groups, Optional<RedenenResult> reasons) {
        return new ParticipantFacts(
                Set.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                groups,
                reasons,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static RedenenResult lost(long frustration, long competitor, LeaveReason named) {
        var byReason = List.of(new RedenenResult.ReasonCount(named, "", frustration + competitor));
        return new RedenenResult(
                frustration + competitor,
                Map.of(
                        LeaveReason.Category.FRUSTRATIE, frustration,
                        LeaveReason.Category.CONCURRENT, competitor,
                        LeaveReason.Category.OVERIG, 0L),
                byReason,
                byReason);
    }

    @Test
    void one_company_that_lost_many_customers_does_not_set_the_group_s_reasons() {
        List<ParticipantFacts> room = new ArrayList<>();
        room.add(facts(Optional.empty(), Optional.of(lost(90, 10, LeaveReason.SERVICE))));
        for (int i = 0; i < 4; i++) {
            room.add(facts(Optional.empty(), Optional.of(lost(0, 1, LeaveReason.PRIJS))));
        }
        GroupNumbers.Reasons reasons = GroupNumbers.of(room).reasons().value().orElseThrow();
        // per company: 90 % and 0 % four times -> 18 %; 10 % and 100 % four times -> 82 %
        assertThat(reasons.shares().get(LeaveReason.Category.FRUSTRATIE)).isEqualByComparingTo("18");
        assertThat(reasons.shares().get(LeaveReason.Category.CONCURRENT)).isEqualByComparingTo("82");
        assertThat(reasons.mostNamed())
                .containsExactly(
                        new GroupNumbers.Named(LeaveReason.PRIJS, 4), new GroupNumbers.Named(LeaveReason.SERVICE, 1));
    }

    @Test
    void the_groups_are_averaged_per_company_and_wait_for_the_fifth() {
        List<ParticipantFacts> room = new ArrayList<>();
        Map<CustomerGroup, Long> big = Map.of(
                CustomerGroup.EENMALIG,
                1000L,
                CustomerGroup.HERHAAL,
                0L,
                CustomerGroup.LOYAAL,
                0L,
                CustomerGroup.INACTIEF,
                0L);
        Map<CustomerGroup, Long> small = Map.of(
                CustomerGroup.EENMALIG,
                0L,
                CustomerGroup.HERHAAL,
                0L,
                CustomerGroup.LOYAAL,
                5L,
                CustomerGroup.INACTIEF,
                5L);
        room.add(facts(Optional.of(big), Optional.empty()));
        for (int i = 0; i < 3; i++) {
            room.add(facts(Optional.of(small), Optional.empty()));
        }
        GroupNumbers four = GroupNumbers.of(room);
        assertThat(four.groups().value()).isEmpty();
        assertThat(four.groups().needed()).isEqualTo(1);
        room.add(facts(Optional.of(small), Optional.empty()));
        Map<CustomerGroup, BigDecimal> shares =
                GroupNumbers.of(room).groups().value().orElseThrow();
        // (100 + 0 + 0 + 0 + 0) / 5 = 20 % one-time buyers; (0 + 50 × 4) / 5 = 40 % loyal and 40 % inactive
        assertThat(shares.get(CustomerGroup.EENMALIG)).isEqualByComparingTo("20");
        assertThat(shares.get(CustomerGroup.LOYAAL)).isEqualByComparingTo("40");
        assertThat(shares.get(CustomerGroup.INACTIEF)).isEqualByComparingTo("40");
        assertThat(shares.get(CustomerGroup.HERHAAL)).isEqualByComparingTo("0");
    }
}
