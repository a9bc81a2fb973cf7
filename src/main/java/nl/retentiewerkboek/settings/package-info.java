/**
 * The bottom of the module graph: the typed {@code app.*} settings and the clock. Depends on nothing
 * of the app; every module may use it.
 */
package nl.retentiewerkboek.settings;
