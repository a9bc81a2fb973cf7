package nl.retentiewerkboek.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import nl.retentiewerkboek.metrics.CustomerStats;
import nl.retentiewerkboek.metrics.Dates;
import nl.retentiewerkboek.metrics.PurchaseHistory;

/**
 * Reads a purchases export (W5, and W1/W2 from the same file) with a {@link Mapping}: one purchase is one paid order,
 * payment, sale or credit booking; rows of one order count once with the order's amount; refunded, cancelled, failed
 * and money-out rows are not purchases (counted by reason); a purchase without a customer is counted once per order.
 * Streams: what it keeps grows with customers, their purchase days and the orders of order exports, not with rows.
 */
final class PurchaseReader {

    /** Rows shown in the mapping step's preview. */
    static final int PREVIEW_ROWS = 8;

    private PurchaseReader() {}

    /**
     * Reads the file with the mapping given, or (when null) with the recognised system's or a remembered one.
     *
     * @param remembered a remembered mapping per system id, as {@link Mapping#stored} wrote it
     */
    static PurchaseRead read(InputStream in, String fileName, Mapping chosen, Map<String, String> remembered) {
        CsvImporter.Sniffed sniffed = CsvImporter.sniff(in);
        CustomerIndex customers = new CustomerIndex();
        List<RowRejection> rejections = new ArrayList<>();
        long[] rejected = {0};
        EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        long read = 0;
        long purchases = 0;
        boolean header = false;
        boolean first = true;
        List<String> names = List.of();
        int columns = 0;
        Mapping mapping = null;
        Preset preset = Presets.OWN_LIST;
        OrderTable orders = null;
        DayTotals revenue = new DayTotals();
        ImportReport.DateOrder dateOrder = ImportReport.DateOrder.NOT_NEEDED;
        List<PreviewRow> preview = new ArrayList<>();
        List<Long> previewOrders = new ArrayList<>();
        int[] ruleSource = new int[0];
        PurchaseRows handler = new PurchaseRows();
        handler.keepRows = PREVIEW_ROWS + 1;
        try (CsvReader<PurchaseRows.Row> reader =
                CsvImporter.streaming(sniffed).build(handler, CsvImporter.text(sniffed))) {
            Iterator<PurchaseRows.Row> rows = reader.iterator();
            if (rows.hasNext()) {
                PurchaseRows.Row row = rows.next();
                first = false;
                List<String> fields = row.all;
                columns = fields.size();
                header = CsvImporter.isHeader(fields);
                if (header) {
                    names = fields.stream()
                            .map(f -> f.replace("\uFEFF", "").strip())
                            .toList();
                    List<String> normal = names.stream().map(Preset::normal).toList();
                    if (chosen != null) {
                        mapping = chosen;
                    } else {
                        preset = Presets.recognise(normal).orElse(Presets.OWN_LIST);
                        Preset found = preset;
                        List<String> shown = names;
                        mapping = Optional.ofNullable(remembered.get(preset.id()))
                                .flatMap(text -> Mapping.fromStored(text, found, shown))
                                .orElseGet(() -> Mapping.resolve(found, shown));
                    }
                } else {
                    mapping = chosen != null ? chosen : Mapping.positional(columns);
                }
                preset = mapping.preset();
                handler.use(mapping, Math.max(columns, header ? names.size() : 3));
                ruleSource = ruleSources(mapping);
                if (mapping.order() >= 0) {
                    orders = new OrderTable();
                }
                dateOrder = dateOrder(sniffed, mapping, header);
                handler.monthFirst = dateOrder.monthFirst();
                if (!mapping.complete()) {
                    // nothing can be counted like this: the mapping step asks for the missing column
                    return incomplete(names, columns, mapping, dateOrder, row, reader);
                }
                Tally tally = new Tally(
                        mapping,
                        preset,
                        ruleSource,
                        customers,
                        orders,
                        revenue,
                        rejections,
                        rejected,
                        skipped,
                        preview,
                        previewOrders);
                // without a header, the first row was read before the columns were known: read it again as data
                PurchaseRows.Row[] batch = header ? null : new PurchaseRows.Row[] {handler.replay(fields, row.line)};
                int batched = header ? 0 : 1;
                try (RowBatches batches = new RowBatches(rows, handler)) {
                    while (true) {
                        read = tally.read;
                        purchases = tally.purchases;
                        if (batch == null) {
                            batched = batches.next();
                            if (batched < 0) {
                                break;
                            }
                            batch = batches.rows();
                        }
                        try {
                            tally.batch(batch, batched);
                        } catch (ImportFailedException tooMany) {
                            // too many customers or orders with these columns: the mapping step lets another be chosen
                            return new PurchaseRead(
                                    names,
                                    columns,
                                    mapping,
                                    dateOrder,
                                    preview,
                                    Optional.empty(),
                                    Optional.of(tooMany));
                        }
                        batch = null;
                    }
                }
            }
        } catch (IOException e) {
            throw CsvImporter.unwrap(new UncheckedIOException(e));
        } catch (UncheckedIOException e) {
            throw CsvImporter.unwrap(e);
        } catch (CsvParseException | CsvImporter.LineTooLong e) {
            throw CsvImporter.parseFailure(e);
        }
        if (first) {
            throw new ImportFailedException(ImportFailedException.Reason.EMPTY);
        }
        Map<Long, PreviewRow.Outcome> orderOutcomes = new HashMap<>();
        Map<Long, String> orderReasons = new HashMap<>();
        if (orders != null) {
            purchases += fold(
                    orders,
                    preset,
                    customers,
                    revenue,
                    rejections,
                    rejected,
                    skipped,
                    previewOrders,
                    orderOutcomes,
                    orderReasons);
        }
        List<PreviewRow> shownRows = new ArrayList<>(preview.size());
        for (int i = 0; i < preview.size(); i++) {
            PreviewRow p = preview.get(i);
            Long key = previewOrders.get(i);
            if (key != null && key != 0 && orderOutcomes.containsKey(key)) {
                p = new PreviewRow(
                        p.line(),
                        p.fields(),
                        p.customer(),
                        p.date(),
                        p.cents(),
                        orderOutcomes.get(key),
                        orderReasons.get(key));
            }
            shownRows.add(p);
        }
        ImportReport report = new ImportReport(
                fileName,
                read,
                rejected[0],
                rejections,
                header,
                sniffed.separator(),
                sniffed.charset().name(),
                dateOrder,
                preset.id(),
                purchases,
                skipped);
        boolean amounts = !mapping.amount().isEmpty();
        Finished finished = Finished.of(customers.all(), amounts);
        List<CustomerStats> stats = finished.stats();
        List<int[]> days = finished.days();
        int latest = finished.latest();
        if (stats.isEmpty()) {
            ImportFailedException failure = read == 0
                    ? new ImportFailedException(ImportFailedException.Reason.EMPTY)
                    : new ImportFailedException(ImportFailedException.Reason.NO_VALID_ROWS, report);
            return new PurchaseRead(
                    names, columns, mapping, dateOrder, shownRows, Optional.empty(), Optional.of(failure));
        }
        PurchaseHistory history = amounts ? revenue.history(days) : new PurchaseHistory(days, 0, new long[0]);
        PurchaseImport result = new PurchaseImport(report, stats, LocalDate.ofEpochDay(latest), amounts, history);
        return new PurchaseRead(names, columns, mapping, dateOrder, shownRows, Optional.of(result), Optional.empty());
    }

