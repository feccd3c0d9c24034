package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BoardTextTest {

    static final ZoneId LONDON = org.mashlive.TestZone.LONDON;

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
        assertThat(BoardText.late(Instant.parse("2026-03-10T12:00:00Z"), Instant.parse("2026-03-10T13:05:00Z")))
                .isEqualTo("1 h 5 m late");
    }

    @Test
    void showsTimesInLondonAcrossTheClockChange() {
        assertThat(BoardText.clock(Instant.parse("2026-03-10T14:02:30Z"), LONDON)).isEqualTo("14:02"); // GMT
        assertThat(BoardText.clock(Instant.parse("2026-07-10T14:02:30Z"), LONDON)).isEqualTo("15:02"); // BST
        assertThat(BoardText.day(LocalDate.parse("2026-03-10"))).isEqualTo("Tue 10 Mar");
    }

    @Test
    void showsTimesInTheHubsOwnZone() {
        var newYork = ZoneId.of("America/New_York");
        var auckland = ZoneId.of("Pacific/Auckland");
        var at = Instant.parse("2026-07-10T14:02:30Z");
        assertThat(BoardText.clock(at, newYork)).isEqualTo("10:02");
        assertThat(BoardText.clock(at, auckland)).isEqualTo("02:02");
        // 02:02 on 11 July in Auckland: another day than 14:30 UTC on 10 July is there
        assertThat(BoardText.when(at, Instant.parse("2026-07-10T11:00:00Z"), auckland)).isEqualTo("Sat 02:02");
        assertThat(BoardText.when(at, Instant.parse("2026-07-10T11:00:00Z"), LONDON)).isEqualTo("15:02");
        assertThat(BoardText.liveness(Liveness.staleSince(at), Instant.parse("2026-07-10T14:30:00Z"), auckland))
                .isEqualTo("STALE since 02:02");
    }

    @Test
    void saysLiveOrStaleSinceWithTheDateWhenNotToday() {
        var now = Instant.parse("2026-07-10T14:30:00Z");
        assertThat(BoardText.liveness(Liveness.LIVE, now, LONDON)).isEqualTo("● LIVE");
        assertThat(BoardText.liveness(Liveness.staleSince(Instant.parse("2026-07-10T13:02:00Z")), now, LONDON))
                .isEqualTo("STALE since 14:02");
        assertThat(BoardText.liveness(Liveness.staleSince(Instant.parse("2026-07-09T22:15:00Z")), now, LONDON))
                .isEqualTo("STALE since 9 Jul 23:15");
    }

    @Test
    void roundsSharesToWholePercents() {
        assertThat(BoardText.percent(100.0 / 12)).isEqualTo("8%");
        assertThat(BoardText.percent(200.0 / 12)).isEqualTo("17%");
        assertThat(BoardText.percent(0)).isEqualTo("0%");
    }
}
