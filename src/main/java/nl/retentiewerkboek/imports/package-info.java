/**
 * Uploaded customer data: CSV exports of purchases (W5) and survey scores (W4), read with FastCSV
 * in {@link nl.retentiewerkboek.imports.CsvImporter} (the only class that knows FastCSV), streamed
 * and summed per customer, and stored only as those sums and the lists the worksheets show.
 */
package nl.retentiewerkboek.imports;