    /** What one row gave: a purchase counted now, a part of an order (counted at the end), or nothing. */
    private record Outcome(boolean purchase, long order, PreviewRow.Outcome shown, String reasonKey) {
        static final Outcome USED = new Outcome(true, 0, PreviewRow.Outcome.USED, "");

        static Outcome skipped(SkipReason reason) {
            return new Outcome(false, 0, PreviewRow.Outcome.SKIPPED, reason.messageKey());
        }

        static Outcome rejected(RowRejection.Reason reason) {
            return new Outcome(false, 0, PreviewRow.Outcome.REJECTED, reason.messageKey());
        }

        static Outcome ofOrder(long key) {
            return new Outcome(false, key, PreviewRow.Outcome.USED, "");
        }
    }

    private static Outcome skipped(EnumMap<SkipReason, Long> skipped, SkipReason reason) {
        skipped.merge(reason, 1L, Long::sum);
        return Outcome.skipped(reason);
    }

    /** Counts each order once, now that all its rows are known. Returns the purchases counted. */
    private static long fold(
            OrderTable orders,
            Preset preset,
            CustomerIndex customers,
            DayTotals revenue,
            List<RowRejection> rejections,
            long[] rejected,
            EnumMap<SkipReason, Long> skipped,
            List<Long> previewOrders,
            Map<Long, PreviewRow.Outcome> outcomes,
            Map<Long, String> reasons) {
        long counted = 0;
        for (Long key : previewOrders) {
            if (key != null && key != 0) {
                outcomes.put(key, PreviewRow.Outcome.USED);
                reasons.put(key, "");
            }
        }
        for (int slot = 0; slot < orders.capacity(); slot++) {
            if (!orders.used(slot)) {
                continue;
            }
            SkipReason skip = null;
            RowRejection.Reason reject = null;
            long net = orders.cents[slot] + orders.negatives[slot] - orders.refunded[slot];
            boolean refunds = orders.negatives[slot] < 0 || orders.refunded[slot] > 0;
            if (!orders.sale[slot]) {
                skip = SkipReason.REFUND;
            } else if (orders.skip[slot] != 0) {
                skip = SkipReason.values()[orders.skip[slot] - 1];
            } else if (orders.customer[slot] < 0) {
                skip = SkipReason.NO_CUSTOMER;
            } else if (orders.day[slot] == Integer.MAX_VALUE) {
                reject = RowRejection.Reason.BAD_DATE;
            } else if ((refunds && net <= 0) || (preset.zeroIsRefund() && orders.cents[slot] == 0)) {
                skip = SkipReason.REFUNDED;
            }
            if (skip != null) {
                skipped.merge(skip, 1L, Long::sum);
            } else if (reject != null) {
                CsvImporter.reject(rejections, rejected, orders.line[slot], reject, "");
            } else {
                int day = orders.day[slot];
                LocalDate date = LocalDate.ofEpochDay(day);
                customers.get(orders.customer[slot]).add(day, date.getYear() * 12 + date.getMonthValue() - 1, net);
                revenue.add(day, net);
                counted++;
            }
            if (skip != null || reject != null) {
                markPreview(orders, slot, previewOrders, outcomes, reasons, skip, reject);
            }
        }
        return counted;
    }

