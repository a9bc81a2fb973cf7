package nl.retentiewerkboek.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ClientGoneTest {

    /** Stands in for Tomcat's ClientAbortException, recognised by name so the check needs no Tomcat classes. */
    static class ClientAbortException extends IOException {
        ClientAbortException(String message) {
            super(message);
        }
    }

    @Test
    void a_browser_that_went_away_is_not_an_error() {
        assertThat(ErrorHandlerSetup.isClientGone(new ClientAbortException("java.io.IOException: Broken pipe")))
                .isTrue();
        assertThat(ErrorHandlerSetup.isClientGone(
                        new UncheckedIOException(new IOException("Connection reset by peer"))))
                .isTrue();
        assertThat(ErrorHandlerSetup.isClientGone(new RuntimeException("wrapped", new IOException("Broken pipe"))))
                .isTrue();
    }

    @Test
    void a_real_fault_still_is() {
        assertThat(ErrorHandlerSetup.isClientGone(new IllegalStateException("boom")))
                .isFalse();
        assertThat(ErrorHandlerSetup.isClientGone(new IOException("No space left on device")))
                .isFalse();
    }
}
