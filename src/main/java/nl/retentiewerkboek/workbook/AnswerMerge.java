package nl.retentiewerkboek.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A three-way merge of one worksheet's fields: what this screen started from ({@code base}), what it
 * holds now ({@code mine}) and what is stored ({@code stored}, perhaps saved by another tab since).
 * Only the fields this screen changed are applied; fields the other side changed are kept. A field
 * both sides changed to different values is a conflict: the stored value stays until the user
 * chooses. Empty and missing are the same.
 */
public final class AnswerMerge {

    /** One field changed on both sides. */
    public record FieldConflict(String field, String mine, String theirs) {}

    /** The merged fields, the conflicts left for the user, and whether anything differs from what is stored. */
    public record Result(Map<String, String> merged, List<FieldConflict> conflicts, boolean changesStored) {

        public Result {
            merged = Map.copyOf(merged);
            conflicts = List.copyOf(conflicts);
        }
    }

    private AnswerMerge() {}

    public static Result merge(Map<String, String> base, Map<String, String> mine, Map<String, String> stored) {
        Map<String, String> merged = new LinkedHashMap<>();
        stored.forEach((k, v) -> {
            if (!norm(v).isEmpty()) {
                merged.put(k, v);
            }
        });
        List<FieldConflict> conflicts = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(base.keySet());
        keys.addAll(mine.keySet());
        for (String key : keys) {
            String b = norm(base.get(key));
            String m = norm(mine.get(key));
            String s = norm(stored.get(key));
            if (m.equals(b)) {
                continue; // not changed here: whatever is stored stays
            }
            if (s.equals(b) || s.equals(m)) {
                if (m.isEmpty()) {
                    merged.remove(key);
                } else {
                    merged.put(key, mine.get(key));
                }
            } else {
                conflicts.add(new FieldConflict(key, m, s));
            }
        }
        boolean changes = !sameFields(merged, stored);
        return new Result(merged, conflicts, changes);
    }

    /** Whether two sets of answers hold the same fields (empty values count as missing). */
    public static boolean sameFields(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            if (!Objects.equals(norm(a.get(key)), norm(b.get(key)))) {
                return false;
            }
        }
        return true;
    }

    private static String norm(String value) {
        return value == null || value.isBlank() ? "" : value;
    }
}
