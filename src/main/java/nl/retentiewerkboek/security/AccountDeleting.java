package nl.retentiewerkboek.security;

/**
 * Published, inside the deleting transaction, just before an account is removed: every feature
 * removes what it keeps of that user.
 */
public record AccountDeleting(long userId) {}
