package nl.retentiewerkboek.cohorts.ui;

import nl.retentiewerkboek.security.PublicAddress;

/** The join link of a cohort, on the address the trainer opened the app with (what the participants can reach too). */
final class JoinLinks {

    private JoinLinks() {}

    /** The address the app was opened on, such as {@code https://werkboek.example.nl}; empty outside a request. */
    static String base() {
        return PublicAddress.ofRequest();
    }

    static String of(String joinCode) {
        return base() + "/join/" + joinCode;
    }
}
