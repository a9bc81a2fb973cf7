/**
 * The top of the module graph: the main layout with its menu, the error pages and the start-up
 * language of each window. It may use every feature; no feature uses it.
 */
package nl.retentiewerkboek.shell;
