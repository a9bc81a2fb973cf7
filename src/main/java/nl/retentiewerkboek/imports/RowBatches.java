package nl.retentiewerkboek.imports;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Rows of a purchase file read on a thread of their own, a batch at a time, while the caller counts the batch before:
 * decoding and splitting the text on one core, looking up customers and counting on the other. The rows live in a few
 * batches that go back and forth, so the reader is never more than those batches ahead and memory stays fixed. What
 * the reading throws reaches the caller, at the batch where it happened.
 */
final class RowBatches implements AutoCloseable {

    private static final int IN_FLIGHT = 4;

    private record Filled(PurchaseRows.Row[] rows, int count, Throwable failure) {}

    private final BlockingQueue<PurchaseRows.Row[]> free = new ArrayBlockingQueue<>(IN_FLIGHT);
    /** At most every batch, and one failure. */
    private final BlockingQueue<Filled> full = new ArrayBlockingQueue<>(IN_FLIGHT + 1);

    private final Thread reader;
    private PurchaseRows.Row[] current;
    private boolean ended;

    RowBatches(Iterator<PurchaseRows.Row> rows, PurchaseRows handler) {
        for (int i = 0; i < IN_FLIGHT; i++) {
            PurchaseRows.Row[] batch = new PurchaseRows.Row[PurchaseRows.BATCH];
            for (int j = 0; j < batch.length; j++) {
                batch[j] = new PurchaseRows.Row();
            }
            free.add(batch);
        }
        reader = Thread.ofPlatform().name("import-rows").daemon().unstarted(() -> read(rows, handler));
        reader.start();
    }

    private void read(Iterator<PurchaseRows.Row> rows, PurchaseRows handler) {
        try {
            while (true) {
                PurchaseRows.Row[] batch = free.take();
                handler.fillInto(batch);
                int count = 0;
                while (count < batch.length && rows.hasNext()) {
                    if (rows.next() != batch[count]) {
                        throw new IllegalStateException("a row was not read into its place in the batch");
                    }
                    count++;
                }
                full.put(new Filled(batch, count, null));
                if (count < batch.length) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed before the end: nobody waits for more
        } catch (Throwable e) {
            full.offer(new Filled(null, 0, e));
        }
    }

    /** The number of rows in the next batch ({@link #rows()}), or -1 after the last. */
    int next() {
        if (current != null) {
            free.add(current);
            current = null;
        }
        if (ended) {
            return -1;
        }
        Filled filled;
        try {
            filled = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailedException(ImportFailedException.Reason.BUSY);
        }
        if (filled.failure instanceof RuntimeException e) {
            throw e;
        }
        if (filled.failure instanceof Error e) {
            throw e;
        }
        if (filled.failure != null) {
            throw new IllegalStateException(filled.failure);
        }
        ended = filled.count < PurchaseRows.BATCH;
        current = filled.rows;
        return filled.count;
    }

    PurchaseRows.Row[] rows() {
        return current;
    }

    /** Stops the reading thread (when the caller stopped early) and waits for it, before the file is closed. */
    @Override
    public void close() {
        reader.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join(); // the file is closed after this: the reading thread must be done with it
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
