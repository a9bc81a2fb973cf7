package nl.retentiewerkboek.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.retentiewerkboek.security.AccountService.AccountProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static Optional<AccountProblem> check(String password) {
        return PasswordPolicy.check(password, "dana.deelnemer@bakkerij-jansen.nl", "Dana de Vries");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123456789012",
                "klantbehoud2026",
                "wachtwoord2024!",
                "Password1234",
                "qwertyuiop12",
                "aaaaaaaaaaaa",
                "abababababab",
                "welkomwelkom",
                "iloveyou1234",
                "!!dragon!!2025",
                "111111111111",
                "Welkom01Welkom01"
            })
    void common_and_padded_common_passwords_are_refused(String password) {
        assertThat(check(password)).hasValue(AccountProblem.PASSWORD_COMMON);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dana.deelnemer@bakkerij-jansen.nl",
                "DanaDeelnemer2026",
                "danadevries!!1",
                "x-dana.deelnemer-x",
                "vries-vries-2026"
            })
    void the_users_own_address_and_name_are_refused(String password) {
        assertThat(check(password)).hasValue(AccountProblem.PASSWORD_PERSONAL);
    }

    @ParameterizedTest
    @CsvSource({"11, PASSWORD_TOO_SHORT", "12, ", "64, ", "65, PASSWORD_TOO_LONG"})
    void between_twelve_and_sixty_four_characters(int length, AccountProblem expected) {
        String password = "zonnige-fiets-oever-".repeat(4).substring(0, length);
        assertThat(check(password)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02\uD83D\uDE03\uD83D\uDE04\uD83D\uDE05\uD83D\uDE06\uD83D\uDE07"
                        + "\uD83D\uDE08\uD83D\uDE09\uD83D\uDE0A\uD83D\uDE0B\uD83D\uDE0C\uD83D\uDE0D\uD83D\uDE0E\uD83D\uDE0F\uD83D\uDE10\uD83D\uDE11"
                        + "\uD83D\uDE12\uD83D\uDE13"
            })
    void never_more_than_the_72_bytes_bcrypt_reads(String twentyEmoji) {
        assertThat(twentyEmoji.getBytes(StandardCharsets.UTF_8).length).isEqualTo(80);
        assertThat(check(twentyEmoji)).hasValue(AccountProblem.PASSWORD_TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "een-lang-wachtwoord",
                "koffie met appeltaart om vier",
                "Zeilboot-Harlingen-1987",
                "trap*blauw*kikker*9",
                "één-goede-zin-met-accenten"
            })
    void ordinary_good_passphrases_pass(String password) {
        assertThat(check(password)).isEmpty();
    }
}
