package nl.retentiewerkboek.workbook;

import java.util.List;
import java.util.Set;

/**
 * What a save did: what is stored now (in the screen's language), the fields both this screen and
 * another changed (the stored value stayed; the user chooses), and the fields refused because their
 * text is too long (the stored value stayed; every other field was saved).
 */
public record SaveOutcome(SavedAnswers saved, List<AnswerMerge.FieldConflict> conflicts, Set<String> tooLong) {

    public SaveOutcome {
        conflicts = List.copyOf(conflicts);
        tooLong = Set.copyOf(tooLong);
    }

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }
}
