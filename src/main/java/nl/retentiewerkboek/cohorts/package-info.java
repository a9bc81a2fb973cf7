/**
 * Cohorts (masterclass groups): a trainer's groups and their participants. Decides who may coach
 * whom ({@link nl.retentiewerkboek.cohorts.CohortService} implements
 * {@link nl.retentiewerkboek.security.CoachingAccess}).
 */
package nl.retentiewerkboek.cohorts;
