package org.mashlive.security;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.audit.SignInRefusal;
import org.mashlive.signin.SignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Name-and-password sign-in behind the {@link SignInThrottle}: an account or address that failed too
 * often lately is refused without a check ({@link TooManySignIns}); every wrong password is counted,
 * written to the audit trail and to the {@value #METER} meter. Which door the attempt came through and
 * from which address are read from the Reactor context, where the HTTP filter and the RSocket acceptor
 * put them ({@link #at}).
 */
final class ThrottledSignIns implements ReactiveAuthenticationManager {

    static final String METER = "mash.signin.refused";

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIns.class);
    private static final String DOOR = ThrottledSignIns.class.getName() + ".door";
    private static final String ADDRESS = ThrottledSignIns.class.getName() + ".address";

    /** An attempt refused unchecked, as its account or address failed too often lately. */
    static final class TooManySignIns extends AuthenticationException {

        private final Duration retryAfter;

        TooManySignIns(Duration retryAfter) {
            super("Too many failed sign-ins for this user or from this address: try again in "
                    + seconds(retryAfter) + " s");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }

        static long seconds(Duration duration) {
            return Math.max(1, (duration.toMillis() + 999) / 1000);
        }
    }

    private final ReactiveAuthenticationManager checker;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final MeterRegistry meters;
    private final Clock clock;

    ThrottledSignIns(ReactiveAuthenticationManager checker, SignInThrottle throttle, AuditTrail audit,
                     MeterRegistry meters, Clock clock) {
        this.checker = checker;
        this.throttle = throttle;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
        for (String door : new String[] {"rest", "rsocket"}) {
            counter(door, "bad-credentials");
            counter(door, "throttled");
        }
    }

    /**
     * The Reactor context entries that say an attempt came through {@code door} from {@code address}
     * (null when it is not known: then it is throttled per account only).
     */
    static Context at(String door, String address) {
        return address == null ? Context.of(DOOR, door) : Context.of(DOOR, door, ADDRESS, address);
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
            return checker.authenticate(attempt);
        }
        return Mono.deferContextual(context -> {
            String door = door(context);
            String address = context.getOrDefault(ADDRESS, null);
            String account = attempt.getName();
            var refused = throttle.refusedFor(account, address);
            if (refused.isPresent()) {
                counter(door, "throttled").increment();
                return Mono.error(new TooManySignIns(refused.get()));
            }
            return checker.authenticate(attempt)
                    .onErrorResume(BadCredentialsException.class, wrong -> failed(door, account, address, wrong));
        });
    }

    private Mono<Authentication> failed(String door, String account, String address, BadCredentialsException wrong) {
        var failure = throttle.failed(account, address);
        counter(door, "bad-credentials").increment();
        var now = clock.instant();
        if (failure.locked()) {
            log.warn("Sign-in through {} for '{}' from {} refused {} times in {}: locked for {} s", door,
                    printable(account), address, failure.failures(), throttle.settings().window(),
                    TooManySignIns.seconds(failure.lockedFor()));
        }
        var refusal = new SignInRefusal(now, door, account, address == null ? "unknown" : address, failure.failures(),
                failure.locked() ? now.plus(failure.lockedFor()) : null);
        return audit.signInRefused(refusal)
                .onErrorResume(e -> {
                    log.error("A refused sign-in through {} from {} could not be written to the audit trail", door,
                            address, e);
                    return Mono.empty();
                })
                .then(Mono.error(wrong));
    }

    private Counter counter(String door, String reason) {
        return Counter.builder(METER).description("Sign-ins refused, by door and reason")
                .tag("door", door).tag("reason", reason).register(meters);
    }

    private static String door(ContextView context) {
        String door = context.getOrDefault(DOOR, "rsocket");
        return "rest".equals(door) ? "rest" : "rsocket";
    }

    private static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
