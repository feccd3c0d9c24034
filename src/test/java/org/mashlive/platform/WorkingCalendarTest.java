package org.mashlive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WorkingCalendarTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** England and Wales, written out by hand so the tests do not depend on the resource file. */
    static final Set<LocalDate> HOLIDAYS = dates(
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25",
            "2025-12-26",
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
            "2026-12-28",
            "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27",
            "2027-12-28",
            "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25",
            "2028-12-26");

    final WorkingCalendar calendar = new WorkingCalendar(LONDON, LocalTime.of(8, 45), LocalTime.of(17, 0),
            WEEKDAYS, HOLIDAYS);

    /** A London wall-clock time, e.g. {@code 2026-06-05T16:00}. */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    static Set<LocalDate> dates(String... isoDates) {
        Set<LocalDate> set = new HashSet<>();
        for (String date : isoDates) {
            set.add(LocalDate.parse(date));
        }
        return set;
    }

    static Duration hm(int hours, int minutes) {
        return Duration.ofHours(hours).plusMinutes(minutes);
    }

    @Nested
    class PlusWorkingTime {

        @Test
        void staysWithinTheDayWhenItFits() {
            assertThat(calendar.plusWorkingTime(london("2026-06-02T09:00"), Duration.ofHours(2)))
                    .isEqualTo(london("2026-06-02T11:00"));
        }

        @Test
        void aWholeDayFromTheStartEndsAtFiveThatDayNotTheNextMorning() {
            assertThat(calendar.plusWorkingTime(london("2026-06-02T08:45"), hm(8, 15)))
                    .isEqualTo(london("2026-06-02T17:00"));
        }

        @Test
        void carriesOverAnEveningAndWeekend() {
            // Friday 16:00-17:00 is one hour; three more from Monday 08:45
            assertThat(calendar.plusWorkingTime(london("2026-06-05T16:00"), Duration.ofHours(4)))
                    .isEqualTo(london("2026-06-08T11:45"));
        }

        @Test
        void aStartInTheNightCountsFromThatMorning() {
            assertThat(calendar.plusWorkingTime(london("2026-06-03T02:30"), Duration.ofHours(1)))
                    .isEqualTo(london("2026-06-03T09:45"));
        }

        @Test
        void aStartInTheEveningCountsFromTheNextMorning() {
            assertThat(calendar.plusWorkingTime(london("2026-06-03T18:00"), Duration.ofHours(1)))
                    .isEqualTo(london("2026-06-04T09:45"));
        }

        @Test
        void aStartAtFiveOClockCountsFromTheNextMorning() {
            assertThat(calendar.plusWorkingTime(london("2026-06-03T17:00"), Duration.ofMinutes(30)))
                    .isEqualTo(london("2026-06-04T09:15"));
        }

        @Test
        void aStartAtTheWeekendCountsFromMonday() {
            assertThat(calendar.plusWorkingTime(london("2026-06-06T12:00"), Duration.ofHours(4)))
                    .isEqualTo(london("2026-06-08T12:45"));
        }

        @Test
        void aStartOnABankHolidayCountsFromTheNextWorkingDay() {
            // Monday 25 May 2026 is the Spring bank holiday
            assertThat(calendar.plusWorkingTime(london("2026-05-25T10:00"), Duration.ofHours(4)))
                    .isEqualTo(london("2026-05-26T12:45"));
        }

        @Test
        void skipsGoodFridayTheWeekendAndEasterMonday() {
            assertThat(calendar.plusWorkingTime(london("2026-04-02T16:00"), Duration.ofHours(4)))
                    .isEqualTo(london("2026-04-07T11:45"))
                    .isEqualTo(Instant.parse("2026-04-07T10:45:00Z"));
        }

        @Test
        void skipsChristmasTheWeekendAndTheSubstituteBoxingDay() {
            // 2026: Christmas Day is a Friday, Boxing Day a Saturday with Monday 28 December as its substitute
            assertThat(calendar.plusWorkingTime(london("2026-12-24T16:00"), Duration.ofHours(4)))
                    .isEqualTo(Instant.parse("2026-12-29T11:45:00Z"));
        }

        @Test
        void skipsTwoSubstituteDaysInARowAfterAChristmasWeekend() {
            // 2027: Christmas on Saturday, Boxing Day on Sunday; Monday 27 and Tuesday 28 are both off
            assertThat(calendar.plusWorkingTime(london("2027-12-24T16:00"), Duration.ofHours(4)))
                    .isEqualTo(london("2027-12-29T11:45"));
        }

        @Test
        void skipsNewYearsDayIntoTheNextYear() {
            assertThat(calendar.plusWorkingTime(london("2026-12-31T16:00"), Duration.ofHours(4)))
                    .isEqualTo(london("2027-01-04T11:45"));
        }

        @Test
        void tenWorkingDaysOverChristmasAndNewYear() {
            // worked: 21, 22, 23, 24, 29, 30, 31 December 2026, then 4, 5, 6 January 2027
            assertThat(calendar.plusWorkingTime(london("2026-12-21T08:45"), hm(82, 30)))
                    .isEqualTo(london("2027-01-06T17:00"));
        }

        @Test
        void twentyFourWorkingHoursSpanThreeDays() {
            // Monday 8h, Tuesday 8h15, then 7h45 of Wednesday
            assertThat(calendar.plusWorkingTime(london("2026-06-01T09:00"), Duration.ofHours(24)))
                    .isEqualTo(london("2026-06-03T16:30"));
        }

        @Test
        void seventyTwoWorkingHoursSpanTwoWeekends() {
            // eight whole days (66h) from Monday 1 June, then 6h of Thursday 11 June
            assertThat(calendar.plusWorkingTime(london("2026-06-01T08:45"), Duration.ofHours(72)))
                    .isEqualTo(london("2026-06-11T14:45"));
        }

        @Test
        void theMondayAfterTheSpringClockChangeStillStartsAtQuarterToNineLocalTime() {
            // Friday 27 March 2026 is GMT, Monday 30 March is BST (clocks went forward on Sunday 29 March)
            assertThat(calendar.plusWorkingTime(Instant.parse("2026-03-27T16:00:00Z"), Duration.ofHours(4)))
                    .isEqualTo(Instant.parse("2026-03-30T10:45:00Z"))
                    .isEqualTo(london("2026-03-30T11:45"));
        }

        @Test
        void theMondayAfterTheAutumnClockChangeStillStartsAtQuarterToNineLocalTime() {
            // Friday 23 October 2026 is BST, Monday 26 October is GMT (clocks went back on Sunday 25 October)
            assertThat(calendar.plusWorkingTime(Instant.parse("2026-10-23T15:00:00Z"), Duration.ofHours(4)))
                    .isEqualTo(Instant.parse("2026-10-26T11:45:00Z"))
                    .isEqualTo(london("2026-10-26T11:45"));
        }

        @Test
        void zeroReturnsTheStartUnchangedEvenOutOfHours() {
            Instant saturday = london("2026-06-06T12:00");
            assertThat(calendar.plusWorkingTime(saturday, Duration.ZERO)).isEqualTo(saturday);
        }

        @Test
        void keepsNanoseconds() {
            assertThat(calendar.plusWorkingTime(london("2026-06-02T09:00"), Duration.ofNanos(1)))
                    .isEqualTo(london("2026-06-02T09:00:00.000000001"));
        }

        @Test
        void rejectsANegativeAmount() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.plusWorkingTime(london("2026-06-02T09:00"), Duration.ofMinutes(-1)))
                    .withMessage("amount of working time must not be negative, was PT-1M");
        }

        @Test
        void rejectsNulls() {
            assertThatNullPointerException()
                    .isThrownBy(() -> calendar.plusWorkingTime(null, Duration.ofHours(1)))
                    .withMessage("start");
            assertThatNullPointerException()
                    .isThrownBy(() -> calendar.plusWorkingTime(london("2026-06-02T09:00"), null))
                    .withMessage("amount");
        }
    }

    @Nested
    class WorkingTimeBetween {

        @Test
        void partOfOneDay() {
            assertThat(calendar.workingTimeBetween(london("2026-06-02T07:00"), london("2026-06-02T10:15")))
                    .isEqualTo(Duration.ofMinutes(90));
        }

        @Test
        void overAWeekend() {
            assertThat(calendar.workingTimeBetween(london("2026-06-05T16:00"), london("2026-06-08T11:45")))
                    .isEqualTo(Duration.ofHours(4));
        }

        @Test
        void overChristmas() {
            assertThat(calendar.workingTimeBetween(london("2026-12-24T16:00"), london("2026-12-29T11:45")))
                    .isEqualTo(Duration.ofHours(4));
        }

        @Test
        void aWholeOrdinaryWeekIsFiveDays() {
            assertThat(calendar.workingTimeBetween(london("2026-06-01T00:00"), london("2026-06-08T00:00")))
                    .isEqualTo(hm(41, 15));
        }

        @Test
        void theWeekOfGoodFridayIsFourDays() {
            assertThat(calendar.workingTimeBetween(london("2026-03-30T00:00"), london("2026-04-06T00:00")))
                    .isEqualTo(Duration.ofHours(33));
        }

        @Test
        void theWeekendOfEachClockChangeDoesNotChangeTheWorkingDays() {
            assertThat(calendar.workingTimeBetween(london("2026-03-27T08:45"), london("2026-03-30T17:00")))
                    .isEqualTo(hm(16, 30));
            assertThat(calendar.workingTimeBetween(london("2026-10-23T08:45"), london("2026-10-26T17:00")))
                    .isEqualTo(hm(16, 30));
        }

        @Test
        void entirelyOutOfHoursIsZero() {
            assertThat(calendar.workingTimeBetween(london("2026-06-05T17:00"), london("2026-06-08T08:45")))
                    .isZero();
        }

        @Test
        void anEmptyOrBackwardsIntervalIsZero() {
            Instant t = london("2026-06-02T10:00");
            assertThat(calendar.workingTimeBetween(t, t)).isZero();
            assertThat(calendar.workingTimeBetween(t, london("2026-06-02T09:00"))).isZero();
        }
    }

    @Nested
    class WorkingTimeAndDays {

        @Test
        void theWorkingPeriodIncludesItsStartAndExcludesItsEnd() {
            assertThat(calendar.isWorkingTime(london("2026-06-02T08:45"))).isTrue();
            assertThat(calendar.isWorkingTime(london("2026-06-02T08:44:59.999999999"))).isFalse();
            assertThat(calendar.isWorkingTime(london("2026-06-02T16:59:59.999999999"))).isTrue();
            assertThat(calendar.isWorkingTime(london("2026-06-02T17:00"))).isFalse();
        }

        @Test
        void weekendsAndBankHolidaysAreNotWorkingTime() {
            assertThat(calendar.isWorkingTime(london("2026-06-06T12:00"))).isFalse();
            assertThat(calendar.isWorkingTime(london("2026-06-07T12:00"))).isFalse();
            assertThat(calendar.isWorkingTime(london("2026-08-31T12:00"))).isFalse();
        }

        @Test
        void workingTimeIsLocalOnBothSidesOfTheClockChanges() {
            // 08:45 BST is 07:45 UTC
            assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T07:45:00Z"))).isTrue();
            assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T07:44:59Z"))).isFalse();
            assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T15:59:59Z"))).isTrue();
            assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T16:00:00Z"))).isFalse();
            // 08:45 GMT is 08:45 UTC
            assertThat(calendar.isWorkingTime(Instant.parse("2026-10-26T08:45:00Z"))).isTrue();
            assertThat(calendar.isWorkingTime(Instant.parse("2026-10-26T08:44:59Z"))).isFalse();
            assertThat(calendar.isWorkingTime(Instant.parse("2026-10-26T16:59:59Z"))).isTrue();
            assertThat(calendar.isWorkingTime(Instant.parse("2026-10-26T17:00:00Z"))).isFalse();
        }

        @Test
        void workingDays() {
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-24"))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-26"))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-28"))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-29"))).isTrue();
        }

        @Test
        void nextWorkingStart() {
            assertThat(calendar.nextWorkingStart(london("2026-06-02T10:00"))).isEqualTo(london("2026-06-02T10:00"));
            assertThat(calendar.nextWorkingStart(london("2026-06-02T08:45"))).isEqualTo(london("2026-06-02T08:45"));
            assertThat(calendar.nextWorkingStart(london("2026-06-02T06:00"))).isEqualTo(london("2026-06-02T08:45"));
            assertThat(calendar.nextWorkingStart(london("2026-06-02T17:00"))).isEqualTo(london("2026-06-03T08:45"));
            assertThat(calendar.nextWorkingStart(london("2026-06-05T19:00"))).isEqualTo(london("2026-06-08T08:45"));
            assertThat(calendar.nextWorkingStart(london("2026-12-24T23:59"))).isEqualTo(london("2026-12-29T08:45"));
            assertThat(calendar.nextWorkingStart(Instant.parse("2026-03-28T12:00:00Z")))
                    .isEqualTo(Instant.parse("2026-03-30T07:45:00Z"));
        }

        @Test
        void otherZonesAndHoursAreHonoured() {
            // a hub working 09:00-13:00 Tuesday to Saturday in New York, no holidays
            var ny = new WorkingCalendar(ZoneId.of("America/New_York"), LocalTime.of(9, 0), LocalTime.of(13, 0),
                    EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY), Set.of());
            assertThat(ny.zone()).isEqualTo(ZoneId.of("America/New_York"));
            // Saturday 6 June 2026 12:00 EDT (16:00Z) + 2h: one hour on Saturday, one from Tuesday 09:00 EDT
            assertThat(ny.plusWorkingTime(Instant.parse("2026-06-06T16:00:00Z"), Duration.ofHours(2)))
                    .isEqualTo(Instant.parse("2026-06-09T14:00:00Z"));
        }
    }

    @Nested
    class Construction {

        @Test
        void rejectsADayThatEndsBeforeItStarts() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new WorkingCalendar(LONDON, LocalTime.of(17, 0), LocalTime.of(8, 0), WEEKDAYS,
                            Set.of()))
                    .withMessage("dayEnd (08:00) must be after dayStart (17:00)");
        }

        @Test
        void rejectsADayThatEndsWhenItStarts() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new WorkingCalendar(LONDON, LocalTime.of(9, 0), LocalTime.of(9, 0), WEEKDAYS,
                            Set.of()))
                    .withMessage("dayEnd (09:00) must be after dayStart (09:00)");
        }

        @Test
        void rejectsAWeekWithNoWorkingDay() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new WorkingCalendar(LONDON, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(),
                            Set.of()))
                    .withMessage("workingDays must name at least one day of the week");
        }

        @Test
        void rejectsNulls() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new WorkingCalendar(null, LocalTime.of(9, 0), LocalTime.of(17, 0), WEEKDAYS,
                            Set.of()))
                    .withMessage("zone");
            assertThatNullPointerException()
                    .isThrownBy(() -> new WorkingCalendar(LONDON, LocalTime.of(9, 0), LocalTime.of(17, 0), WEEKDAYS,
                            null))
                    .withMessage("bankHolidays");
        }

        @Test
        void copiesItsSetsSoLaterChangesToThemDoNotLeakIn() {
            Set<LocalDate> holidays = new HashSet<>();
            Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
            var copy = new WorkingCalendar(LONDON, LocalTime.of(9, 0), LocalTime.of(17, 0), days, holidays);
            holidays.add(LocalDate.parse("2026-06-01"));
            days.add(DayOfWeek.TUESDAY);
            assertThat(copy.isWorkingDay(LocalDate.parse("2026-06-01"))).isTrue();
            assertThat(copy.isWorkingDay(LocalDate.parse("2026-06-02"))).isFalse();
        }
    }

    /** Checks against a slow, obviously right model: walk minute by minute and count the working ones. */
    @Nested
    class AgainstAMinuteByMinuteModel {

        static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
        static final long MINUTES_IN_RANGE = ChronoUnit.MINUTES.between(FIRST, Instant.parse("2028-12-15T00:00:00Z"));

        /** Whether the minute starting at {@code t} is worked, by the rules written out directly. */
        static boolean workedMinute(Instant t) {
            ZonedDateTime local = t.atZone(LONDON);
            LocalTime time = local.toLocalTime();
            return local.getDayOfWeek().getValue() <= 5
                    && !HOLIDAYS.contains(local.toLocalDate())
                    && !time.isBefore(LocalTime.of(8, 45))
                    && time.isBefore(LocalTime.of(17, 0));
        }

        @Test
        void workingTimeBetweenCountsTheWorkedMinutes() {
            var random = new Random(20260329L);
            for (int i = 0; i < 150; i++) {
                Instant from = FIRST.plus(random.nextLong(MINUTES_IN_RANGE), ChronoUnit.MINUTES);
                Instant to = from.plus(random.nextInt(14 * 24 * 60), ChronoUnit.MINUTES);
                long worked = 0;
                for (Instant t = from; t.isBefore(to); t = t.plus(1, ChronoUnit.MINUTES)) {
                    if (workedMinute(t)) {
                        worked++;
                    }
                }
                assertThat(calendar.workingTimeBetween(from, to)).as("from %s to %s", from, to)
                        .isEqualTo(Duration.ofMinutes(worked));
            }
        }

        @Test
        void plusWorkingTimeEndsAfterTheLastOfTheWorkedMinutes() {
            var random = new Random(20261025L);
            for (int i = 0; i < 150; i++) {
                Instant start = FIRST.plus(random.nextLong(MINUTES_IN_RANGE), ChronoUnit.MINUTES);
                int amount = 1 + random.nextInt(80 * 60);
                Instant t = start;
                int worked = 0;
                while (true) {
                    if (workedMinute(t)) {
                        worked++;
                    }
                    t = t.plus(1, ChronoUnit.MINUTES);
                    if (worked == amount) {
                        break;
                    }
                }
                assertThat(calendar.plusWorkingTime(start, Duration.ofMinutes(amount)))
                        .as("%s plus %d working minutes", start, amount)
                        .isEqualTo(t);
            }
        }
    }

    /** Properties that hold between the methods, over starts and amounts down to the nanosecond. */
    @Nested
    class Inverse {

        @Test
        void workingTimeBetweenUndoesPlusWorkingTime() {
            var random = new Random(42L);
            Instant first = Instant.parse("2025-01-01T00:00:00Z");
            long range = Duration.between(first, Instant.parse("2028-12-01T00:00:00Z")).toSeconds();
            for (int i = 0; i < 2_000; i++) {
                Instant start = first.plusSeconds(random.nextLong(range)).plusNanos(random.nextInt(1_000_000_000));
                Duration amount = Duration.ofSeconds(random.nextLong(1, 200 * 3600))
                        .plusNanos(random.nextInt(1_000_000_000));
                Instant due = calendar.plusWorkingTime(start, amount);
                String what = start + " plus " + amount + " = " + due;
                assertThat(calendar.workingTimeBetween(start, due)).as(what).isEqualTo(amount);
                // working time never runs faster than the wall clock
                assertThat(due).as(what).isAfterOrEqualTo(start.plus(amount));
                // the clock stops while it is worked, so the instant before the due time is working time
                assertThat(calendar.isWorkingTime(due.minusNanos(1))).as(what).isTrue();
            }
        }

        @Test
        void plusWorkingTimeOfTheTimeBetweenReturnsAWorkingEnd() {
            var random = new Random(7L);
            Instant first = Instant.parse("2025-01-01T00:00:00Z");
            long range = Duration.between(first, Instant.parse("2028-12-01T00:00:00Z")).toSeconds();
            int checked = 0;
            for (int i = 0; i < 2_000; i++) {
                Instant from = first.plusSeconds(random.nextLong(range));
                Instant to = from.plusSeconds(random.nextLong(1, 21 * 24 * 3600));
                if (!calendar.isWorkingTime(to)) {
                    continue;
                }
                Duration between = calendar.workingTimeBetween(from, to);
                if (between.isZero()) {
                    continue;
                }
                checked++;
                assertThat(calendar.plusWorkingTime(from, between)).as("from %s to %s", from, to).isEqualTo(to);
            }
            // about a quarter of all instants are working time; make sure the loop did check something
            assertThat(checked).isGreaterThan(300);
        }
    }

    @Nested
    class DefaultBankHolidays {

        @Test
        void theResourceListsEnglandAndWalesFor2025To2028() {
            assertThat(CalendarConfiguration.loadBankHolidays(CalendarConfiguration.DEFAULT_BANK_HOLIDAYS))
                    .containsExactlyInAnyOrderElementsOf(HOLIDAYS);
        }

        @Test
        void theResourceHasThe2026Dates() {
            assertThat(CalendarConfiguration.loadBankHolidays(CalendarConfiguration.DEFAULT_BANK_HOLIDAYS))
                    .filteredOn(date -> date.getYear() == 2026)
                    .containsExactlyInAnyOrderElementsOf(dates("2026-01-01", "2026-04-03", "2026-04-06",
                            "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"));
        }

        @Test
        void everyListedHolidayFallsOnAWeekdaySinceWeekendOnesMoveToTheirSubstitute() {
            assertThat(CalendarConfiguration.loadBankHolidays(CalendarConfiguration.DEFAULT_BANK_HOLIDAYS))
                    .allSatisfy(date -> assertThat(date.getDayOfWeek())
                            .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        }

        @Test
        void parsingSkipsCommentsAndBlankLines() {
            assertThat(CalendarConfiguration.parseBankHolidays("test", List.of(
                    "# heading", "", "  2026-01-01   # New Year's Day", "2026-04-03#Good Friday", "   ")))
                    .containsExactlyInAnyOrder(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-03"));
        }

        @Test
        void aLineThatIsNotADateIsReportedWithItsNumber() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> CalendarConfiguration.parseBankHolidays("holidays.txt",
                            List.of("# heading", "2026-01-01", "2026-13-01 # no such month")))
                    .withMessage("bank-holiday list holidays.txt line 3: '2026-13-01' is not an ISO date like 2026-12-25");
        }

        @Test
        void aMissingResourceIsReported() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> CalendarConfiguration.loadBankHolidays("calendar/no-such-file.txt"))
                    .withMessage("bank-holiday list calendar/no-such-file.txt is not on the classpath");
        }
    }

    @Nested
    class Settings {

        final CalendarConfiguration configuration = new CalendarConfiguration();

        CalendarProperties bind(Map<String, String> properties) {
            return new Binder(new MapConfigurationPropertySource(properties))
                    .bindOrCreate("mash.calendar", CalendarProperties.class);
        }

        @Test
        void defaultsAreLondonQuarterToNineToFiveMondayToFriday() {
            CalendarProperties properties = bind(Map.of());
            assertThat(properties.zone()).isEqualTo(LONDON);
            assertThat(properties.dayStart()).isEqualTo(LocalTime.of(8, 45));
            assertThat(properties.dayEnd()).isEqualTo(LocalTime.of(17, 0));
            assertThat(properties.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            assertThat(properties.bankHolidays()).isNullOrEmpty();
        }

        @Test
        void withoutConfiguredHolidaysTheCalendarUsesTheDefaultList() {
            WorkingCalendar defaults = configuration.workingCalendar(bind(Map.of()));
            assertThat(defaults.isWorkingDay(LocalDate.parse("2026-12-28"))).isFalse();
            assertThat(defaults.isWorkingDay(LocalDate.parse("2028-01-03"))).isFalse();
            assertThat(defaults.isWorkingDay(LocalDate.parse("2026-12-29"))).isTrue();
            assertThat(defaults.plusWorkingTime(london("2026-12-24T16:00"), Duration.ofHours(4)))
                    .isEqualTo(london("2026-12-29T11:45"));
        }

        @Test
        void configuredSettingsAndHolidaysReplaceTheDefaults() {
            WorkingCalendar configured = configuration.workingCalendar(bind(Map.of(
                    "mash.calendar.zone", "Europe/Dublin",
                    "mash.calendar.day-start", "09:00",
                    "mash.calendar.day-end", "16:30",
                    "mash.calendar.working-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY",
                    "mash.calendar.bank-holidays", "2026-06-02,2026-06-03")));
            assertThat(configured.zone()).isEqualTo(ZoneId.of("Europe/Dublin"));
            assertThat(configured.isWorkingDay(LocalDate.parse("2026-06-02"))).isFalse();
            // not in the configured list, so no longer a holiday
            assertThat(configured.isWorkingDay(LocalDate.parse("2026-12-28"))).isTrue();
            // Friday is not worked
            assertThat(configured.isWorkingDay(LocalDate.parse("2026-06-05"))).isFalse();
            // Thursday 4 June 16:00 Dublin (IST, UTC+1) + 1h: 30 minutes, then Monday 09:00-09:30
            assertThat(configured.plusWorkingTime(Instant.parse("2026-06-04T15:00:00Z"), Duration.ofHours(1)))
                    .isEqualTo(Instant.parse("2026-06-08T08:30:00Z"));
        }
    }
}
