package nl.retentiewerkboek.security;

/** What other features may know of an account: never its password hash. */
public record UserSummary(
        long id,
        String username,
        String displayName,
        String company,
        Role role,
        String preferredLanguage,
        boolean active) {

    static UserSummary of(UserAccount account) {
        return new UserSummary(
                account.getId(),
                account.getUsername(),
                account.getDisplayName(),
                account.getCompany(),
                account.getRole(),
                account.getPreferredLanguage(),
                account.isActive());
    }
}
