/**
 * The workbook's UI kit: the pieces other modules build their screens from. {@link
 * nl.retentiewerkboek.workbook.ui.kit.WorksheetView} is the frame of every worksheet (fields, autosave, conflicts, the
 * result beside the fields), which the action plan extends; {@link nl.retentiewerkboek.workbook.ui.kit.HistoryPanel}
 * shows the measurements side by side, for the participant and in the trainer's participant view. Other modules use
 * these and nothing else of {@code workbook.ui}.
 */
package nl.retentiewerkboek.workbook.ui.kit;
