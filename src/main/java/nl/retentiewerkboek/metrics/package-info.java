/**
 * The calculations of the workbook: plain Java and {@link java.math.BigDecimal}, no framework.
 * One evaluator and one result object per worksheet; screens, the trainer overview and the PDF
 * all format the same result. Locale-aware parsing and formatting of numbers live here too,
 * in {@link nl.retentiewerkboek.metrics.LocaleNumbers}, so a number is read and written one way.
 *
 * <h2>Names</h2>
 * <ul>
 *   <li>A worksheet's evaluator carries the worksheet's Dutch name, as the participant sees it
 *       (Retentiemeter, Kosten, Draaideur, Nps, Klantgroepen, Redenen, Teamsport, Offboarding,
 *       Begroting); its result is that name plus {@code Result} ({@code DraaideurResult}).</li>
 *   <li>Everything else in code is English: methods, fields, variables, helper types
 *       ({@code CustomerStats}, {@code LocaleNumbers}).</li>
 *   <li>"Cohort" means one masterclass group of a trainer, nothing else. W5's customers grouped by
 *       the month of their first purchase are the start-month table ({@code StartMonthRow}).</li>
 *   <li>The administrator role is {@code BEHEERDER} in code, {@code beheerder} in texts.</li>
 *   <li>Message keys belong to one screen or to {@code common.*}; a worksheet's key is not reused
 *       elsewhere as a generic word.</li>
 * </ul>
 */
package nl.retentiewerkboek.metrics;
