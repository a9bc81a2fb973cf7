package nl.retentiewerkboek.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Accounts with the published demo password exist only when the demo profile is asked for. */
class DemoProfileTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DemoProfileTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(in);
        }
        return p;
    }

    @Test
    void a_plain_start_has_no_demo_accounts_and_the_demo_and_prod_profiles_say_what_they_mean() throws IOException {
        assertThat(load("application.properties").getProperty("app.demo-data")).isEqualTo("false");
        assertThat(load("application-demo.properties").getProperty("app.demo-data"))
                .isEqualTo("true");
        assertThat(load("application-prod.properties").getProperty("app.demo-data"))
                .isEqualTo("false");
    }
}
