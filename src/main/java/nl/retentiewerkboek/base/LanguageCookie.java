package nl.retentiewerkboek.base;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Optional;

/** The browser's last chosen language: a cookie the language switch sets, also before signing in. */
public final class LanguageCookie {

    public static final String NAME = "rwb-lang";

    private LanguageCookie() {}

    /** "nl" or "en" from the request's cookie, if it has one. */
    public static Optional<String> of(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> NAME.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(v -> v.equals("nl") || v.equals("en"))
                .findFirst();
    }
}
