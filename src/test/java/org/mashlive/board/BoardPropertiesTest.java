package org.mashlive.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The board's settings refuse, naming the setting and the value, what the board cannot run with. */
class BoardPropertiesTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Test
    void theDefaultsAndTheSmallestWorkableValuesAreTaken() {
        assertThat(new BoardProperties(FIVE_SECONDS, 5000, 4096, Duration.ofSeconds(10)).subscriberBuffer())
                .isEqualTo(4096);
        var smallest = new BoardProperties(Duration.ofMillis(1), 0, 1, Duration.ofMillis(1));
        assertThat(smallest.maxReplay()).isZero();
        assertThat(smallest.subscriberBuffer()).isEqualTo(1);
    }

    private static BoardProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("mash.board", BoardProperties.class);
    }

    @Test
    void boundFromTheSettingsAsAtStartUpTheDefaultsFillInAndABadValueStopsItNamingTheSetting() {
        var defaults = bind(Map.of());
        assertThat(defaults.heartbeat()).isEqualTo(FIVE_SECONDS);
        assertThat(defaults.maxReplay()).isEqualTo(5000);
        assertThat(defaults.subscriberBuffer()).isEqualTo(4096);
        assertThat(bind(Map.of("mash.board.subscriber-buffer", "32")).subscriberBuffer()).isEqualTo(32);
        assertThatThrownBy(() -> bind(Map.of("mash.board.heartbeat", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("mash.board.heartbeat must be longer than 0, not PT0S");
    }

    @Test
    void aHeartbeatOfNoTimeOrLessIsRefused() {
        assertThatThrownBy(() -> new BoardProperties(Duration.ZERO, 5000, 4096, FIVE_SECONDS))
                .hasMessage("mash.board.heartbeat must be longer than 0, not PT0S");
        assertThatThrownBy(() -> new BoardProperties(Duration.ofSeconds(-5), 5000, 4096, FIVE_SECONDS))
                .hasMessage("mash.board.heartbeat must be longer than 0, not PT-5S");
    }

    @Test
    void aNegativeReplayIsRefused() {
        assertThatThrownBy(() -> new BoardProperties(FIVE_SECONDS, -1, 4096, FIVE_SECONDS))
                .hasMessage("mash.board.max-replay must be 0 or more, not -1");
    }

    @Test
    void aSubscriberBufferThatHoldsNothingIsRefused() {
        assertThatThrownBy(() -> new BoardProperties(FIVE_SECONDS, 5000, 0, FIVE_SECONDS))
                .hasMessage("mash.board.subscriber-buffer must be at least 1, not 0");
    }

    @Test
    void aRetryWaitOfNoTimeIsRefused() {
        assertThatThrownBy(() -> new BoardProperties(FIVE_SECONDS, 5000, 4096, Duration.ZERO))
                .hasMessage("mash.board.listen-retry-max must be longer than 0, not PT0S");
    }
}