    private static void markPreview(
            OrderTable orders,
            int slot,
            List<Long> previewOrders,
            Map<Long, PreviewRow.Outcome> outcomes,
            Map<Long, String> reasons,
            SkipReason skip,
            RowRejection.Reason reject) {
        for (Long key : previewOrders) {
            if (key != null && key != 0 && orders.find(key) == slot) {
                outcomes.put(key, skip != null ? PreviewRow.Outcome.SKIPPED : PreviewRow.Outcome.REJECTED);
                reasons.put(key, skip != null ? skip.messageKey() : reject.messageKey());
            }
        }
    }

    private static PreviewRow previewRow(PurchaseRows.Row row, Outcome outcome, CustomerIndex customers) {
        String customer = !row.hasCustomer ? "" : shownOf(row, customers);
        return new PreviewRow(
                row.line,
                row.all,
                customer,
                row.date == Dates.NONE ? Optional.empty() : Dates.parse(dateText(row.date)),
                row.amountGiven && row.cents != Amounts.INVALID ? OptionalLong.of(row.cents) : OptionalLong.empty(),
                outcome.shown,
                outcome.reasonKey);
    }

    private static String shownOf(PurchaseRows.Row row, CustomerIndex customers) {
        return row.known >= 0
                ? customers.get(row.known).shown
                : row.shown != null ? row.shown : new String(row.key, 0, row.keyLength);
    }

