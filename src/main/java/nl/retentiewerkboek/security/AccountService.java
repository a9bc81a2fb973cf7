package nl.retentiewerkboek.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.retentiewerkboek.base.DataErased;
import nl.retentiewerkboek.base.UserText;
import nl.retentiewerkboek.mail.MailOutbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creating them with a sound password, signing in, and the user's language. */
@Service
@Transactional
public class AccountService implements UserDetailsService {

    /** The shortest password the workbook accepts. */
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Sessions sessions;
    private final Throttle throttle;
    /** Reset links: a new password by any means makes the outstanding ones worthless. */
    private final PasswordResetRepository resetLinks;

    private final MailOutbox outbox;

    AccountService(
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder,
            CurrentUser currentUser,
            Clock clock,
            ApplicationEventPublisher events,
            Sessions sessions,
            Throttle throttle,
            PasswordResetRepository resetLinks,
            MailOutbox outbox) {
        this.resetLinks = resetLinks;
        this.outbox = outbox;
        this.sessions = sessions;
        this.throttle = throttle;
        this.events = events;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Why a new account is refused. */
    public enum AccountProblem {
        USERNAME_EMPTY,
        USERNAME_TAKEN,
        PASSWORD_TOO_SHORT,
        PASSWORD_TOO_LONG,
        PASSWORD_COMMON,
        PASSWORD_PERSONAL,
        NAME_EMPTY,
        EMAIL_INVALID;

        /** Whether the problem is with the password (the screen marks that field). */
        public boolean aboutPassword() {
            return name().startsWith("PASSWORD_");
        }

        public String messageKey() {
            return "account." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Thrown when an account cannot be created; carries the reason for the screen. */
    public static final class AccountRejected extends RuntimeException {
        private final AccountProblem problem;

        public AccountRejected(AccountProblem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public AccountProblem problem() {
            return problem;
        }
    }

    /** Creates an account: for a beheerder, and for start-up code running as the system. */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public UserSummary createAccount(
            String username, String rawPassword, String displayName, String company, Role role) {
        String name = userName(username);
        if (name.isEmpty()) {
            throw new AccountRejected(AccountProblem.USERNAME_EMPTY);
        }
        checkDetails(name, rawPassword, displayName);
        return create(name, rawPassword, displayName, company, role);
    }

    /**
     * A demo account with the published demo password, which the password rules would refuse for
     * anyone else (demo data only).
     */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public UserSummary createDemoAccount(
            String username, String rawPassword, String displayName, String company, Role role) {
        return create(userName(username), rawPassword, displayName, company, role);
    }

    /** A user name as stored and compared: trimmed, lower case. */
    private static String userName(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** The checks every new account passes, whoever makes it: a name, and a password by the {@link PasswordPolicy}. */
    private static void checkDetails(String name, String rawPassword, String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new AccountRejected(AccountProblem.NAME_EMPTY);
        }
        PasswordPolicy.check(rawPassword, name, displayName).ifPresent(problem -> {
            throw new AccountRejected(problem);
        });
    }

    private UserAccount newAccount(String name, String rawPassword, String displayName, String company, Role role) {
        return new UserAccount(
                name,
                passwordEncoder.encode(rawPassword),
                UserText.line(displayName),
                UserText.optional(company),
                role,
                Instant.now(clock));
    }

    private UserSummary create(String name, String rawPassword, String displayName, String company, Role role) {
        if (accounts.findByUsernameIgnoreCase(name).isPresent()) {
            throw new AccountRejected(AccountProblem.USERNAME_TAKEN);
        }
        UserAccount account = newAccount(name, rawPassword, displayName, company, role);
        return UserSummary.of(accounts.save(account));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean hasAccountWithRole(Role role) {
        return accounts.existsByRole(role);
    }

    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public Optional<UserSummary> findByUsername(String username) {
        return accounts.findByUsernameIgnoreCase(username).map(UserSummary::of);
    }

    /**
     * Signs up a new participant (the join page; the caller has checked the join code). The e-mail
     * address is the user name.
     */
    @PreAuthorize("permitAll()")
    public UserSummary registerParticipant(String email, String rawPassword, String displayName, String company) {
        return registerParticipant(email, rawPassword, displayName, company, "nl");
    }

    /** {@link #registerParticipant(String, String, String, String)}, with the language the account starts in. */
    @PreAuthorize("permitAll()")
    public UserSummary registerParticipant(
            String email, String rawPassword, String displayName, String company, String language) {
        String name = userName(email);
        if (!isEmail(name)) {
            throw new AccountRejected(AccountProblem.EMAIL_INVALID);
        }
        checkDetails(name, rawPassword, displayName);
        Optional<UserAccount> existing = accounts.findByUsernameIgnoreCase(name);
        if (existing.isPresent()) {
            return existingParticipant(existing.get(), rawPassword);
        }
        UserAccount account = newAccount(name, rawPassword, displayName, company, Role.DEELNEMER);
        account.setPreferredLanguage("en".equals(language) ? "en" : "nl");
        return UserSummary.of(accounts.save(account));
    }

    /**
     * Signing up with the address and password of an existing participant account joins with that
     * account, the same outcome as a new one. Anything else is refused; the password check counts
     * as a sign-in attempt for the {@link Throttle}, so sign-up cannot be used to guess passwords.
     */
    private UserSummary existingParticipant(UserAccount account, String rawPassword) {
        String key = Throttle.accountKey(account.getUsername());
        if (throttle.take(Throttle.Kind.LOGIN_ACCOUNT, key).isEmpty()) {
            if (account.isActive()
                    && account.getRole() == Role.DEELNEMER
                    && passwordEncoder.matches(rawPassword, account.getPasswordHash())) {
                throttle.giveBack(Throttle.Kind.LOGIN_ACCOUNT, key);
                return UserSummary.of(account);
            }
        }
        throw new AccountRejected(AccountProblem.USERNAME_TAKEN);
    }

    /** All trainer accounts, for the beheerder. */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public List<UserSummary> trainers() {
        return accounts.findByRoleOrderByDisplayNameAsc(Role.TRAINER).stream()
                .map(UserSummary::of)
                .toList();
    }

    /** Deactivates or reactivates a trainer (a deactivated trainer cannot log in). */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public void setTrainerActive(long trainerId, boolean active) {
        UserAccount trainer = trainer(trainerId);
        trainer.setActive(active);
        if (!active) {
            sessions.endAllOf(trainer.getUsername());
        }
    }

    /**
     * Gives a trainer a new password (by the {@link PasswordPolicy}); the trainer's sessions end, so
     * whoever was signed in with the old password is signed out.
     */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    public void resetTrainerPassword(long trainerId, String rawPassword) {
        UserAccount trainer = trainer(trainerId);
        PasswordPolicy.check(rawPassword, trainer.getUsername(), trainer.getDisplayName())
                .ifPresent(problem -> {
                    throw new AccountRejected(problem);
                });
        trainer.setPasswordHash(passwordEncoder.encode(rawPassword));
        resetLinks.deleteByUserId(trainer.getId());
        sessions.endAllOf(trainer.getUsername());
    }

    /** Why the signed-in user's change of password or e-mail address was refused. */
    public enum ChangeProblem {
        WRONG_PASSWORD,
        EMAIL_INVALID,
        EMAIL_TAKEN;

        public String messageKey() {
            return "account.change." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Thrown when the signed-in user's own change is refused; carries the reason for the screen. */
    public static final class ChangeRefused extends RuntimeException {
        private final ChangeProblem problem;

        public ChangeRefused(ChangeProblem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public ChangeProblem problem() {
            return problem;
        }
    }

    /**
     * The signed-in user changes their own password, with the current one (checked like a sign-in, so it counts towards
     * the same limit). Their other sessions end and outstanding reset links stop working; this one stays signed in.
     */
    @PreAuthorize("isAuthenticated()")
    public void changeMyPassword(String currentPassword, String newPassword) {
        UserAccount me = checkedMe(currentPassword);
        PasswordPolicy.check(newPassword, me.getUsername(), me.getDisplayName()).ifPresent(problem -> {
            throw new AccountRejected(problem);
        });
        me.setPasswordHash(passwordEncoder.encode(newPassword));
        resetLinks.deleteByUserId(me.getId());
        sessions.endOthersOf(me.getUsername());
    }

    /**
     * The signed-in user changes their e-mail address, which is also what they sign in with, with their current
     * password. Their other sessions end; the caller signs this session in again under the new address.
     *
     * @return the address as stored (trimmed, lower case)
     */
    @PreAuthorize("isAuthenticated()")
    public String changeMyEmail(String currentPassword, String newEmail) {
        UserAccount me = checkedMe(currentPassword);
        String name = userName(newEmail);
        if (!isEmail(name) || name.length() > 100) {
            throw new ChangeRefused(ChangeProblem.EMAIL_INVALID);
        }
        if (name.equals(me.getUsername())) {
            return name;
        }
        if (accounts.findByUsernameIgnoreCase(name).isPresent()) {
            throw new ChangeRefused(ChangeProblem.EMAIL_TAKEN);
        }
        String old = me.getUsername();
        me.setUsername(name);
        accounts.flush();
        resetLinks.deleteByUserId(me.getId());
        sessions.endOthersOf(old);
        return name;
    }

    /** Whether a text looks like an e-mail address (something@something.tld, no spaces). */
    public static boolean isEmail(String text) {
        return text != null && text.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    /** The signed-in account, when the password given is its current one; the check counts as a sign-in attempt. */
    private UserAccount checkedMe(String currentPassword) {
        UserAccount me = currentUser
                .id()
                .flatMap(accounts::findById)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
        String key = Throttle.accountKey(me.getUsername());
        if (throttle.take(Throttle.Kind.LOGIN_ACCOUNT, key).isPresent()
                || currentPassword == null
                || !passwordEncoder.matches(currentPassword, me.getPasswordHash())) {
            throw new ChangeRefused(ChangeProblem.WRONG_PASSWORD);
        }
        throttle.giveBack(Throttle.Kind.LOGIN_ACCOUNT, key);
        return me;
    }

    private UserAccount trainer(long id) {
        return accounts.findById(id)
                .filter(a -> a.getRole() == Role.TRAINER)
                .orElseThrow(() -> new AccessDeniedException("not a trainer"));
    }

    /**
     * The signed-in participant deletes their account and everything kept of it: answers, lessons
     * read, uploads, cohort memberships (each feature removes its own on {@link AccountDeleting}).
     */
    @PreAuthorize("hasRole('" + AppRoles.DEELNEMER + "')")
    public void deleteMyAccount() {
        long me = currentUser.requireId();
        String username = accounts.findById(me).map(UserAccount::getUsername).orElse("");
        events.publishEvent(new AccountDeleting(me));
        outbox.forget(username);
        accounts.deleteById(me);
        accounts.flush();
        events.publishEvent(new DataErased("account"));
        sessions.endOthersOf(username);
    }

    /** The role of an account, if it exists and is active. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Role> roleOf(long id) {
        return accounts.findById(id).filter(UserAccount::isActive).map(UserAccount::getRole);
    }

    /** Names and companies of accounts, for coaches; never password hashes. */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public List<UserSummary> summaries(Collection<Long> ids) {
        return accounts.findAllById(ids).stream().map(UserSummary::of).toList();
    }

    /**
     * The name of a trainer (or beheerder), as their participants see it, e.g. on a certificate: never the name of a
     * participant, so this tells no one about another participant.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> coachName(long id) {
        return accounts.findById(id)
                .filter(a -> a.getRole() == Role.TRAINER || a.getRole() == Role.BEHEERDER)
                .map(UserAccount::getDisplayName);
    }

    /** The signed-in user's own account. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<UserSummary> me() {
        return currentUser.id().flatMap(accounts::findById).map(UserSummary::of);
    }

    /** Whether the signed-in user gets a mail when a re-measurement is due. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean myReminders() {
        return currentUser
                .id()
                .flatMap(accounts::findById)
                .map(UserAccount::wantsReminders)
                .orElse(false);
    }

    /** Turns the signed-in user's re-measurement reminders on or off. */
    @PreAuthorize("isAuthenticated()")
    public void setMyReminders(boolean on) {
        currentUser.id().flatMap(accounts::findById).ifPresent(a -> a.setReminders(on));
    }

    /** Whether the signed-in trainer gets the weekly digest of their cohorts. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean myDigest() {
        return currentUser
                .id()
                .flatMap(accounts::findById)
                .map(UserAccount::wantsDigest)
                .orElse(false);
    }

    /** Turns the signed-in trainer's weekly digest on or off. */
    @PreAuthorize("isAuthenticated()")
    public void setMyDigest(boolean on) {
        currentUser.id().flatMap(accounts::findById).ifPresent(a -> a.setDigest(on));
    }

    /** Active trainers who want the weekly digest and sign in with an e-mail address (the system's job). */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public List<UserSummary> trainersForDigest() {
        return accounts.findByRoleAndActiveTrueAndDigestTrue(Role.TRAINER).stream()
                .filter(a -> isEmail(a.getUsername()))
                .map(UserSummary::of)
                .toList();
    }

    /** Active participants who want re-measurement reminders and sign in with an e-mail address (the system's job). */
    @PreAuthorize("hasRole('" + AppRoles.BEHEERDER + "')")
    @Transactional(readOnly = true)
    public List<UserSummary> participantsToRemind() {
        return accounts.findByRoleAndActiveTrueAndRemindersTrue(Role.DEELNEMER).stream()
                .filter(a -> isEmail(a.getUsername()))
                .map(UserSummary::of)
                .toList();
    }

    /** Remembers the signed-in user's language ({@code nl} or {@code en}) for the next visit. */
    @PreAuthorize("permitAll()")
    public void setMyLanguage(String language) {
        if (!"nl".equals(language) && !"en".equals(language)) {
            throw new IllegalArgumentException("unsupported language: " + language);
        }
        currentUser.id().flatMap(accounts::findById).ifPresent(a -> a.setPreferredLanguage(language));
    }

    @PreAuthorize("permitAll()")
    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsernameIgnoreCase(username == null ? "" : username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.getUsername())
                .password(account.getPasswordHash())
                .roles(account.getRole().name())
                .disabled(!account.isActive())
                .build();
    }
}
