package nl.retentiewerkboek.security;

/** The three roles of the workbook, as used in {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class AppRoles {
    public static final String DEELNEMER = "DEELNEMER";
    public static final String TRAINER = "TRAINER";
    public static final String BEHEERDER = "BEHEERDER";

    private AppRoles() {}
}