    private static String dateText(long packed) {
        return String.format("%04d-%02d-%02d", Dates.year(packed), Dates.month(packed), Dates.day(packed));
    }

    /** Per rule, the rule whose column slot holds its text (rules on one column share it), or -1. */
    private static int[] ruleSources(Mapping m) {
        int[] source = new int[m.ruleColumns().size()];
        for (int i = 0; i < source.length; i++) {
            int column = m.ruleColumns().get(i);
            source[i] = column < 0 ? -1 : m.ruleColumns().indexOf(column);
        }
        return source;
    }

    /**
     * How dates that read both ways are read: as the file itself settles it (a date such as 31/03 or 03/31), else as
     * the participant chose, else as the system writes them, else day first.
     */
    private static ImportReport.DateOrder dateOrder(CsvImporter.Sniffed sniffed, Mapping mapping, boolean header) {
        return mapping.date() < 0
                ? ImportReport.DateOrder.NOT_NEEDED
                : CsvImporter.dateOrder(
                        sniffed,
                        mapping.date(),
                        header,
                        mapping.dates(),
                        mapping.preset().monthFirst());
    }

    /** A mapping without customer or date: the first rows as written, and what is missing. */
    private static PurchaseRead incomplete(
            List<String> names,
            int columns,
            Mapping mapping,
            ImportReport.DateOrder dateOrder,
            PurchaseRows.Row first,
            CsvReader<PurchaseRows.Row> reader) {
        List<PreviewRow> preview = new ArrayList<>();
        if (names.isEmpty()) {
            preview.add(rawRow(first));
        }
        for (PurchaseRows.Row row : reader) {
            if (preview.size() >= PREVIEW_ROWS || row.all == null) {
                break;
            }
            if (!row.blank) {
                preview.add(rawRow(row));
            }
        }
        boolean anyDate = preview.stream().flatMap(p -> p.fields().stream()).anyMatch(CsvImporter::isDate);
        ImportFailedException failure = new ImportFailedException(
                mapping.date() >= 0
                        ? ImportFailedException.Reason.NO_CUSTOMER_COLUMN
                        : anyDate || preview.isEmpty()
                                ? ImportFailedException.Reason.NO_DATE_COLUMN
                                : ImportFailedException.Reason.CUSTOMER_LIST);
        return new PurchaseRead(names, columns, mapping, dateOrder, preview, Optional.empty(), Optional.of(failure));
    }

    private static PreviewRow rawRow(PurchaseRows.Row row) {
        return new PreviewRow(
                row.line,
                row.all == null ? List.of() : row.all,
                "",
                Optional.empty(),
                OptionalLong.empty(),
                PreviewRow.Outcome.REJECTED,
                "");
    }

    /**
     * Counts the rows of one batch after another: a method of its own, so that the processor's hot loop is compiled
     * once and alike in every run, whatever else the reading method does.
     */
    private static final class Tally {
        private final Mapping mapping;
        private final Preset preset;
        private final int[] ruleSource;
        private final CustomerIndex customers;
        private final OrderTable orders;
        private final DayTotals revenue;
        private final List<RowRejection> rejections;
        private final long[] rejected;
        private final EnumMap<SkipReason, Long> skipped;
        private final List<PreviewRow> preview;
        private final List<Long> previewOrders;
        long read;
        long purchases;

        Tally(
                Mapping mapping,
                Preset preset,
                int[] ruleSource,
                CustomerIndex customers,
                OrderTable orders,
                DayTotals revenue,
                List<RowRejection> rejections,
                long[] rejected,
                EnumMap<SkipReason, Long> skipped,
                List<PreviewRow> preview,
                List<Long> previewOrders) {
            this.mapping = mapping;
            this.preset = preset;
            this.ruleSource = ruleSource;
            this.customers = customers;
            this.orders = orders;
            this.revenue = revenue;
            this.rejections = rejections;
            this.rejected = rejected;
            this.skipped = skipped;
            this.preview = preview;
            this.previewOrders = previewOrders;
        }

