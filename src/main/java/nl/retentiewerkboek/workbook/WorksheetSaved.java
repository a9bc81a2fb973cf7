package nl.retentiewerkboek.workbook;

/** A participant's worksheet was stored with this version (published after the commit). */
public record WorksheetSaved(long participantId, String worksheet, long version) {}
