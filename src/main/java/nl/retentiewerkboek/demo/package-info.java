/**
 * Demo accounts and a demo cohort for the embedded setup ({@code app.demo-data=true}). Nothing else
 * depends on it: without demo data the first beheerder comes from configuration.
 */
package nl.retentiewerkboek.demo;