        void batch(PurchaseRows.Row[] batch, int count) {
            customers.resolve(batch, count);
            for (int b = 0; b < count; b++) {
                PurchaseRows.Row row = batch[b];
                if (row.blank) {
                    continue; // an empty line
                }
                read++;
                Outcome outcome = count(row);
                if (outcome.purchase) {
                    purchases++;
                }
                if (row.all != null && preview.size() < PREVIEW_ROWS) {
                    preview.add(previewRow(row, outcome, customers));
                    previewOrders.add(outcome.order);
                }
            }
        }

        private Outcome count(PurchaseRows.Row row) {
            long line = row.line;
            boolean inOrder = orders != null && row.order != 0;
            if (row.fields <= mapping.date() && !inOrder) {
                CsvImporter.reject(rejections, rejected, line, RowRejection.Reason.MISSING_COLUMNS, "");
                return Outcome.rejected(RowRejection.Reason.MISSING_COLUMNS);
            }
            if (row.date == Dates.NONE && !(inOrder && row.dateText.isEmpty())) {
                CsvImporter.reject(rejections, rejected, line, RowRejection.Reason.BAD_DATE, row.dateText);
                return Outcome.rejected(RowRejection.Reason.BAD_DATE);
            }
            long cents = row.cents;
            if (row.amountGiven && cents == Amounts.INVALID) {
                CsvImporter.reject(rejections, rejected, line, RowRejection.Reason.BAD_AMOUNT, row.amountText);
                return Outcome.rejected(RowRejection.Reason.BAD_AMOUNT);
            }
            SkipReason skip = null;
            List<Preset.Rule> rules = preset.rules();
            for (int i = 0; i < rules.size() && i < ruleSource.length; i++) {
                if (ruleSource[i] >= 0 && rules.get(i).matches(row.rules[ruleSource[i]])) {
                    skip = rules.get(i).reason();
                    break;
                }
            }
            if (inOrder) {
                int slot = orders.slot(row.order, line);
                // the best-ranked customer column any row of the order fills in (e-mail before name), whatever the row
                // order
                if (row.hasCustomer && (orders.customer[slot] < 0 || row.customerRank < orders.rank[slot])) {
                    orders.customer[slot] = customers.of(row).index;
                    orders.rank[slot] = (byte) row.customerRank;
                }
                if (cents < 0) {
                    orders.negatives[slot] += cents; // a refund row: it only nets against its order
                } else {
                    orders.sale[slot] = true;
                    if (skip != null && (orders.skip[slot] == 0 || orders.skip[slot] > skip.ordinal() + 1)) {
                        orders.skip[slot] = (byte) (skip.ordinal() + 1);
                    }
                    if (row.date != Dates.NONE) {
                        orders.day[slot] = Math.min(orders.day[slot], (int) Dates.epochDay(row.date));
                    }
                    orders.cents[slot] = preset.orderAmount() == Preset.OrderAmount.LINES
                            ? orders.cents[slot] + cents
                            : Math.max(orders.cents[slot], cents);
                    orders.refunded[slot] = Math.max(orders.refunded[slot], row.refundedCents);
                }
                return Outcome.ofOrder(row.order);
            }
            if (skip != null) {
                return skipped(skipped, skip);
            }
            if (cents < 0 && (preset.negative() != null || row.hasCustomer)) {
                if (preset.negative() == null) {
                    // a credit note nets against its customer's revenue (W5) and the revenue of its day (W2)
                    customers.of(row).credit(cents);
                    revenue.add((int) Dates.epochDay(row.date), cents);
                    return skipped(skipped, SkipReason.CREDIT);
                }
                return skipped(skipped, preset.negative()); // money out is no purchase, with or without a name
            }
            if (!row.hasCustomer) {
                return skipped(skipped, SkipReason.NO_CUSTOMER);
            }
            long net = cents - row.refundedCents;
            if ((row.refundedCents > 0 && net <= 0) || (preset.zeroIsRefund() && row.amountGiven && cents == 0)) {
                return skipped(skipped, SkipReason.REFUNDED);
            }
            int day = (int) Dates.epochDay(row.date);
            customers.of(row).add(day, Dates.year(row.date) * 12 + Dates.month(row.date) - 1, net);
            revenue.add(day, net);
            return Outcome.USED;
        }
    }

