/**
 * What every feature shares: the main layout, languages (i18n) and error handling.
 */
package nl.retentiewerkboek.base;
