package nl.retentiewerkboek.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

class OnBehalfTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static SecurityContext signedIn(String name) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null, List.of()));
        return context;
    }

    @Test
    void on_a_thread_with_no_sign_in_the_work_runs_as_the_user_and_the_thread_is_left_without_one() {
        List<String> seen = new ArrayList<>();
        OnBehalf.run(
                signedIn("noor"),
                () -> seen.add(
                        SecurityContextHolder.getContext().getAuthentication().getName()));
        assertThat(seen).containsExactly("noor");
        assertThat(SecurityContextHolder.getContext().getAuthentication())
                .as("nothing stays for the next person this thread serves")
                .isNull();
    }

    @Test
    void the_sign_in_is_taken_off_even_when_the_work_fails() {
        try {
            OnBehalf.run(signedIn("noor"), () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the work's own failure
        }
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void where_the_thread_knows_a_sign_in_that_one_is_used_and_kept() {
        SecurityContextHolder.setContext(signedIn("trainer"));
        List<String> seen = new ArrayList<>();
        OnBehalf.run(
                signedIn("noor"),
                () -> seen.add(
                        SecurityContextHolder.getContext().getAuthentication().getName()));
        assertThat(seen).containsExactly("trainer");
        assertThat(SecurityContextHolder.getContext().getAuthentication().getName())
                .isEqualTo("trainer");
    }
}
