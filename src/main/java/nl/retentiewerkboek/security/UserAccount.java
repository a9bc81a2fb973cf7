package nl.retentiewerkboek.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 200)
    private String company;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "preferred_language", nullable = false, length = 5)
    private String preferredLanguage = "nl";

    @Column(nullable = false)
    private boolean active = true;

    /** Whether the participant wants a mail when a re-measurement is due. */
    @Column(nullable = false)
    private boolean reminders = true;

    /** Whether the trainer wants the weekly digest of their cohorts. */
    @Column(nullable = false)
    private boolean digest = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {}

    UserAccount(
            String username, String passwordHash, String displayName, String company, Role role, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.company = company;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getCompany() {
        return company;
    }

    public Role getRole() {
        return role;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    boolean wantsReminders() {
        return reminders;
    }

    void setReminders(boolean reminders) {
        this.reminders = reminders;
    }

    boolean wantsDigest() {
        return digest;
    }

    void setDigest(boolean digest) {
        this.digest = digest;
    }

    void setUsername(String username) {
        this.username = username;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
