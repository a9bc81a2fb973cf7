package nl.retentiewerkboek.workbook;

import java.util.Locale;

/**
 * The certificate of participation the workbook page offers once every open module is done: a port of the workbook,
 * implemented by the action plan feature (which makes the PDFs) and checked there.
 */
public interface ParticipationCertificate {

    /** The signed-in participant's certificate as PDF bytes; refused while an open module is not done. */
    byte[] certificate(Locale locale);
}
