/**
 * Keeping what was saved: the data folder (checked writable at start, owner-only, a marker that
 * tells a crash from a clean stop), the gate that lets in-flight saves finish before the database
 * closes, the health of saving (logged once per outage, reported to operators), and online backups
 * of the embedded database. A bottom layer: it uses no feature module.
 */
package nl.retentiewerkboek.storage;
