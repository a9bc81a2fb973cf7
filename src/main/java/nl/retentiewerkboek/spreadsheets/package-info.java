/**
 * Files that open in a spreadsheet: CSV as Dutch Excel reads it (FastCSV's writer: {@code ;}, UTF-8 with a byte order
 * mark, CRLF, numbers and dates a spreadsheet recognises, no cell a spreadsheet would run as a formula) and .xlsx
 * (fastexcel: numbers as numbers, dates as dates, text never a formula). The lists a participant takes away and the
 * trainer's progress export are written here; the rest of the code builds a {@link
 * nl.retentiewerkboek.spreadsheets.Sheet} and does not know these libraries.
 */
package nl.retentiewerkboek.spreadsheets;
