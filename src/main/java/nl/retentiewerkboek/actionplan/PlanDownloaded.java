package nl.retentiewerkboek.actionplan;

import java.time.Instant;

/** A participant downloaded their own action plan at this moment (a trainer's download does not count). */
public record PlanDownloaded(long participantId, Instant at) {}
