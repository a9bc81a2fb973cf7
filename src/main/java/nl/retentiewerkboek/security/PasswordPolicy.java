package nl.retentiewerkboek.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B, ASVS 2.1): 12 to 64 characters, not on the list of
 * common passwords (also not as a common word padded with digits or signs, or repeated), at least
 * four different characters, at least four characters between the first and the last letter (so
 * not only digits and signs), and not the user's own e-mail address or name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** At most 64 characters, and never more than bcrypt's 72 bytes. */
    public static final int MAX_LENGTH = 64;

    private static final int BCRYPT_BYTES = 72;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Why a password is refused, or empty when it is fine. */
    public static Optional<AccountService.AccountProblem> check(String password, String email, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(AccountService.AccountProblem.PASSWORD_TOO_SHORT);
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_BYTES) {
            return Optional.of(AccountService.AccountProblem.PASSWORD_TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = core(lower);
        String once = collapse(lower);
        if (COMMON.contains(lower)
                || COMMON.contains(core)
                || core.length() < 4
                || lower.codePoints().distinct().count() < 4
                || COMMON.contains(collapse(core))
                || COMMON.contains(once)
                || COMMON.contains(core(once))) {
            return Optional.of(AccountService.AccountProblem.PASSWORD_COMMON);
        }
        String letters = alnum(lower);
        String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String local = alnum(mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail);
        String name = alnum(displayName == null ? "" : displayName.toLowerCase(Locale.ROOT));
        if ((!mail.isEmpty() && lower.contains(mail))
                || (local.length() >= 4 && letters.contains(local))
                || (name.length() >= 4 && letters.contains(name))
                || nameParts(displayName).contains(core)
                || nameParts(displayName).contains(collapse(core))) {
            return Optional.of(AccountService.AccountProblem.PASSWORD_PERSONAL);
        }
        return Optional.empty();
    }

    /** The password without the digits, signs and spaces people pad a word with at either end. */
    private static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    /** "wachtwoord-wachtwoord" and "welkomwelkom" are one word twice. */
    private static String collapse(String core) {
        String plain = alnum(core);
        for (int len = 1; len <= plain.length() / 2; len++) {
            if (plain.length() % len == 0
                    && plain.substring(0, len).repeat(plain.length() / len).equals(plain)) {
                return plain.substring(0, len);
            }
        }
        return plain;
    }

    private static String alnum(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Set<String> nameParts(String displayName) {
        Set<String> parts = new HashSet<>();
        if (displayName != null) {
            for (String part : displayName.toLowerCase(Locale.ROOT).split("[\\s\\-.]+")) {
                if (part.length() >= 3) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
