package nl.retentiewerkboek.security;

/** What other features may know of an account: never its password hash. */
public record UserSummary(long id, String username, String displayName, String company, Role role,
                          String preferredLanguage, java.util.Optional<java.time.Instant> lastActivity,
                          java.util.Optional<java.time.Instant> planDownloadedAt, boolean active) {

    static UserSummary of(UserAccount account) {
        return new UserSummary(account.getId(), account.getUsername(), account.getDisplayName(),
                account.getCompany(), account.getRole(), account.getPreferredLanguage(),
                java.util.Optional.ofNullable(account.getLastActivity()), java.util.Optional.ofNullable(account.getPlanDownloadedAt()),
                account.isActive());
    }
}
