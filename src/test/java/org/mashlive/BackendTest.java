package org.mashlive;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A backend context on the real embedded PostgreSQL, on free ports, with the simulator off. All
 * test classes that use it share one context (and one database), so tests must not assume an
 * empty database: they count what they add.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=backend", "mash.rsocket.port=0", "mash.simulation.enabled=false",
                "mash.board.heartbeat=1s", "mash.allocation.caseload-limit=3",
                // tests try wrong passwords on purpose, all from this machine, far more often than the
                // throttle allows; SignInThrottleIT tests the throttle in a context of its own
                "mash.security.sign-in-throttle.failures=100000"})
public @interface BackendTest {
}
