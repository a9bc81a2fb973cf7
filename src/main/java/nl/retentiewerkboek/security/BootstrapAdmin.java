package nl.retentiewerkboek.security;

import nl.retentiewerkboek.settings.AppSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a database without any beheerder, creates the first one from configuration
 * ({@code app.bootstrap-admin.username} and {@code app.bootstrap-admin.password}), so a fresh
 * installation never depends on demo data.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountService accounts;
    private final String username;
    private final String password;

    BootstrapAdmin(AccountService accounts, AppSettings settings) {
        String username = settings.bootstrapAdmin().username();
        String password = settings.bootstrapAdmin().password();
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasAccountWithRole(Role.BEHEERDER)) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn("No beheerder exists yet. Set app.bootstrap-admin.username and app.bootstrap-admin.password "
                    + "(e.g. APP_BOOTSTRAP_ADMIN_USERNAME / APP_BOOTSTRAP_ADMIN_PASSWORD) to create the first one.");
            return;
        }
        PasswordPolicy.check(password, username, "Beheerder").ifPresent(problem -> {
            throw new IllegalStateException("app.bootstrap-admin.password is refused (" + problem + "): use "
                    + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                    + " characters, not a common password and not the user name");
        });
        SystemAuthentication.runAsSystem(
                () -> accounts.createAccount(username, password, "Beheerder", null, Role.BEHEERDER));
        log.info("Created the first beheerder account '{}' from configuration.", username);
    }
}
