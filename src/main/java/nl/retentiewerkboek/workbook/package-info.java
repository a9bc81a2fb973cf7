/**
 * A participant's workbook: their answers per worksheet, which lessons they read, and their progress.
 * {@link nl.retentiewerkboek.workbook.WorkbookService} is the only way in; it always works on the
 * signed-in participant's own data, and lets a coach read a participant's work only when
 * {@link nl.retentiewerkboek.security.CoachingAccess} says so.
 */
package nl.retentiewerkboek.workbook;
