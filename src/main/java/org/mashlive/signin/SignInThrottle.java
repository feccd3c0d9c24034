package org.mashlive.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per account and per address over a sliding window; once either has failed
 * {@code failures} times within {@code window}, further attempts for it are refused unchecked (the
 * right password too) until the oldest of those failures is {@code window} old. A refused attempt is
 * not counted again, so a lockout ends on time however hard it is pressed.
 *
 * <p>The lockout per account lets someone who knows a user's name keep that user out for as long as
 * they keep trying; the window is short, every failure is audited, and the lockout per address stops
 * one machine guessing across many accounts. See docs/decisions/0012-cross-site-and-sign-in-throttling.md.
 */
public final class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** The most accounts and addresses remembered at once: what a flood of made-up names can cost. */
    static final int MOST_KEYS = 100_000;

    /** The longest account name kept as a key: names are the caller's text. */
    private static final int LONGEST_NAME = 128;

    /**
     * @param failures how many failures within {@code window} lock an account or address
     * @param window   how long a failure counts
     */
    public record Settings(int failures, Duration window) {

        public Settings {
            if (failures < 1) {
                throw new IllegalArgumentException("sign-in-throttle.failures must be at least 1; it was " + failures);
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("sign-in-throttle.window must be positive; it was " + window);
            }
        }
    }

    /**
     * What the throttle made of a failure.
     *
     * @param failures   the failures now counted against the account or address, whichever has more
     * @param lockedFor  how long the account or address is locked from now on; zero when it is not
     */
    public record Failure(int failures, Duration lockedFor) {

        public boolean locked() {
            return !lockedFor.isZero();
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, ArrayDeque<Instant>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * How long until {@code account} from {@code address} may try again; empty when it may now. A null
     * address (not known) is throttled per account only.
     */
    public Optional<Duration> refusedFor(String account, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(account, address)) {
            Duration left = lockedFor(key, now);
            if (left.compareTo(longest) > 0) {
                longest = left;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed sign-in of {@code account} from {@code address}. */
    public Failure failed(String account, String address) {
        Instant now = clock.instant();
        int most = 0;
        Duration locked = Duration.ZERO;
        for (String key : keys(account, address)) {
            most = Math.max(most, count(key, now));
            Duration left = lockedFor(key, now);
            if (left.compareTo(locked) > 0) {
                locked = left;
            }
        }
        return new Failure(most, locked);
    }

    private int count(String key, Instant now) {
        if (!failures.containsKey(key) && failures.size() >= MOST_KEYS) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
            if (failures.size() >= MOST_KEYS) {
                log.warn("Sign-in failures from more than {} accounts and addresses in {}: {} is not counted",
                        MOST_KEYS, settings.window(), key.startsWith("address:") ? key : "an account");
                return 0;
            }
        }
        var times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            return times.size();
        }
    }

    private Duration lockedFor(String key, Instant now) {
        var times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < settings.failures()) {
                return Duration.ZERO;
            }
            // locked until the failure that made up the count ages out of the window
            Instant until = times.stream().skip(times.size() - settings.failures()).findFirst().orElseThrow()
                    .plus(settings.window());
            return Duration.between(now, until);
        }
    }

    private void prune(ArrayDeque<Instant> times, Instant now) {
        Instant oldest = now.minus(settings.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.pollFirst();
        }
    }

    private static String[] keys(String account, String address) {
        return address == null ? new String[] {accountKey(account)}
                : new String[] {accountKey(account), "address:" + address};
    }

    private static String accountKey(String account) {
        String name = account == null ? "" : account;
        return "account:" + (name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name);
    }
}
