package org.mashlive.wallboard.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.mashlive.board.api.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The chime's mute, shared by every board this wall-board serves: a hub manager (or an admin)
 * signed in on a board mutes the chime of every kiosk for {@link #MUTE_FOR}, and may turn it back
 * on sooner. Kept in memory: a restart of the wall-board ends a mute, and says so in its log.
 */
@Component
class BoardSound {

    private static final Logger log = LoggerFactory.getLogger(BoardSound.class);

    static final Duration MUTE_FOR = Duration.ofHours(1);

    private final AuthenticationContext signedIn;
    private final Clock clock;
    private final AtomicReference<Instant> mutedUntil = new AtomicReference<>();

    @Autowired
    BoardSound(ObjectProvider<AuthenticationContext> signedIn, Clock clock) {
        this(signedIn.getIfAvailable(), clock);
    }

    /** @param signedIn who is signed in, or null where nobody may mute (tests without security) */
    BoardSound(AuthenticationContext signedIn, Clock clock) {
        this.signedIn = signedIn;
        this.clock = clock;
    }

    /** Whether the person signed in on this request may mute the chime: a hub manager or an admin. */
    boolean mayMute() {
        return signedIn != null && signedIn.getGrantedRoles().stream()
                .anyMatch(role -> role.equals(Access.HUB_MANAGER) || role.equals(Access.ADMIN));
    }

    /** Until when the chime is muted at {@code now}; empty when it is not. */
    Optional<Instant> mutedUntil(Instant now) {
        var until = mutedUntil.get();
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Mutes every board's chime for {@link #MUTE_FOR} from now, when the person signed in may.
     *
     * @return until when, or empty when this person may not mute it
     */
    Optional<Instant> muteForAnHour() {
        if (!mayMute()) {
            return Optional.empty();
        }
        Instant until = clock.instant().plus(MUTE_FOR);
        mutedUntil.set(until);
        log.info("{} muted the board's chime until {}", signedIn.getPrincipalName().orElse("someone"), until);
        return Optional.of(until);
    }

    /** Mutes the chime for an hour, or turns it back on when it is muted. */
    void toggle() {
        if (mutedUntil(clock.instant()).isPresent()) {
            unmute();
        } else {
            muteForAnHour();
        }
    }

    /** Turns the chime back on before the hour is out, when the person signed in may. */
    boolean unmute() {
        if (!mayMute()) {
            return false;
        }
        mutedUntil.set(null);
        log.info("{} turned the board's chime back on", signedIn.getPrincipalName().orElse("someone"));
        return true;
    }
}
