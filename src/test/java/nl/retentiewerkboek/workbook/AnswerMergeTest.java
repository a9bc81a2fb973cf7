package nl.retentiewerkboek.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AnswerMergeTest {

    @Test
    void a_field_the_other_screen_changed_stays_when_this_screen_changed_another() {
        var result = AnswerMerge.merge(
                Map.of("start", "200"), Map.of("start", "200", "new", "30"), Map.of("start", "999", "end", "190"));
        assertThat(result.merged())
                .containsExactlyInAnyOrderEntriesOf(Map.of("start", "999", "new", "30", "end", "190"));
        assertThat(result.conflicts()).isEmpty();
        assertThat(result.changesStored()).isTrue();
    }

    @Test
    void the_same_field_changed_on_both_sides_is_a_conflict_and_the_stored_value_stays() {
        var result = AnswerMerge.merge(Map.of("start", "200"), Map.of("start", "250"), Map.of("start", "300"));
        assertThat(result.merged()).containsEntry("start", "300");
        assertThat(result.conflicts()).containsExactly(new AnswerMerge.FieldConflict("start", "250", "300"));
        assertThat(result.changesStored()).isFalse();
    }

    @Test
    void both_sides_typing_the_same_value_is_no_conflict() {
        var result = AnswerMerge.merge(Map.of("start", "200"), Map.of("start", "250"), Map.of("start", "250"));
        assertThat(result.conflicts()).isEmpty();
        assertThat(result.merged()).containsEntry("start", "250");
    }

    @Test
    void clearing_a_field_removes_it_and_empty_counts_as_missing() {
        var result = AnswerMerge.merge(
                Map.of("start", "200", "new", "30"),
                Map.of("start", "", "new", "30"),
                Map.of("start", "200", "new", "30"));
        assertThat(result.merged()).doesNotContainKey("start").containsEntry("new", "30");
        assertThat(AnswerMerge.sameFields(Map.of("a", ""), Map.of())).isTrue();
    }

    @Test
    void removing_a_field_the_other_side_changed_is_a_conflict() {
        var result = AnswerMerge.merge(Map.of("owner", "Els"), Map.of(), Map.of("owner", "Piet"));
        assertThat(result.conflicts()).containsExactly(new AnswerMerge.FieldConflict("owner", "", "Piet"));
        assertThat(result.merged()).containsEntry("owner", "Piet");
    }

    /** Two screens that each change their own fields, saving in any order, end with both sets of changes. */
    @Property(tries = 200)
    void changes_to_different_fields_never_lose_either_side(
            @ForAll @IntRange(min = 0, max = 9) int a,
            @ForAll @IntRange(min = 0, max = 9) int b,
            @ForAll boolean aFirst) {
        Map<String, String> base = Map.of("x", "1", "y", "2", "z", "3");
        Map<String, String> tabA = new HashMap<>(base);
        tabA.put("x", "a" + a);
        Map<String, String> tabB = new HashMap<>(base);
        tabB.put("y", "b" + b);
        Map<String, String> stored = base;
        stored = AnswerMerge.merge(base, aFirst ? tabA : tabB, stored).merged();
        stored = AnswerMerge.merge(base, aFirst ? tabB : tabA, stored).merged();
        assertThat(stored)
                .containsEntry("x", "a" + a)
                .containsEntry("y", "b" + b)
                .containsEntry("z", "3");
    }
}
