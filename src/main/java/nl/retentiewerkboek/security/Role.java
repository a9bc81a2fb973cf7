package nl.retentiewerkboek.security;

/** A user's role; the name is the Spring Security role ({@code ROLE_} + name). */
public enum Role {
    DEELNEMER,
    TRAINER,
    BEHEERDER
}
