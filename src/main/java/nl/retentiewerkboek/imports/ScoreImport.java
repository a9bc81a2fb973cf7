package nl.retentiewerkboek.imports;

import java.util.List;

/** Survey scores read from a file or a pasted list: answers per score 0..10 and the doubters to call. */
public record ScoreImport(ImportReport report, long[] counts, List<Doubter> doubters) {

    public ScoreImport {
        counts = counts.clone();
        doubters = List.copyOf(doubters);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
