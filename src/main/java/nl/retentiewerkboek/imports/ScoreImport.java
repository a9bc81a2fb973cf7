package nl.retentiewerkboek.imports;

import java.util.List;

/**
 * Survey scores read from a file or a pasted list: answers per score 0..10 and the doubters to call
 * (at most {@link CsvImporter#MAX_DOUBTERS} kept of {@code doubtersFound}).
 */
public record ScoreImport(ImportReport report, long[] counts, List<Doubter> doubters, long doubtersFound) {

    public ScoreImport {
        counts = counts.clone();
        doubters = List.copyOf(doubters);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
