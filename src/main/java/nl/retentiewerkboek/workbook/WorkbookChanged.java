package nl.retentiewerkboek.workbook;

/** A participant saved a worksheet or read a lesson: their trainer's dashboard may want to know. */
public record WorkbookChanged(long participantId) {
}
