package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.CoreHours;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

/**
 * Warnings before a breach on a fixed instant and on the default core hours (weekdays 08:45–17:00
 * London). 10 March 2026 is a Tuesday, and London is on GMT, so London time equals UTC.
 */
class DueSoonTest {

    private static final CoreHours CORE = CoreHours.WEEKDAYS;
    private static final WarningWindows WINDOWS = WarningWindows.DEFAULT;

    private static Instant at(String dayAndTime) {
        return Instant.parse("2026-03-" + dayAndTime + ":00Z");
    }

    private static ReferralCard card(long id, Rag rag, Instant receivedAt, Instant dueAt) {
        return Cards.card(id, Source.POLICE, rag, Stage.SCREENING, receivedAt, dueAt);
    }

    @Test
    void aRedIsDueSoonInTheLastHourOfElapsedTimeWhateverTheHour() {
        var red = card(1, Rag.RED, at("10T21:00"), at("11T01:00"));
        assertThat(DueSoon.warnsFrom(red, CORE, WINDOWS)).isEqualTo(at("11T00:00"));
        assertThat(DueSoon.dueSoon(red, CORE, WINDOWS, at("10T23:59"))).isFalse();
        assertThat(DueSoon.dueSoon(red, CORE, WINDOWS, at("11T00:00"))).isTrue();
        assertThat(DueSoon.dueSoon(red, CORE, WINDOWS, at("11T01:00"))).as("at the due instant, not yet breached").isTrue();
        assertThat(DueSoon.dueSoon(red, CORE, WINDOWS, at("11T01:01"))).as("breached: no longer due soon").isFalse();
    }

    @Test
    void othersAreDueSoonInTheirLastFourWorkingHoursAcrossTheNight() {
        // due Wednesday 10:00: 1 h 15 m of Wednesday morning, then 2 h 45 m back into Tuesday afternoon
        var amber = card(2, Rag.AMBER, at("09T10:00"), at("11T10:00"));
        assertThat(DueSoon.warnsFrom(amber, CORE, WINDOWS)).isEqualTo(at("10T14:15"));
        assertThat(DueSoon.dueSoon(amber, CORE, WINDOWS, at("10T14:14"))).isFalse();
        // in the evening, 14 h of clock time from its due time, but less than 4 working hours
        assertThat(DueSoon.dueSoon(amber, CORE, WINDOWS, at("10T20:00"))).isTrue();
    }

    @Test
    void aWeekendDoesNotCountAsWorkingTime() {
        // due Monday 16 March 09:45: one working hour on Monday, three on Friday afternoon
        var green = card(3, Rag.GREEN, at("09T09:00"), at("16T09:45"));
        assertThat(DueSoon.warnsFrom(green, CORE, WINDOWS)).isEqualTo(at("13T14:00"));
        var unrated = card(4, null, at("13T08:00"), at("16T09:45"));
        assertThat(DueSoon.dueSoon(unrated, CORE, WINDOWS, at("14T12:00"))).as("Saturday").isTrue();
    }

    @Test
    void theWindowsAreConfigurable() {
        var windows = new WarningWindows(Duration.ofMinutes(30), Duration.ofHours(1));
        var red = card(1, Rag.RED, at("10T09:00"), at("10T13:00"));
        var amber = card(2, Rag.AMBER, at("09T10:00"), at("10T15:00"));
        assertThat(DueSoon.warnsFrom(red, CORE, windows)).isEqualTo(at("10T12:30"));
        assertThat(DueSoon.warnsFrom(amber, CORE, windows)).isEqualTo(at("10T14:00"));
    }

