package nl.retentiewerkboek.workbook;

import java.time.Instant;

/**
 * A participant saved a worksheet or read a lesson at this moment: the cohorts keep it as their last activity,
 * and their trainer's dashboard may want to know.
 */
public record WorkbookChanged(long participantId, Instant at) {}
