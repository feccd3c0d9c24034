package org.mashlive.capacity;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.capacity.api.CapacitySummary;
import org.mashlive.capacity.api.DailyTimeliness;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.referral.ReferralFact;

/** Each capacity figure against known referrals, at a fixed instant: Tuesday 10 March 2026, 14:00 (GMT). */
class CapacityFiguresTest {

    private static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(TestZone.LONDON, LocalTime.of(8, 45),
            LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());

    private static ReferralFact received(String at, Source source, Channel channel, boolean reReferral) {
        var when = Instant.parse(at);
        return new ReferralFact(when, channel, source, reReferral, Rag.AMBER, when.plus(Duration.ofDays(3)), null, null);
    }

    private static ReferralFact decided(Rag rag, String dueAt, String decidedAt) {
        return new ReferralFact(Instant.parse("2026-03-01T10:00:00Z"), Channel.PHONE, Source.HEALTH, false, rag,
                Instant.parse(dueAt), Outcome.EARLY_HELP, Instant.parse(decidedAt));
    }

    private static final List<ReferralFact> RECEIVED = List.of(
            received("2026-02-23T12:00:00Z", Source.POLICE, Channel.PHONE, false),           // 15 days ago: outside
            received("2026-02-24T12:00:00Z", Source.EDUCATION, Channel.EMAIL, false),        // 14 days ago: average only
            received("2026-03-09T07:00:00Z", Source.HEALTH, Channel.EMAIL, true),            // yesterday, before hours
            received("2026-03-10T09:00:00Z", Source.POLICE, Channel.POLICE_NOTIFICATION, false),
            received("2026-03-10T10:00:00Z", Source.POLICE, Channel.POLICE_NOTIFICATION, false),
            received("2026-03-10T13:59:00Z", Source.FAMILY_SELF, Channel.PHONE, false));

    private static final List<ReferralFact> DECIDED = List.of(
            decided(Rag.RED, "2026-03-10T12:00:00Z", "2026-03-10T12:00:00Z"),    // at its due instant: within
            decided(Rag.RED, "2026-03-10T12:00:00Z", "2026-03-10T12:00:01Z"),    // a second late
            decided(Rag.AMBER, "2026-03-12T12:00:00Z", "2026-03-10T11:00:00Z"),
            decided(null, "2026-03-09T17:00:00Z", "2026-03-09T16:00:00Z"),       // yesterday, not rated
            decided(Rag.GREEN, "2026-03-01T12:00:00Z", "2026-02-20T12:00:00Z")); // before the trend: left out

    private CapacitySummary summary() {
        return CapacityFigures.summarise(NOW, CALENDAR, RECEIVED, DECIDED, 7, 2, List.of(), List.of(), null);
    }

    @Test
    void arrivalsPerDayBySourceAndChannelCoverFourteenDaysEndingToday() {
        var summary = summary();

        assertThat(summary.today()).isEqualTo(TODAY);
        assertThat(summary.arrivals()).hasSize(14);
        assertThat(summary.arrivals().getFirst().day()).isEqualTo(TODAY.minusDays(13));
        var today = summary.arrivals().getLast();
        assertThat(today.day()).isEqualTo(TODAY);
        assertThat(today.bySource()).isEqualTo(Map.of(Source.POLICE, 2, Source.FAMILY_SELF, 1));
        assertThat(today.byChannel()).isEqualTo(Map.of(Channel.POLICE_NOTIFICATION, 2, Channel.PHONE, 1));
        assertThat(summary.arrivalsToday()).isEqualTo(3);
        assertThat(summary.arrivals().get(12).bySource()).isEqualTo(Map.of(Source.HEALTH, 1));
        assertThat(summary.arrivals().subList(0, 12)).allSatisfy(day -> assertThat(day.total()).isZero());
    }

    @Test
    void theAverageIsOverTheFourteenDaysBeforeToday() {
        // yesterday's contact and the one fourteen days ago; not today's, not fifteen days ago
        assertThat(summary().averageArrivals()).isEqualTo(2 / 14.0);
    }

    @Test
    void decisionsWithinTimescaleByRagPerDayCountADecisionAtItsDueInstantAsWithin() {
        var timeliness = summary().timeliness();

        assertThat(timeliness).hasSize(14);
        var today = timeliness.getLast();
        assertThat(today.of(Rag.RED)).isEqualTo(new DailyTimeliness.RagTimeliness(Rag.RED, 2, 1));
        assertThat(today.of(Rag.RED).share()).isEqualTo(0.5);
        assertThat(today.of(Rag.AMBER)).isEqualTo(new DailyTimeliness.RagTimeliness(Rag.AMBER, 1, 1));
        assertThat(today.of(Rag.GREEN).decided()).isZero();
        assertThat(today.of(Rag.GREEN).share()).isNull();
        assertThat(timeliness.get(12).of(null)).isEqualTo(new DailyTimeliness.RagTimeliness(null, 1, 1));
        assertThat(timeliness.stream().mapToInt(day -> day.of(Rag.GREEN).decided()).sum()).isZero();
    }

    @Test
    void reReferralRateIsTheShareOfTheTrendsContacts() {
        // one re-referral among the four contacts of the last fourteen days
        assertThat(summary().reReferralRate()).isEqualTo(0.25);
        assertThat(CapacityFigures.reReferralRate(0, 0)).isZero();
    }

    @Test
    void outOfHoursContactsAreThoseOutsideTheCalendarsWorkingTime() {
        // yesterday 07:00 is before 08:45; today's three came between 09:00 and 14:00
        assertThat(summary().outOfHoursContacts()).isEqualTo(1);
        var evening = received("2026-03-10T17:00:00Z", Source.POLICE, Channel.PHONE, false);
        var saturday = received("2026-03-07T11:00:00Z", Source.POLICE, Channel.PHONE, false);
        var days = CapacityFigures.arrivalsPerDay(List.of(evening, saturday), CALENDAR, TODAY.minusDays(3), TODAY);
        assertThat(days.getLast().outOfHours()).isEqualTo(1);
        assertThat(days.getFirst().outOfHours()).isEqualTo(1);
    }

    @Test
    void openAndBreachedNowAndTheStaffingFiguresPassThrough() {
        var summary = summary();
        assertThat(summary.openNow()).isEqualTo(7);
        assertThat(summary.breachedNow()).isEqualTo(2);
        assertThat(summary.workforce()).isEmpty();
        assertThat(summary.partnerRequests()).isEmpty();
    }
}
