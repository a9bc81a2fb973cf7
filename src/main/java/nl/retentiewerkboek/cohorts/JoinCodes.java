package nl.retentiewerkboek.cohorts;

import java.security.SecureRandom;
import java.util.Locale;

/** Join codes people can read aloud and type: eight characters without 0/O, 1/I/L. */
public final class JoinCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {}

    public static String next() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** A code as typed: spaces and dashes removed, upper case. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
