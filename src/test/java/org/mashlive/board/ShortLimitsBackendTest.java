package org.mashlive.board;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.mashlive.BackendTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link BackendTest} backend with limits short enough for tests to reach in seconds: a 100 ms
 * heartbeat, a 2 s sign-in deadline, and caps of 1,000 connections from one address and 1,001 in
 * all. Frame and payload sizes are the defaults. The classes that use it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@BackendTest
@TestPropertySource(properties = {"mash.board.heartbeat=100ms", "mash.rsocket.sign-in-deadline=2s",
        "mash.rsocket.max-connections-per-address=1000", "mash.rsocket.max-connections=1001"})
@interface ShortLimitsBackendTest {

    /** As set above. */
    java.time.Duration HEARTBEAT = java.time.Duration.ofMillis(100);
    java.time.Duration SIGN_IN_DEADLINE = java.time.Duration.ofSeconds(2);
    int PER_ADDRESS = 1000;
    int TOTAL = 1001;
}
