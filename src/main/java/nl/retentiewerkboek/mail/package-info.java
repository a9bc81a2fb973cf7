/**
 * E-mail: every mail the app writes goes into an outbox table first (in the transaction that caused it), and a
 * scheduled delivery sends it over SMTP when SMTP is configured, retrying with back-off when the server is down or
 * refuses. Without SMTP nothing is lost: the beheerder reads the outbox in the app. Plain text plus simple HTML made
 * from the same text, in the recipient's language, no tracking.
 */
package nl.retentiewerkboek.mail;
