/**
 * W10 Actieplan and the PDF action plan: suggested actions from the participant's results
 * ({@link nl.retentiewerkboek.actionplan.Suggestions}, clear rules that say why), the plan the
 * participant makes of them, and the PDF drawn with OpenPDF in
 * {@link nl.retentiewerkboek.actionplan.PlanPdf} (the only class that knows OpenPDF).
 */
package nl.retentiewerkboek.actionplan;
