package org.mashlive.wallboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.mashlive.MashLive;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The system's clock in UTC, moved on by however far a test has moved it; safe to read from any
 * thread. Given to the wall-board, it lets a test reach a time the board waits for (a breach, a due
 * time) at once, rather than after a real wait.
 */
public final class MovedClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration duration) {
        offset.updateAndGet(moved -> moved.plus(duration));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    /**
     * Starts both contexts as {@link MashLive#start} does, the wall-board (the servlet context of the
     * two) with this clock in place of its own; the backend keeps the system's.
     */
    public MashLive.Running startWithWallboardClock(String... args) {
        var running = SpringApplication.withHook(application -> new SpringApplicationRunListener() {
            @Override
            public void contextPrepared(ConfigurableApplicationContext context) {
                if (application.getWebApplicationType() == WebApplicationType.SERVLET) {
                    context.getBeanFactory().registerSingleton("clock", MovedClock.this);
                }
            }
        }, () -> MashLive.start(args));
        if (running.wallboard().getBean(Clock.class) != this) {
            running.close();
            throw new IllegalStateException("the wall-board did not take the moved clock");
        }
        return running;
    }
}
