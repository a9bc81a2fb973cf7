package nl.retentiewerkboek.actionplan;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.retentiewerkboek.metrics.Department;
import nl.retentiewerkboek.metrics.MeasurementHistory;

/**
 * A participant's action plan as stored in the W10 answers, read and written in one place: per
 * action {@code action.<id>.<field>} with its place in {@code action.<id>.order}, and
 * {@code remeasure}. Every action keeps its own id, so two screens that change different actions
 * (or reorder, add and remove) touch different fields and never overwrite each other. Older plans
 * numbered their actions 0, 1, 2 …; those numbers are read as ids in that order.
 */
public record ActionPlan(List<PlannedAction> actions, Optional<LocalDate> remeasure, List<String> ids) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The most actions a plan holds. */
    public static final int MAX_ACTIONS = 40;
    /** Suggested actions are due this many days apart (the first this many days from today). */
    public static final int DEADLINE_STEP_DAYS = 14;
    /** Days until the re-measurement when the participant did not choose a date. */
    public static final int DEFAULT_REMEASURE_DAYS = MeasurementHistory.DEFAULT_REMEASURE_DAYS;

    public static final String REMEASURE = MeasurementHistory.REMEASURE_FIELD;

    public ActionPlan {
        actions = List.copyOf(actions);
        ids = ids == null || ids.size() != actions.size() ? positional(actions.size()) : List.copyOf(ids);
    }

    /** A plan whose actions are numbered by their place (for plans built outside a screen). */
    public ActionPlan(List<PlannedAction> actions, Optional<LocalDate> remeasure) {
        this(actions, remeasure, List.of());
    }

    /** A fresh id for a new action: a letter and seven letters or digits, never one of the old numbers. */
    public static String newId() {
        StringBuilder id = new StringBuilder("a");
        for (int i = 0; i < 7; i++) {
            id.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return id.toString();
    }

    /** The answer key of one field of an action. */
    public static String key(String id, String field) {
        return "action." + id + "." + field;
    }

    private static List<String> positional(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
        }
        return ids;
    }

    public static ActionPlan read(Map<String, String> answers) {
        TreeSet<String> found = new TreeSet<>();
        for (String key : answers.keySet()) {
            String[] parts = key.split("\\.");
            if (parts.length == 3 && parts[0].equals("action") && parts[1].matches("[a-z0-9]{1,12}")) {
                found.add(parts[1]);
            }
        }
        List<String> rows = new ArrayList<>(found);
        rows.sort(Comparator.comparingLong((String id) -> order(answers, id)).thenComparing(id -> id));
        List<PlannedAction> actions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String row : rows) {
            String prefix = "action." + row + ".";
            String title = answers.getOrDefault(prefix + "title", "").strip();
            if (title.isEmpty()
                    && answers.getOrDefault(prefix + "owner", "").isBlank()
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
            actions.add(new PlannedAction(
                    title,
                    department,
                    answers.getOrDefault(prefix + "owner", ""),
                    date(answers.get(prefix + "deadline")),
                    answers.getOrDefault(prefix + "kpi", ""),
                    answers.getOrDefault(prefix + "today", ""),
                    answers.getOrDefault(prefix + "target", ""),
                    ActionStatus.fromKey(answers.getOrDefault(prefix + "status", "")),
                    answers.getOrDefault(prefix + "why", ""),
                    answers.getOrDefault(prefix + "suggestion", "")));
            ids.add(row);
        }
        return new ActionPlan(actions, date(answers.get(REMEASURE)), ids);
    }

    /** An action's place: its order field, else (older plans) its number, else last. */
    private static long order(Map<String, String> answers, String id) {
        String order = answers.get(key(id, "order"));
        String number = order != null && order.matches("\\d{1,6}") ? order : id;
        return number.matches("\\d{1,6}") ? Long.parseLong(number) : Long.MAX_VALUE;
    }

    public Map<String, String> write() {
        Map<String, String> values = new LinkedHashMap<>();
        remeasure.ifPresent(d -> values.put(REMEASURE, d.toString()));
        for (int i = 0; i < actions.size(); i++) {
            PlannedAction a = actions.get(i);
            if (isBlank(a)) {
                continue; // an action card nothing was typed into yet is not stored (read() would skip it)
            }
            String prefix = "action." + ids.get(i) + ".";
            values.put(prefix + "order", Integer.toString(i));
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
    /**
     * When an action taken from a suggestion is due, until the participant changes it: the actions are spread over the
     * time until the re-measurement, two weeks apart (the first two weeks from today), so they are not all due on the
     * same day; the last slot is a week before the re-measurement, and the next action starts again at the first.
     *
     * @param earlier how many actions the plan already has
     */
    public static LocalDate suggestedDeadline(LocalDate today, LocalDate remeasure, int earlier) {
        long room = ChronoUnit.DAYS.between(today, remeasure.minusWeeks(1));
        long slots = Math.max(1, room / DEADLINE_STEP_DAYS);
        LocalDate due = today.plusDays(DEADLINE_STEP_DAYS * (earlier % slots + 1));
        return due.isAfter(remeasure) && remeasure.isAfter(today) ? remeasure : due;
    }

    public LocalDate remeasureOr(LocalDate today) {
        return remeasure.orElse(today.plusDays(DEFAULT_REMEASURE_DAYS));
    }

    public boolean hasSuggestion(String key) {
        return actions.stream().anyMatch(a -> a.suggestion().equals(key));
    }

    private static boolean isBlank(PlannedAction a) {
        return a.title().isBlank() && a.owner().isBlank() && a.kpi().isBlank();
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
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
