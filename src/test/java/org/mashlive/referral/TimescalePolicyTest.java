package org.mashlive.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.TimescaleInfo;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.referral.TimescaleProperties.Timescale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TimescalePolicyTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** England and Wales 2026 and New Year 2027, written out by hand. */
    static final Set<LocalDate> HOLIDAYS_2026 = Set.of(
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"),
            LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-25"), LocalDate.parse("2026-08-31"),
            LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01"));

    static final WorkingCalendar CALENDAR = new WorkingCalendar(LONDON, LocalTime.of(8, 45), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), HOLIDAYS_2026);

    final TimescalePolicy policy = new TimescalePolicy(TimescaleProperties.defaults(), CALENDAR);

    /** A London wall-clock time, e.g. {@code 2026-06-05T16:00}. */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    @Nested
    class DueAt {

        @Test
        void redRunsFourElapsedHoursThroughTheNightAndWeekend() {
            assertThat(policy.dueAt(london("2026-06-05T22:00"), Rag.RED))
                    .isEqualTo(london("2026-06-06T02:00"))
                    .isEqualTo(Instant.parse("2026-06-06T01:00:00Z"));
        }

        @Test
        void redRunsFourRealHoursAcrossTheSpringClockChange() {
            // Saturday 23:00 GMT; four hours later the wall clock reads 04:00 BST
            assertThat(policy.dueAt(Instant.parse("2026-03-28T23:00:00Z"), Rag.RED))
                    .isEqualTo(Instant.parse("2026-03-29T03:00:00Z"))
                    .isEqualTo(london("2026-03-29T04:00"));
        }

        @Test
        void redRunsFourRealHoursAcrossTheAutumnClockChange() {
            // Saturday 23:30 BST; four hours later the wall clock reads 02:30 GMT
            assertThat(policy.dueAt(Instant.parse("2026-10-24T22:30:00Z"), Rag.RED))
                    .isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
        }

        @Test
        void amberRunsTwentyFourWorkingHours() {
            // Friday 1h, Monday 8h15, Tuesday 8h15, then 6h30 of Wednesday
            assertThat(policy.dueAt(london("2026-06-05T16:00"), Rag.AMBER)).isEqualTo(london("2026-06-10T15:15"));
        }

        @Test
        void greenRunsSeventyTwoWorkingHours() {
            assertThat(policy.dueAt(london("2026-06-01T08:45"), Rag.GREEN)).isEqualTo(london("2026-06-11T14:45"));
        }

        @Test
        void anUnratedContactRunsEightWorkingHoursFromTheNextMorning() {
            assertThat(policy.dueAt(london("2026-06-05T20:00"), null)).isEqualTo(london("2026-06-08T16:45"));
        }

        @Test
        void anUnratedContactOnGoodFridayWaitsForTheTuesdayAfterEaster() {
            assertThat(policy.dueAt(london("2026-04-03T10:00"), null)).isEqualTo(london("2026-04-07T16:45"));
        }

        @Test
        void amberOverChristmasSkipsTheBankHolidays() {
            // Thursday 24 December 1h, then 29, 30 December (16h30), then 6h30 of Thursday 31 December
            assertThat(policy.dueAt(london("2026-12-24T16:00"), Rag.AMBER)).isEqualTo(london("2026-12-31T15:15"));
        }

        @Test
        void reRatingRecomputesFromTheTimeOfReceipt() {
            Instant received = london("2026-06-01T10:00");
            Instant reRatedAt = london("2026-06-02T11:00");

            assertThat(policy.dueAt(received, Rag.GREEN)).isEqualTo(london("2026-06-11T16:00"));
            // raised to Red a day later: four hours from receipt, so already overdue when raised
            Instant redDue = policy.dueAt(received, Rag.RED);
            assertThat(redDue).isEqualTo(london("2026-06-01T14:00"));
            assertThat(policy.breached(redDue, reRatedAt)).isTrue();
            assertThat(policy.timeLeft(redDue, reRatedAt)).isEqualTo(Duration.ofHours(-21));
            // lowered to Amber: 24 working hours from receipt (Monday 7h, Tuesday and Wednesday 16h30, 30 min)
            assertThat(policy.dueAt(received, Rag.AMBER)).isEqualTo(london("2026-06-04T09:15"));
        }

        @Test
        void aHubCanRunRedInWorkingHours() {
            var workingRed = new TimescalePolicy(
                    new TimescaleProperties(new Timescale(Duration.ofHours(4), true), null, null, null), CALENDAR);
            assertThat(workingRed.dueAt(london("2026-06-05T16:00"), Rag.RED)).isEqualTo(london("2026-06-08T11:45"));
            // the other clocks keep their defaults
            assertThat(workingRed.dueAt(london("2026-06-05T16:00"), Rag.AMBER)).isEqualTo(london("2026-06-10T15:15"));
        }

        @Test
        void rejectsAMissingReceiptTime() {
            assertThatNullPointerException().isThrownBy(() -> policy.dueAt(null, Rag.RED)).withMessage("receivedAt");
        }
    }

    @Nested
    class Countdown {

        final Instant due = london("2026-06-03T16:30");

        @Test
        void timeLeftIsWallClockTimeToTheDueInstant() {
            Instant now = Clock.fixed(Instant.parse("2026-06-02T14:00:00Z"), ZoneOffset.UTC).instant();
            // 15:00 BST Tuesday to 16:30 BST Wednesday, nights included
            assertThat(policy.timeLeft(due, now)).isEqualTo(Duration.ofHours(25).plusMinutes(30));
            assertThat(policy.breached(due, now)).isFalse();
        }

        @Test
        void atTheDueInstantNothingIsLeftAndItIsNotYetBreached() {
            Instant now = Clock.fixed(due, ZoneOffset.UTC).instant();
            assertThat(policy.timeLeft(due, now)).isZero();
            assertThat(policy.breached(due, now)).isFalse();
        }

        @Test
        void afterTheDueInstantTimeLeftIsNegativeAndItIsBreached() {
            Instant justAfter = due.plusNanos(1);
            assertThat(policy.breached(due, justAfter)).isTrue();
            assertThat(policy.timeLeft(due, justAfter)).isEqualTo(Duration.ofNanos(-1));

            Instant nextMorning = Clock.fixed(london("2026-06-04T09:00"), LONDON).instant();
            assertThat(policy.timeLeft(due, nextMorning)).isEqualTo(Duration.ofHours(-16).minusMinutes(30));
            assertThat(policy.breached(due, nextMorning)).isTrue();
        }
    }

    @Nested
    class Timescales {

        @Test
        void listsRedAmberGreenThenUnratedWithTheirDefaults() {
            assertThat(policy.timescales()).containsExactly(
                    new TimescaleInfo(Rag.RED, Duration.ofHours(4), false),
                    new TimescaleInfo(Rag.AMBER, Duration.ofHours(24), true),
                    new TimescaleInfo(Rag.GREEN, Duration.ofHours(72), true),
                    new TimescaleInfo(null, Duration.ofHours(8), true));
            assertThat(policy.timescales()).extracting(TimescaleInfo::label)
                    .containsExactly("4 h elapsed", "24 working h", "72 working h", "8 working h");
        }

        @Test
        void oneTimescale() {
            assertThat(policy.timescale(Rag.GREEN)).isEqualTo(new TimescaleInfo(Rag.GREEN, Duration.ofHours(72), true));
            assertThat(policy.timescale(null)).isEqualTo(new TimescaleInfo(null, Duration.ofHours(8), true));
        }

        @Test
        void configuredEntriesShowInTheList() {
            var merton = new TimescalePolicy(new TimescaleProperties(new Timescale(Duration.ofHours(2), false),
                    new Timescale(Duration.ofHours(6), false), new Timescale(Duration.ofHours(24), false), null),
                    CALENDAR);
            assertThat(merton.timescales()).containsExactly(
                    new TimescaleInfo(Rag.RED, Duration.ofHours(2), false),
                    new TimescaleInfo(Rag.AMBER, Duration.ofHours(6), false),
                    new TimescaleInfo(Rag.GREEN, Duration.ofHours(24), false),
                    new TimescaleInfo(null, Duration.ofHours(8), true));
        }
    }

    @Nested
    class Properties {

        static TimescaleProperties bind(Map<String, String> properties) {
            return new Binder(new MapConfigurationPropertySource(properties))
                    .bindOrCreate("mash.timescales", TimescaleProperties.class);
        }

        @Test
        void nothingConfiguredGivesTheDefaults() {
            TimescaleProperties properties = bind(Map.of());
            assertThat(properties.red()).isEqualTo(new Timescale(Duration.ofHours(4), false));
            assertThat(properties.amber()).isEqualTo(new Timescale(Duration.ofHours(24), true));
            assertThat(properties.green()).isEqualTo(new Timescale(Duration.ofHours(72), true));
            assertThat(properties.unrated()).isEqualTo(new Timescale(Duration.ofHours(8), true));
        }

        @Test
        void eachEntryIsConfiguredOnItsOwn() {
            TimescaleProperties properties = bind(Map.of(
                    "mash.timescales.amber.target", "12h",
                    "mash.timescales.amber.working-hours", "true",
                    "mash.timescales.green.target", "PT36H"));
            assertThat(properties.amber()).isEqualTo(new Timescale(Duration.ofHours(12), true));
            // working-hours not given: elapsed, which can only bring the due time forward
            assertThat(properties.green()).isEqualTo(new Timescale(Duration.ofHours(36), false));
            assertThat(properties.red()).isEqualTo(new Timescale(Duration.ofHours(4), false));
            assertThat(properties.unrated()).isEqualTo(new Timescale(Duration.ofHours(8), true));
        }

        @Test
        void aZeroTargetFailsBindingNamingTheProperty() {
            assertThatThrownBy(() -> bind(Map.of("mash.timescales.amber.target", "0s")))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mash.timescales.amber.target must be positive, was PT0S");
        }

        @Test
        void aNegativeTargetIsRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new TimescaleProperties(null, null,
                            new Timescale(Duration.ofHours(-1), true), null))
                    .withMessage("mash.timescales.green.target must be positive, was PT-1H");
        }

        @Test
        void anEntryWithoutATargetIsRejected() {
            assertThatThrownBy(() -> bind(Map.of("mash.timescales.unrated.working-hours", "true")))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessage("mash.timescales.unrated.target must be set when mash.timescales.unrated is configured");
        }
    }

    @Nested
    class DecisionDue {

        @Test
        void fridayOneMinuteBeforeCloseIsDueMondayAtTheSameTime() {
            assertThat(policy.decisionDueAt(london("2026-06-05T16:59"))).isEqualTo(london("2026-06-08T16:59"));
        }

        @Test
        void aMidweekContactIsDueAtTheSameTimeNextWorkingDay() {
            assertThat(policy.decisionDueAt(london("2026-06-03T10:30"))).isEqualTo(london("2026-06-04T10:30"));
        }

        @Test
        void aBankHolidayMovesTheDueDayOn() {
            // Friday 22 May, then the weekend and the Spring bank holiday on Monday 25 May
            assertThat(policy.decisionDueAt(london("2026-05-22T11:00"))).isEqualTo(london("2026-05-26T11:00"));
        }

        @Test
        void aSaturdayContactIsDueAtTheEndOfTheNextWorkingDay() {
            assertThat(policy.decisionDueAt(london("2026-06-06T10:00"))).isEqualTo(london("2026-06-08T17:00"));
        }

        @Test
        void anEveningContactIsDueAtTheEndOfTheNextWorkingDay() {
            assertThat(policy.decisionDueAt(london("2026-06-03T19:00"))).isEqualTo(london("2026-06-04T17:00"));
        }

        @Test
        void theOctoberClockChangeKeepsTheWallClockTime() {
            // clocks go back on Sunday 25 October 2026: BST (UTC+1) on Friday, GMT on Monday
            assertThat(policy.decisionDueAt(london("2026-10-23T16:59")))
                    .isEqualTo(london("2026-10-26T16:59"))
                    .isEqualTo(Instant.parse("2026-10-26T16:59:00Z"));
        }

        @Test
        void theMarchClockChangeKeepsTheWallClockTime() {
            // clocks go forward on Sunday 29 March 2026: GMT on Friday, BST on Monday
            assertThat(policy.decisionDueAt(london("2026-03-27T16:59")))
                    .isEqualTo(london("2026-03-30T16:59"))
                    .isEqualTo(Instant.parse("2026-03-30T15:59:00Z"));
        }

        @Test
        void theDecisionClockIgnoresTheRagAndIsConfigurableInWorkingDays() {
            var twoDays = new TimescalePolicy(TimescaleProperties.defaults(), CALENDAR,
                    new DecisionTimescaleProperties(2));
            assertThat(twoDays.decisionDueAt(london("2026-06-05T16:59"))).isEqualTo(london("2026-06-09T16:59"));
            // Green's 72 working hours are long past the one working day
            assertThat(policy.dueAt(london("2026-06-03T10:30"), Rag.GREEN))
                    .isAfter(policy.decisionDueAt(london("2026-06-03T10:30")));
        }

        @Test
        void aTargetBelowOneWorkingDayIsRefusedNamingTheProperty() {
            assertThatIllegalArgumentException().isThrownBy(() -> new DecisionTimescaleProperties(0))
                    .withMessageContaining("mash.timescales.decision.target");
        }
    }
}
