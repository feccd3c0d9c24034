package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.StaffRole;
import org.mashlive.board.api.Stage;
import org.mashlive.capacity.api.BreachForecast;
import org.mashlive.platform.WorkingCalendar;

/** The breach forecast on built scenarios, with a fixed instant (a Tuesday, 10:00 in London, GMT). */
class ForecasterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(LONDON, LocalTime.of(8, 45), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(LocalDate.of(2026, 12, 25)));
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final List<StaffCard> staff = new ArrayList<>();
    private final List<ShiftCard> shifts = new ArrayList<>();
    private final List<ReferralCard> open = new ArrayList<>();

    /** A social worker on shift from {@code start} for {@code hours}. */
    private void worker(StaffRole role, Instant start, int hours) {
        long id = staff.size() + 1;
        staff.add(new StaffCard(id, "Worker " + id, role, "MASH", Contract.FULL_TIME, true, null));
        shifts.add(new ShiftCard(id, id, start, start.plus(Duration.ofHours(hours))));
    }

    private void referral(Rag rag, Instant due) {
        long id = open.size() + 1;
        open.add(new ReferralCard(id, "MASH-2026-%06d".formatted(id), NOW.minus(Duration.ofHours(1)),
                Channel.PHONE, Source.HEALTH, "A.B.", "key" + id, rag, Stage.SCREENING, Set.of(), false, due,
                null, null));
    }

    private BreachForecast forecast(int decidedInWindow) {
        return Forecaster.forecast(NOW, open, staff, shifts, decidedInWindow, CALENDAR);
    }

    @Test
    void nothingOpenForecastsNoBreach() {
        worker(StaffRole.SOCIAL_WORKER, NOW.minus(Duration.ofHours(20)), 24);
        var forecast = forecast(12);
        assertThat(forecast.next4Hours().total()).isZero();
        assertThat(forecast.endOfCoreHours().total()).isZero();
        assertThat(forecast.extraWorkersToClear()).isZero();
        assertThat(forecast.endOfCoreHours().until()).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
    }

    @Test
    void thePaceIsDecisionsPerWorkerHourOverTheLastDay() {
        // two workers, 8 h each in the last 24 h: 16 worker-hours, 8 decisions
        worker(StaffRole.SOCIAL_WORKER, NOW.minus(Duration.ofHours(8)), 8);
        worker(StaffRole.SENIOR_PRACTITIONER, NOW.minus(Duration.ofHours(30)), 14);
        // a police officer's hours are not deciding hours
        worker(StaffRole.MASH_POLICE_OFFICER, NOW.minus(Duration.ofHours(8)), 8);
        assertThat(forecast(8).pacePerWorkerHour()).isEqualTo(0.5);
    }

    @Test
    void withoutDecidingHoursInTheLastDayThereIsNoForecast() {
        worker(StaffRole.MASH_POLICE_OFFICER, NOW.minus(Duration.ofHours(8)), 16);
        referral(Rag.AMBER, NOW.plus(Duration.ofHours(1)));
        assertThat(forecast(5)).isNull();
    }

    @Test
    void aQueueTheRotaCannotClearBreachesAsManyAsItCannotReach() {
        // one worker on shift 02:00-18:00 (8 h before now, 8 h after): at 1 decision an hour
        worker(StaffRole.SOCIAL_WORKER, NOW.minus(Duration.ofHours(8)), 16);
        for (int i = 0; i < 10; i++) {
            referral(Rag.AMBER, NOW.plus(Duration.ofHours(2)));
        }
        var forecast = forecast(8);
        assertThat(forecast.pacePerWorkerHour()).isEqualTo(1.0);
        // two decided by 12:00, eight not
        assertThat(forecast.next4Hours()).isEqualTo(new BreachForecast.Horizon(NOW.plus(Duration.ofHours(4)), 0, 8, 0, 0));
        assertThat(forecast.endOfCoreHours().amber()).isEqualTo(8);
        // 10 in 2 h at 1 an hour per worker: 5 workers, so 4 more
        assertThat(forecast.extraWorkersToClear()).isEqualTo(4);
    }

    @Test
    void aQueueTheRotaCanClearForecastsNone() {
        worker(StaffRole.SOCIAL_WORKER, NOW.minus(Duration.ofHours(8)), 16);
        worker(StaffRole.SOCIAL_WORKER, NOW.minus(Duration.ofHours(8)), 16);
        referral(Rag.RED, NOW.plus(Duration.ofMinutes(45)));
        referral(Rag.AMBER, NOW.plus(Duration.ofHours(3)));
        referral(Rag.GREEN, NOW.plus(Duration.ofHours(6)));
        var forecast = forecast(16);
        assertThat(forecast.next4Hours().total()).isZero();
        assertThat(forecast.endOfCoreHours().total()).isZero();
        assertThat(forecast.extraWorkersToClear()).isZero();
    }

    @Test
    void referralsAlreadyBreachedAreWorkedFirstAndNotForecastAgain() {
        worker(StaffRole.SOCIAL_WORKER, NOW.minus(Duration.ofHours(8)), 16);
        referral(Rag.GREEN, NOW.minus(Duration.ofHours(1)));   // already breached: takes the first hour
        referral(Rag.RED, NOW.plus(Duration.ofMinutes(30)));   // its turn comes at 11:00
        var forecast = forecast(8);
        assertThat(forecast.next4Hours()).isEqualTo(new BreachForecast.Horizon(NOW.plus(Duration.ofHours(4)), 1, 0, 0, 0));
    }

    @Test
    void nobodyOnShiftLaterMeansBreachesThen() {
        // the only worker goes home at 11:00; the Greens due at 13:00 wait for nobody
        worker(StaffRole.SOCIAL_WORKER, NOW.minus(Duration.ofHours(8)), 9);
        referral(Rag.AMBER, NOW.plus(Duration.ofMinutes(50)));
        referral(Rag.GREEN, NOW.plus(Duration.ofHours(3)));
        referral(Rag.GREEN, NOW.plus(Duration.ofHours(3)));
        var forecast = forecast(12);   // 1.5 an hour: the Amber at 10:40, half a Green by 11:00
        assertThat(forecast.pacePerWorkerHour()).isEqualTo(1.5);
        // then no one: both Greens breach at 13:00
        assertThat(forecast.next4Hours()).isEqualTo(new BreachForecast.Horizon(NOW.plus(Duration.ofHours(4)), 0, 0, 2, 0));
        // an extra worker from now to 17:00 would decide both in time
        assertThat(forecast.extraWorkersToClear()).isEqualTo(1);
    }

    @Test
    void referralsDueAfterTheHorizonAreNotCounted() {
        worker(StaffRole.SOCIAL_WORKER, NOW.minus(Duration.ofHours(8)), 9);   // home at 11:00
        referral(Rag.GREEN, NOW.plus(Duration.ofDays(2)));
        var forecast = forecast(9);
        assertThat(forecast.next4Hours().total()).isZero();
        assertThat(forecast.endOfCoreHours().total()).isZero();
    }

    @Test
    void theEndOfCoreHoursIsTodaysOrTheNextWorkingDays() {
        assertThat(Forecaster.endOfCoreHours(Instant.parse("2026-12-01T16:59:00Z"), CALENDAR))
                .isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
        // Friday evening: Monday's
        assertThat(Forecaster.endOfCoreHours(Instant.parse("2026-12-04T18:00:00Z"), CALENDAR))
                .isEqualTo(Instant.parse("2026-12-07T17:00:00Z"));
        // Christmas Eve evening: not Christmas Day (a bank holiday), not the weekend... the 28th
        assertThat(Forecaster.endOfCoreHours(Instant.parse("2026-12-24T18:00:00Z"), CALENDAR))
                .isEqualTo(Instant.parse("2026-12-28T17:00:00Z"));
        // summer time: 17:00 in London is 16:00 UTC
        assertThat(Forecaster.endOfCoreHours(Instant.parse("2026-06-01T12:00:00Z"), CALENDAR))
                .isEqualTo(Instant.parse("2026-06-01T16:00:00Z"));
    }
}