    /**
     * Per customer who bought: their figures and their days in order. A customer's days are sorted here, once, when
     * they are no longer in the processor's cache; a large file's customers are done in two halves side by side, the
     * reading thread having ended.
     */
    private record Finished(List<CustomerStats> stats, List<int[]> days, int latest) {

        private static final int SPLIT_FROM = 20_000;

        static Finished of(List<CustomerTotals> all, boolean amounts) {
            int n = all.size();
            CustomerStats[] stats = new CustomerStats[n];
            int[][] days = new int[n][];
            int half = n < SPLIT_FROM ? 0 : n / 2;
            int[] latest = {Integer.MIN_VALUE, Integer.MIN_VALUE};
            Thread other = half == 0
                    ? null
                    : Thread.ofPlatform()
                            .name("import-customers")
                            .daemon()
                            .start(() -> latest[1] = finish(all, 0, half, amounts, stats, days));
            latest[0] = finish(all, half, n, amounts, stats, days);
            if (other != null) {
                try {
                    other.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ImportFailedException(ImportFailedException.Reason.BUSY);
                }
            }
            List<CustomerStats> keptStats = new ArrayList<>(n);
            List<int[]> keptDays = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (stats[i] != null) {
                    keptStats.add(stats[i]);
                    keptDays.add(days[i]);
                }
            }
            return new Finished(keptStats, keptDays, Math.max(latest[0], latest[1]));
        }

        /** The customers from {@code from} up to {@code to}; the latest day any of them bought on. */
        private static int finish(
                List<CustomerTotals> all, int from, int to, boolean amounts, CustomerStats[] stats, int[][] days) {
            int latest = Integer.MIN_VALUE;
            for (int i = from; i < to; i++) {
                CustomerTotals c = all.get(i);
                if (c.n == 0) {
                    continue; // only refunds, credit notes or orders that did not count
                }
                latest = Math.max(latest, c.lastDay);
                stats[i] = new CustomerStats(
                        c.shown,
                        c.n,
                        LocalDate.ofEpochDay(c.firstDay),
                        LocalDate.ofEpochDay(c.lastDay),
                        amounts ? c.cents : -1,
                        c.mask);
                days[i] = c.days();
            }
            return latest;
        }
    }

    /** Revenue per day while the file streams by, in an array that grows to the span of dates seen. */
    private static final class DayTotals {
        private long[] cents = new long[0];
        private int base;

        void add(int day, long amount) {
            if (cents.length == 0) {
                cents = new long[512];
                base = day - 256;
            }
            if (day < base) {
                int grow = Math.max(base - day, cents.length);
                long[] bigger = new long[cents.length + grow];
                System.arraycopy(cents, 0, bigger, grow, cents.length);
                cents = bigger;
                base -= grow;
            } else if (day - base >= cents.length) {
                cents = Arrays.copyOf(cents, Math.max(day - base + 1, cents.length * 2));
            }
            cents[day - base] += amount;
        }

        PurchaseHistory history(List<int[]> days) {
            int from = 0;
            while (from < cents.length && cents[from] == 0) {
                from++;
            }
            int to = cents.length;
            while (to > from && cents[to - 1] == 0) {
                to--;
            }
            long[] kept = from == to ? new long[] {0} : Arrays.copyOfRange(cents, from, to);
            return new PurchaseHistory(days, from == to ? 0 : base + from, kept);
        }
    }
}
