package nl.retentiewerkboek.settings;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The typed settings and the one clock every service and view reads the time from. */
@Configuration
@EnableConfigurationProperties(AppSettings.class)
class Settings {

    /** The system clock in {@code app.time-zone}: "today" is the same day on every screen and in every file. */
    @Bean
    Clock clock(AppSettings settings) {
        return Clock.system(settings.timeZone());
    }
}
