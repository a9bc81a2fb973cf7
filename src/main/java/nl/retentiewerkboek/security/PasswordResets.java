package nl.retentiewerkboek.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import nl.retentiewerkboek.base.AppI18NProvider;
import nl.retentiewerkboek.mail.Mail;
import nl.retentiewerkboek.mail.MailOutbox;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password self-service. A reset link holds a random token of 256 bits; only its SHA-256 is kept. It works for an hour,
 * once, and only while it is the account's newest: a new link, its use or a new password makes the others worthless.
 * Asking for one answers the same whether the address has an account or not; asking is limited per client address and
 * per account. A trainer can send a link to a participant of their own cohorts, the beheerder to anyone. Setting a new
 * password ends the account's sessions.
 */
@Service
@Transactional
public class PasswordResets {

    /** How long a link works. */
    public static final Duration VALID_FOR = Duration.ofHours(1);
    /** The page a link opens; the token follows it. */
    public static final String ROUTE = "nieuw-wachtwoord";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What asking for a link came to, as the page may say it (never whether the address has an account). */
    public enum Asked {
        /** If the address has an account, a mail is on its way. */
        ANSWERED,
        /** This browser's address asked too often; try again later. */
        TOO_MANY
    }

    private final UserAccountRepository accounts;
    private final PasswordResetRepository resets;
    private final PasswordEncoder passwordEncoder;
    private final MailOutbox outbox;
    private final AppI18NProvider i18n;
    private final Throttle throttle;
    private final Sessions sessions;
    private final CoachingAccess coaching;
    private final CurrentUser currentUser;
    private final PublicAddress address;
    private final Clock clock;

    PasswordResets(
            UserAccountRepository accounts,
            PasswordResetRepository resets,
            PasswordEncoder passwordEncoder,
            MailOutbox outbox,
            AppI18NProvider i18n,
            Throttle throttle,
            Sessions sessions,
            CoachingAccess coaching,
            CurrentUser currentUser,
            PublicAddress address,
            Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.passwordEncoder = passwordEncoder;
        this.outbox = outbox;
        this.i18n = i18n;
        this.throttle = throttle;
        this.sessions = sessions;
        this.coaching = coaching;
        this.currentUser = currentUser;
        this.address = address;
        this.clock = clock;
    }

    /**
     * "Wachtwoord vergeten?": mails a reset link to the address if it belongs to an active account. The answer is the
     * same either way; only the client address's own limit shows.
     */
    @PreAuthorize("permitAll()")
    public Asked requestReset(String email) {
        if (throttle.take(Throttle.Kind.RESET_ADDRESS, ClientAddress.current()).isPresent()) {
            return Asked.TOO_MANY;
        }
        String name = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 320) {
            return Asked.ANSWERED;
        }
        accounts.findByUsernameIgnoreCase(name)
                .filter(UserAccount::isActive)
                .filter(a -> AccountService.isEmail(a.getUsername()))
                .filter(a -> throttle.take(Throttle.Kind.RESET_ACCOUNT, Throttle.accountKey(a.getUsername()))
                        .isEmpty())
                .ifPresent(a -> mailLink(a, "mail.reset"));
        return Asked.ANSWERED;
    }

    /**
     * A trainer sends a reset link to a participant of their own cohorts; the beheerder to any account. The mail is in
     * the participant's language and says who sent it. False, and nothing sent, for an account whose sign-in name is
     * not an e-mail address.
     */
    @PreAuthorize("hasAnyRole('" + AppRoles.TRAINER + "', '" + AppRoles.BEHEERDER + "')")
    public boolean sendResetTo(long accountId) {
        long me = currentUser.requireId();
        boolean beheerder = currentUser.role().filter(r -> r == Role.BEHEERDER).isPresent();
        if (!beheerder && !coaching.maySee(me, accountId)) {
            throw new AccessDeniedException("not your participant");
        }
        UserAccount account = accounts.findById(accountId)
                .filter(UserAccount::isActive)
                .orElseThrow(() -> new AccessDeniedException("no such account"));
        if (!AccountService.isEmail(account.getUsername())) {
            return false; // an account from before sign-in names were e-mail addresses (the demo accounts)
        }
        mailLink(account, "mail.reset-by-coach");
        return true;
    }

    /** The name of the account a link is for, while the link works; empty for an unknown, used, old or expired one. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<String> whoseLink(String token) {
        return usable(token)
                .flatMap(r -> accounts.findById(r.getUserId()))
                .filter(UserAccount::isActive)
                .map(UserAccount::getDisplayName);
    }

    /**
     * Sets a new password with a link (by the {@link PasswordPolicy}); the link is then used up, the account's other
     * links are void and its sessions end. Returns the account's user name, to sign in with.
     *
     * @throws AccessDeniedException for a link that does not work (any more)
     * @throws AccountService.AccountRejected for a password the policy refuses (the link still works)
     */
    @PreAuthorize("permitAll()")
    public String reset(String token, String rawPassword) {
        PasswordReset reset = usable(token).orElseThrow(() -> new AccessDeniedException("this link does not work"));
        UserAccount account = accounts.findById(reset.getUserId())
                .filter(UserAccount::isActive)
                .orElseThrow(() -> new AccessDeniedException("this link does not work"));
        PasswordPolicy.check(rawPassword, account.getUsername(), account.getDisplayName())
                .ifPresent(problem -> {
                    throw new AccountService.AccountRejected(problem);
                });
        account.setPasswordHash(passwordEncoder.encode(rawPassword));
        reset.use(Instant.now(clock));
        resets.deleteByUserId(account.getId());
        sessions.endAllOf(account.getUsername());
        return account.getUsername();
    }

    private Optional<PasswordReset> usable(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return resets.findByTokenHash(hash(token)).filter(r -> r.usableAt(now));
    }

    private void mailLink(UserAccount account, String texts) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now(clock);
        Instant until = now.plus(VALID_FOR);
        resets.deleteByUserId(account.getId()); // a newer link replaces the older ones
        resets.save(new PasswordReset(account.getId(), hash(token), now, until));
        Locale locale = Locale.of(account.getPreferredLanguage());
        String link = address.base() + "/" + ROUTE + "/" + token;
        outbox.queue(new Mail(
                account.getUsername(),
                locale.getLanguage(),
                "reset",
                i18n.getTranslation(texts + ".subject", locale),
                i18n.getTranslation(texts + ".text", locale, account.getDisplayName(), Mail.LINK),
                Optional.of(link),
                Optional.of(until)));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
