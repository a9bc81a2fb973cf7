/**
 * The calculations of the workbook: plain Java and {@link java.math.BigDecimal}, no framework.
 * One evaluator and one result object per worksheet; screens, the trainer overview and the PDF
 * all format the same result. Locale-aware parsing and formatting of numbers live here too,
 * in {@link nl.retentiewerkboek.metrics.LocaleNumbers}, so a number is read and written one way.
 */
package nl.retentiewerkboek.metrics;
