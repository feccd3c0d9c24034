package org.mashlive.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.ShiftCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.StaffCard;
import org.mashlive.board.api.StaffRole;
import org.mashlive.board.api.Stage;
import org.mashlive.capacity.api.BreachForecast;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.referral.TimescalePolicy;
import org.mashlive.referral.TimescaleProperties;
import org.mashlive.simulation.SimulatedDays;

/**
 * How wrong the breach forecast is against what the simulated hub then does: the simulator's model
 * (seeded, 15,000 contacts a year, the demo's default) makes two weeks of contacts and their
 * decisions; at every hour of core hours in the second week the forecast is made from the queue as
 * it stood, the last day's decisions and the rota, and set against the referrals of that queue
 * that did breach by the same horizon. The figures are in docs/decisions/0017-breach-forecast.md.
 */
class ForecastErrorTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(LONDON, LocalTime.of(8, 45), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
    private static final TimescalePolicy TIMESCALES = new TimescalePolicy(TimescaleProperties.defaults(), CALENDAR);
    /** Monday 23 February 2026; the forecasts are made in the week of Monday 2 March (GMT). */
    private static final LocalDate FIRST = LocalDate.of(2026, 2, 23);
    private static final LocalDate WEEK = LocalDate.of(2026, 3, 2);

    /**
     * The mean absolute error, in referrals, the forecast to the end of core hours must stay within:
     * the measured 3.33 with room, on a simulated hub whose police notifications name households
     * (see docs/decisions/0017-breach-forecast.md for the figures and why they rose from 1.78).
     */
    static final double END_OF_DAY_MAE_BOUND = 4.0;
    /** The same for the next four hours. */
    static final double NEXT_4H_MAE_BOUND = 1.0;

    private final List<StaffCard> staff = new ArrayList<>();
    private final List<ShiftCard> shifts = new ArrayList<>();

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), LONDON).toInstant();
    }

    /**
     * The demo hub's deciding people: seven social workers and three senior practitioners on core
     * hours on working days, and one out-of-hours duty social worker on the evening and night
     * (on a weekend, one on the day and one on the night).
     */
    private void demoRota(LocalDate from, LocalDate to) {
        for (int i = 1; i <= 10; i++) {
            staff.add(new StaffCard(i, "Worker " + i, i <= 7 ? StaffRole.SOCIAL_WORKER : StaffRole.SENIOR_PRACTITIONER,
                    "MASH", Contract.FULL_TIME, true, null));
        }
        staff.add(new StaffCard(11, "Out of hours", StaffRole.OOH_DUTY_SOCIAL_WORKER, "OOH", Contract.FULL_TIME, true,
                null));
        long id = 1;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (CALENDAR.isWorkingDay(day)) {
                for (long person = 1; person <= 10; person++) {
                    shifts.add(new ShiftCard(id++, person, at(day, 8, 45), at(day, 17, 0)));
                }
                shifts.add(new ShiftCard(id++, 11, at(day, 16, 45), at(day.plusDays(1), 9, 0)));
            } else {
                shifts.add(new ShiftCard(id++, 11, at(day, 8, 45), at(day, 21, 0)));
                shifts.add(new ShiftCard(id++, 11, at(day, 20, 45), at(day.plusDays(1), 9, 0)));
            }
        }
    }

    /** One forecast set against what happened. */
    record Outcome(Instant at, int forecastEndOfDay, int actualEndOfDay, int forecastNext4, int actualNext4) {
    }

    @Test
    void theForecastIsWithinItsDocumentedErrorOnASimulatedWeek() {
        var referrals = SimulatedDays.between(7, 15_000, at(FIRST, 0, 0), at(WEEK.plusDays(7), 0, 0));
        demoRota(FIRST.minusDays(1), WEEK.plusDays(8));

        var outcomes = new ArrayList<Outcome>();
        for (LocalDate day = WEEK; day.isBefore(WEEK.plusDays(5)); day = day.plusDays(1)) {
            for (int hour = 9; hour <= 16; hour++) {
                outcomes.add(outcome(referrals, at(day, hour, 0)));
            }
        }

        double maeDay = outcomes.stream().mapToInt(o -> Math.abs(o.forecastEndOfDay() - o.actualEndOfDay())).average().orElseThrow();
        double biasDay = outcomes.stream().mapToInt(o -> o.forecastEndOfDay() - o.actualEndOfDay()).average().orElseThrow();
        double meanDay = outcomes.stream().mapToInt(Outcome::actualEndOfDay).average().orElseThrow();
        double mae4 = outcomes.stream().mapToInt(o -> Math.abs(o.forecastNext4() - o.actualNext4())).average().orElseThrow();
        double bias4 = outcomes.stream().mapToInt(o -> o.forecastNext4() - o.actualNext4()).average().orElseThrow();
        double mean4 = outcomes.stream().mapToInt(Outcome::actualNext4).average().orElseThrow();
        int worstDay = outcomes.stream().mapToInt(o -> Math.abs(o.forecastEndOfDay() - o.actualEndOfDay())).max().orElseThrow();
        System.out.printf(Locale.UK, "forecast error over %d forecasts: end of core hours MAE %.2f bias %+.2f "
                        + "(actual mean %.2f, worst %d); next 4 h MAE %.2f bias %+.2f (actual mean %.2f)%n",
                outcomes.size(), maeDay, biasDay, meanDay, worstDay, mae4, bias4, mean4);
        outcomes.forEach(o -> System.out.println("  " + o));

        // the simulated hub breaches some: the comparison is not of two zeros
        assertThat(outcomes.stream().mapToInt(Outcome::actualEndOfDay).sum()).isPositive();
        assertThat(maeDay).as("mean absolute error to the end of core hours").isLessThanOrEqualTo(END_OF_DAY_MAE_BOUND);
        assertThat(mae4).as("mean absolute error over the next 4 hours").isLessThanOrEqualTo(NEXT_4H_MAE_BOUND);
    }

    private Outcome outcome(List<SimulatedDays.Referral> referrals, Instant now) {
        var open = new ArrayList<ReferralCard>();
        var dueAt = new java.util.HashMap<Long, Instant>();
        int decided = 0;
        for (var referral : referrals) {
            if (referral.decidedAt() != null && referral.decidedAt().isAfter(now.minus(Forecaster.PACE_WINDOW))
                    && !referral.decidedAt().isAfter(now)) {
                decided++;
            }
            if (referral.openAt(now)) {
                var rag = referral.ragAt(now);
                var due = TIMESCALES.dueAt(referral.receivedAt(), rag);
                dueAt.put(referral.id(), due);
                open.add(new ReferralCard(referral.id(), "MASH-2026-%06d".formatted(referral.id()),
                        referral.receivedAt(), Channel.PHONE, Source.HEALTH, "A.B.", "k" + referral.id(), rag,
                        Stage.SCREENING, Set.of(), false, due, null, null));
            }
        }
        BreachForecast forecast = Forecaster.forecast(now, open, staff, shifts, decided, CALENDAR);
        assertThat(forecast).as("a forecast at " + now).isNotNull();
        return new Outcome(now, forecast.endOfCoreHours().total(),
                breached(referrals, dueAt, now, forecast.endOfCoreHours().until()),
                forecast.next4Hours().total(), breached(referrals, dueAt, now, forecast.next4Hours().until()));
    }

    /**
     * Of the referrals open at {@code now}, those due in {@code (now, until]} that were decided after
     * their due time or not at all: what the forecast forecasts, as it turned out. The due time is
     * the one of the RAG at {@code now}, as the forecast had it.
     */
    private static int breached(List<SimulatedDays.Referral> referrals, java.util.Map<Long, Instant> dueAt, Instant now,
                                Instant until) {
        int n = 0;
        for (var referral : referrals) {
            Instant due = dueAt.get(referral.id());
            if (due != null && due.isAfter(now) && !due.isAfter(until)
                    && (referral.decidedAt() == null || referral.decidedAt().isAfter(due))) {
                n++;
            }
        }
        return n;
    }
}
