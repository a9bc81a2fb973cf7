package nl.retentiewerkboek.security;

/** The three roles of the workbook, as used in {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class AppRoles {
    public static final String DEELNEMER = "DEELNEMER";
    public static final String TRAINER = "TRAINER";
    public static final String BEHEERDER = "BEHEERDER";

    /**
     * Who has a workbook of their own: every participant, and every trainer and beheerder, whose workbook is a demo to
     * show on the beamer. A demo workbook never counts anywhere: only participants can be in a cohort.
     */
    public static final String HAS_WORKBOOK = "hasAnyRole('" + DEELNEMER + "', '" + TRAINER + "', '" + BEHEERDER + "')";

    /** A trainer or a beheerder: whose own workbook is a demo. */
    public static final String COACH = "hasAnyRole('" + TRAINER + "', '" + BEHEERDER + "')";

    private AppRoles() {}
}
