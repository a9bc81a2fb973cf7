package nl.retentiewerkboek;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Wraps the application's data source so a test can make every new connection fail, as a full
 * disk, a read-only database or a lost PostgreSQL connection would. Off unless a test sets
 * {@link #FAILING}; part of every {@link IntegrationTest} so they all share one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

    public static final AtomicBoolean FAILING = new AtomicBoolean();

    /** The app's clock, which a test can move forward ({@link TestClock#reset()} puts it back). */
    @Bean
    @Primary
    TestClock testClock(@Qualifier("clock") Clock clock) {
        return new TestClock(clock);
    }

    @Bean
    static BeanPostProcessor faultyDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource real) || Proxy.isProxyClass(bean.getClass())) {
                    return bean;
                }
                return Proxy.newProxyInstance(
                        DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                            if (FAILING.get() && method.getName().equals("getConnection")) {
                                throw new SQLException("No space left on device (simulated)", "HY000");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
