package nl.retentiewerkboek.actionplan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.retentiewerkboek.metrics.Department;

/**
 * A participant's action plan as stored in the W10 answers ({@code action.<i>.<field>} and
 * {@code remeasure}), read and written in one place.
 */
public record ActionPlan(List<PlannedAction> actions, Optional<LocalDate> remeasure) {

    /** The most actions a plan holds. */
    public static final int MAX_ACTIONS = 40;
    /** Days until the re-measurement when the participant did not choose a date. */
    public static final int DEFAULT_REMEASURE_DAYS = 90;
    public static final String REMEASURE = "remeasure";

    public ActionPlan {
        actions = List.copyOf(actions);
    }

    public static ActionPlan read(Map<String, String> answers) {
        TreeSet<Integer> rows = new TreeSet<>();
        for (String key : answers.keySet()) {
            String[] parts = key.split("\\.");
            if (parts.length == 3 && parts[0].equals("action") && parts[1].matches("\\d{1,3}")) {
                rows.add(Integer.parseInt(parts[1]));
            }
        }
        List<PlannedAction> actions = new ArrayList<>();
        for (int row : rows) {
            String prefix = "action." + row + ".";
            String title = answers.getOrDefault(prefix + "title", "").strip();
            if (title.isEmpty() && answers.getOrDefault(prefix + "owner", "").isBlank()
                    && answers.getOrDefault(prefix + "kpi", "").isBlank()) {
                continue;
            }
            Optional<Department> department = Optional.empty();
            String dept = answers.getOrDefault(prefix + "department", "");
            for (Department d : Department.values()) {
                if (d.key().equals(dept)) {
                    department = Optional.of(d);
                }
            }
            actions.add(new PlannedAction(title, department, answers.getOrDefault(prefix + "owner", ""),
                    date(answers.get(prefix + "deadline")), answers.getOrDefault(prefix + "kpi", ""),
                    answers.getOrDefault(prefix + "today", ""), answers.getOrDefault(prefix + "target", ""),
                    ActionStatus.fromKey(answers.getOrDefault(prefix + "status", "")),
                    answers.getOrDefault(prefix + "why", ""), answers.getOrDefault(prefix + "suggestion", "")));
        }
        return new ActionPlan(actions, date(answers.get(REMEASURE)));
    }

    public Map<String, String> write() {
        Map<String, String> values = new LinkedHashMap<>();
        remeasure.ifPresent(d -> values.put(REMEASURE, d.toString()));
        for (int i = 0; i < actions.size(); i++) {
            PlannedAction a = actions.get(i);
            String prefix = "action." + i + ".";
            values.put(prefix + "title", a.title());
            a.department().ifPresent(d -> values.put(prefix + "department", d.key()));
            put(values, prefix + "owner", a.owner());
            a.deadline().ifPresent(d -> values.put(prefix + "deadline", d.toString()));
            put(values, prefix + "kpi", a.kpi());
            put(values, prefix + "today", a.today());
            put(values, prefix + "target", a.target());
            values.put(prefix + "status", a.status().key());
            put(values, prefix + "why", a.why());
            put(values, prefix + "suggestion", a.suggestion());
        }
        return values;
    }

    /** The re-measure date, or the default: 90 days from the given day. */
    public LocalDate remeasureOr(LocalDate today) {
        return remeasure.orElse(today.plusDays(DEFAULT_REMEASURE_DAYS));
    }

    public boolean hasSuggestion(String key) {
        return actions.stream().anyMatch(a -> a.suggestion().equals(key));
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
