package nl.retentiewerkboek.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of one file means what: found from the recognised system's {@link Preset}, changeable in the mapping
 * step, and remembered by header name for the next upload from the same system. Column numbers count from 0; -1 is
 * "none".
 *
 * @param customer    the customer's columns in order of preference (the first filled in on a row counts)
 * @param amount      the amount's columns in order of preference
 * @param ruleColumns per rule of the preset, the column it reads (-1 when the file lacks it)
 * @param dates       how dates that read both ways are read
 */
public record Mapping(
        Preset preset,
        List<Integer> customer,
        int date,
        List<Integer> amount,
        int refunded,
        int order,
        List<Integer> ruleColumns,
        DateChoice dates) {

    /** How dates like {@code 03/04/2025} are read. */
    public enum DateChoice {
        /** As the file settles it, else as the system writes dates, else day first. */
        AUTO,
        DAY_FIRST,
        MONTH_FIRST
    }

    public Mapping {
        customer = List.copyOf(customer);
        amount = List.copyOf(amount);
        ruleColumns = List.copyOf(ruleColumns);
    }

    /** The columns the preset names, found in a header; a column is used for one meaning only. */
    static Mapping resolve(Preset preset, List<String> header) {
        List<String> names = header.stream().map(Preset::normal).toList();
        List<Integer> taken = new ArrayList<>();
        int date = first(names, preset.date(), taken);
        List<Integer> customer = all(names, preset.customer(), taken);
        List<Integer> amount = all(names, preset.amount(), taken);
        int refunded = first(names, preset.refunded(), taken);
        int order = first(names, preset.order(), new ArrayList<>());
        List<Integer> rules = new ArrayList<>();
        for (Preset.Rule rule : preset.rules()) {
            rules.add(first(names, rule.columns(), new ArrayList<>()));
        }
        return new Mapping(preset, customer, date, amount, refunded, order, rules, DateChoice.AUTO);
    }

    /** A file without a header: customer, date and (when there is a third column) amount, in that order. */
    static Mapping positional(int fields) {
        return new Mapping(
                Presets.OWN_LIST,
                List.of(0),
                1,
                fields > 2 ? List.of(2) : List.of(),
                -1,
                -1,
                List.of(),
                DateChoice.AUTO);
    }

    private static int first(List<String> names, List<String> candidates, List<Integer> taken) {
        for (String candidate : candidates) {
            int i = names.indexOf(candidate);
            if (i >= 0 && !taken.contains(i)) {
                taken.add(i);
                return i;
            }
        }
        return -1;
    }

    private static List<Integer> all(List<String> names, List<String> candidates, List<Integer> taken) {
        List<Integer> found = new ArrayList<>();
        for (String candidate : candidates) {
            int i = names.indexOf(candidate);
            if (i >= 0 && !taken.contains(i)) {
                taken.add(i);
                found.add(i);
            }
        }
        return found;
    }

    /** Whether every row can be read: there is a customer and a date column. */
    public boolean complete() {
        return !customer.isEmpty() && date >= 0;
    }

    /** The customer column shown in the mapping step (the first choice), or -1. */
    public int customerColumn() {
        return customer.isEmpty() ? -1 : customer.getFirst();
    }

    /** The amount column shown in the mapping step (the first choice), or -1. */
    public int amountColumn() {
        return amount.isEmpty() ? -1 : amount.getFirst();
    }

    /** The status column (the first rule's), or -1. */
    public int status() {
        return ruleColumns.isEmpty() ? -1 : ruleColumns.getFirst();
    }

    public Mapping withCustomer(int column) {
        return new Mapping(
                preset, column < 0 ? List.of() : List.of(column), date, amount, refunded, order, ruleColumns, dates);
    }

    public Mapping withDate(int column) {
        return new Mapping(preset, customer, column, amount, refunded, order, ruleColumns, dates);
    }

    public Mapping withAmount(int column) {
        return new Mapping(
                preset, customer, date, column < 0 ? List.of() : List.of(column), refunded, order, ruleColumns, dates);
    }

    public Mapping withOrder(int column) {
        return new Mapping(preset, customer, date, amount, refunded, column, ruleColumns, dates);
    }

    /** Moves every rule on the status column (as the preset names it) to another column, or to none, and back. */
    public Mapping withStatus(int column) {
        List<Integer> rules = new ArrayList<>(ruleColumns);
        List<String> statusColumns =
                preset.rules().isEmpty() ? List.of() : preset.rules().getFirst().columns();
        for (int i = 0; i < rules.size(); i++) {
            if (preset.rules().get(i).columns().equals(statusColumns)) {
                rules.set(i, column);
            }
        }
        return new Mapping(preset, customer, date, amount, refunded, order, rules, dates);
    }

    public Mapping withDates(DateChoice choice) {
        return new Mapping(preset, customer, date, amount, refunded, order, ruleColumns, choice);
    }

    /** The mapping by header names, to be remembered: {@code role=name|name} per line. */
    String stored(List<String> header) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("system", preset.id());
        roles.put("customer", names(header, customer));
        roles.put("date", names(header, date < 0 ? List.of() : List.of(date)));
        roles.put("amount", names(header, amount));
        roles.put("order", names(header, order < 0 ? List.of() : List.of(order)));
        roles.put("status", names(header, status() < 0 ? List.of() : List.of(status())));
        roles.put("dates", dates.name());
        StringBuilder text = new StringBuilder();
        roles.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /**
     * A remembered mapping applied to a new file of the same system: the columns found by their names; empty when the
     * remembered text is of another system or names a column this header lacks.
     */
    static Optional<Mapping> fromStored(String text, Preset preset, List<String> header) {
        Map<String, String> roles = roles(text);
        if (!preset.id().equals(roles.get("system"))) {
            return Optional.empty();
        }
        List<String> names = header.stream().map(Preset::normal).toList();
        Mapping base = resolve(preset, header);
        try {
            // a role remembered as "none" takes what the system's columns give in this file
            List<Integer> customer = columns(names, roles.getOrDefault("customer", ""));
            List<Integer> date = columns(names, roles.getOrDefault("date", ""));
            List<Integer> amount = columns(names, roles.getOrDefault("amount", ""));
            List<Integer> order = columns(names, roles.getOrDefault("order", ""));
            List<Integer> status = columns(names, roles.getOrDefault("status", ""));
            Mapping m = new Mapping(
                    preset,
                    chosen(roles, "customer", customer, base.customer),
                    one(chosen(roles, "date", date, base.date < 0 ? List.of() : List.of(base.date))),
                    chosen(roles, "amount", amount, base.amount),
                    base.refunded,
                    one(chosen(roles, "order", order, base.order < 0 ? List.of() : List.of(base.order))),
                    base.ruleColumns,
                    DateChoice.valueOf(roles.getOrDefault("dates", DateChoice.AUTO.name())));
            boolean statusNone = NONE.equals(roles.get("status"));
            return Optional.of(statusNone ? m.withStatus(-1) : status.isEmpty() ? m : m.withStatus(status.getFirst()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A remembered mapping's lines {@code role=value}, by role. */
    static Map<String, String> roles(String text) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                roles.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return roles;
    }

    /** The columns' names; {@code -} for none, so that a column set to none stays none next time. */
    static String names(List<String> header, List<Integer> columns) {
        if (columns.isEmpty()) {
            return NONE;
        }
        return String.join(
                "|",
                columns.stream()
                        .map(c -> Preset.normal(header.get(c)).replace("|", "").replace("\n", ""))
                        .toList());
    }

    static final String NONE = "-";

    /** What was remembered for a role: none when it was set to none, else the columns found, else the system's. */
    private static List<Integer> chosen(
            Map<String, String> roles, String role, List<Integer> found, List<Integer> otherwise) {
        if (NONE.equals(roles.get(role))) {
            return List.of();
        }
        return found.isEmpty() ? otherwise : found;
    }

    private static int one(List<Integer> columns) {
        return columns.isEmpty() ? -1 : columns.getFirst();
    }

    static List<Integer> columns(List<String> names, String stored) {
        List<Integer> found = new ArrayList<>();
        if (stored.isEmpty() || stored.equals(NONE)) {
            return found;
        }
        for (String name : stored.split("\\|")) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("column " + name + " not in this file");
            }
            found.add(i);
        }
        return found;
    }
}