    @Test
    void theWindowsAreReadFromTheSettingsWithTheirDefaults() {
        var settings = new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                java.util.Map.of("mash.wallboard.due-soon.red", "30m"));
        var bound = new org.springframework.boot.context.properties.bind.Binder(settings)
                .bindOrCreate("mash.wallboard.due-soon", WarningWindows.class);
        assertThat(bound).isEqualTo(new WarningWindows(Duration.ofMinutes(30), Duration.ofHours(4)));
        assertThat(new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(java.util.Map.of()))
                .bindOrCreate("mash.wallboard.due-soon", WarningWindows.class)).isEqualTo(WarningWindows.DEFAULT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WarningWindows(Duration.ZERO, Duration.ofHours(1)))
                .hasMessageContaining("mash.wallboard.due-soon.red");
    }

    @Test
    void theDueSoonAreListedLeastTimeLeftFirstWithoutTheBreachedOrTheDecided() {
        var now = at("10T14:00");
        var red = card(1, Rag.RED, at("10T10:30"), at("10T14:30"));
        var amber = card(2, Rag.AMBER, at("09T15:00"), at("10T15:00"));
        var breached = card(3, Rag.RED, at("10T09:00"), at("10T13:00"));
        var farOff = card(4, Rag.GREEN, at("10T09:00"), at("13T09:00"));
        var decided = new ReferralCard(5, Cards.reference(5), at("10T10:00"), org.mashlive.board.api.Channel.PHONE,
                Source.HEALTH, "A.B.", "k", Rag.RED, Stage.DECIDED, java.util.Set.of(), false, at("10T14:10"),
                org.mashlive.board.api.Outcome.NO_FURTHER_ACTION, at("10T13:50"));
        assertThat(DueSoon.at(List.of(amber, farOff, breached, red, decided), CORE, WINDOWS, now))
                .containsExactly(red, amber);
    }

    @Test
    void crossingsAreWorkedOutFromTheClockNewestFirstAndMoveOnWithIt() {
        var red = card(1, Rag.RED, at("10T10:30"), at("10T14:30"));
        var amber = card(2, Rag.AMBER, at("09T15:00"), at("10T15:00"));
        var open = List.of(red, amber);
        Instant from = at("10T00:00");

        // 13:00: the Amber crossed at 11:00 (four working hours before 15:00); the Red not yet
        assertThat(DueSoon.crossings(open, CORE, WINDOWS, from, at("10T13:00")))
                .containsExactly(new DueSoon.Crossing(amber, DueSoon.Kind.DUE_SOON, at("10T11:00")));
        // 13:30: the Red crosses on the minute, with nothing sent
        assertThat(DueSoon.crossings(open, CORE, WINDOWS, from, at("10T13:30"))).containsExactly(
                new DueSoon.Crossing(red, DueSoon.Kind.DUE_SOON, at("10T13:30")),
                new DueSoon.Crossing(amber, DueSoon.Kind.DUE_SOON, at("10T11:00")));
        // at 14:30 exactly the Red is not yet breached; a moment later it is
        assertThat(DueSoon.crossings(open, CORE, WINDOWS, from, at("10T14:30")))
                .noneMatch(crossing -> crossing.kind() == DueSoon.Kind.BREACHED);
        assertThat(DueSoon.crossings(open, CORE, WINDOWS, from, at("10T14:30").plusSeconds(1)).getFirst())
                .isEqualTo(new DueSoon.Crossing(red, DueSoon.Kind.BREACHED, at("10T14:30")));
        // only crossings after "from" are looked at
        assertThat(DueSoon.crossings(open, CORE, WINDOWS, at("10T13:45"), at("10T14:00"))).isEmpty();
    }

    @Test
    void aReferralDueSoonWhenItCameInNeverCrossedIntoIt() {
        // an unrated contact with a one-hour clock is due soon from the start; its breach still shows
        var unrated = card(1, null, at("10T13:00"), at("10T14:00"));
        assertThat(DueSoon.crossings(List.of(unrated), CORE, WINDOWS, at("10T00:00"), at("10T15:00")))
                .containsExactly(new DueSoon.Crossing(unrated, DueSoon.Kind.BREACHED, at("10T14:00")));
    }
}
