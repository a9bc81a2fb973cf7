package nl.retentiewerkboek.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with limits on failures per account and per client address ({@link Throttle}): while a
 * limit is reached, the attempt is refused before the password is looked at, even a right one, so
 * guessing learns nothing; the login page says how long to wait.
 */
public final class ThrottledAuthentication implements AuthenticationProvider {

    /** Refused because of too many failures; says how long to wait. */
    public static final class TooManyAttempts extends AuthenticationException {
        private final Duration wait;

        TooManyAttempts(Duration wait) {
            super("too many failed attempts; wait " + wait);
            this.wait = wait;
        }

        public Duration waitTime() {
            return wait;
        }
    }

    private final AuthenticationProvider delegate;
    private final Throttle throttle;

    ThrottledAuthentication(AuthenticationProvider delegate, Throttle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = Throttle.accountKey(String.valueOf(authentication.getName()));
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                        ? web.getRemoteAddress()
                        : ClientAddress.current();
        // the attempt is taken before the password is checked, and given back only when it succeeds
        Optional<Duration> wait =
                throttle.take(Throttle.Kind.LOGIN_ADDRESS, address, Throttle.Kind.LOGIN_ACCOUNT, account);
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.get());
        }
        Authentication result = delegate.authenticate(authentication);
        throttle.giveBack(Throttle.Kind.LOGIN_ADDRESS, address, Throttle.Kind.LOGIN_ACCOUNT, account);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
