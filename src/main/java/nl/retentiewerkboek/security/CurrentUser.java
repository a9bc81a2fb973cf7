package nl.retentiewerkboek.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is asking, for services. Every service that reads or writes someone's data asks this,
 * rather than trusting an id that came from the screen.
 */
@Component
@Transactional(readOnly = true)
public class CurrentUser {

    private final UserAccountRepository accounts;

    CurrentUser(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The signed-in user's id, or empty for an anonymous visitor or an unknown or deactivated account. */
    public Optional<Long> id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return accounts.findByUsernameIgnoreCase(auth.getName())
                .filter(UserAccount::isActive)
                .map(UserAccount::getId);
    }

    /** The signed-in user's id; an {@link org.springframework.security.access.AccessDeniedException} when there is none. */
    public long requireId() {
        return id().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The signed-in user's role, if any. */
    public Optional<Role> role() {
        return id().flatMap(accounts::findById).map(UserAccount::getRole);
    }
}
