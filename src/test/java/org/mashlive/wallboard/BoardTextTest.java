package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BoardTextTest {

    @Test
    void wordsDurationsInWholeMinutesHoursAndDays() {
        assertThat(BoardText.duration(Duration.ofSeconds(59))).isEqualTo("< 1 m");
        assertThat(BoardText.duration(Duration.ofMinutes(45).plusSeconds(59))).isEqualTo("45 m");
        assertThat(BoardText.duration(Duration.ofMinutes(192))).isEqualTo("3 h 12 m");
        assertThat(BoardText.duration(Duration.ofHours(5))).isEqualTo("5 h 0 m");
        assertThat(BoardText.duration(Duration.ofHours(52).plusMinutes(30))).isEqualTo("2 d 4 h");
    }

    @Test
    void wordsTimeLeftAndBreaches() {
        assertThat(BoardText.timeLeft(Duration.ofMinutes(65))).isEqualTo("1 h 5 m left");
        assertThat(BoardText.timeLeft(Duration.ofMinutes(-25))).isEqualTo("breached 25 m ago");
        assertThat(BoardText.timeLeft(null)).isEqualTo("no timescale");
        assertThat(BoardText.overdue(Instant.parse("2026-03-10T12:00:00Z"), Instant.parse("2026-03-10T13:05:00Z")))
                .isEqualTo("1 h 5 m overdue");
    }

    @Test
    void showsTimesInLondonAcrossTheClockChange() {
        assertThat(BoardText.clock(Instant.parse("2026-03-10T14:02:30Z"))).isEqualTo("14:02"); // GMT
        assertThat(BoardText.clock(Instant.parse("2026-07-10T14:02:30Z"))).isEqualTo("15:02"); // BST
        assertThat(BoardText.day(LocalDate.parse("2026-03-10"))).isEqualTo("Tue 10 Mar");
    }

    @Test
    void saysLiveOrStaleSinceWithTheDateWhenNotToday() {
        var now = Instant.parse("2026-07-10T14:30:00Z");
        assertThat(BoardText.liveness(Liveness.LIVE, now)).isEqualTo("● LIVE");
        assertThat(BoardText.liveness(Liveness.staleSince(Instant.parse("2026-07-10T13:02:00Z")), now))
                .isEqualTo("STALE since 14:02");
        assertThat(BoardText.liveness(Liveness.staleSince(Instant.parse("2026-07-09T22:15:00Z")), now))
                .isEqualTo("STALE since 9 Jul 23:15");
    }

    @Test
    void roundsSharesToWholePercents() {
        assertThat(BoardText.percent(100.0 / 12)).isEqualTo("8%");
        assertThat(BoardText.percent(200.0 / 12)).isEqualTo("17%");
        assertThat(BoardText.percent(0)).isEqualTo("0%");
    }
}
