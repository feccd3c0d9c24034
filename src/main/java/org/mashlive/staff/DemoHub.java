package org.mashlive.staff;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffRole;

/**
 * The demo hub: a realistic establishment, the people in post, and the rota of any day laid out
 * the same way every time (so a restart lays out nothing twice). One night in three the
 * out-of-hours night shift ends at 02:00 instead of 09:00, so the board always has a gap in
 * out-of-hours cover to show within 72 hours.
 */
final class DemoHub {

    /** Funded posts: 8 social workers, 3 seniors, 11 officers, 3 health, 2 early help, 4 OOH, 3 leads, 1 manager. */
    static final Map<StaffRole, BigDecimal> ESTABLISHMENT = Map.of(
            StaffRole.SOCIAL_WORKER, new BigDecimal("8"),
            StaffRole.SENIOR_PRACTITIONER, new BigDecimal("3"),
            StaffRole.MASH_POLICE_OFFICER, new BigDecimal("11"),
            StaffRole.MASH_HEALTH_PRACTITIONER, new BigDecimal("3"),
            StaffRole.EARLY_HELP_WORKER, new BigDecimal("2"),
            StaffRole.OOH_DUTY_SOCIAL_WORKER, new BigDecimal("4"),
            StaffRole.DUTY_LEAD, new BigDecimal("3"),
            StaffRole.MANAGER, new BigDecimal("1"));

    /** The people in post, in the order they are taken on. */
    static final List<StaffDetails> PEOPLE = List.of(
            sw("J. Patel"), sw("K. Osei"), sw("L. Brown"), sw("M. Kowalski"), sw("N. Ahmed"),
            new StaffDetails("O. Murphy", StaffRole.SOCIAL_WORKER, "MASH social work", Contract.PART_TIME, new BigDecimal("0.6")),
            new StaffDetails("P. Nwosu", StaffRole.SOCIAL_WORKER, "MASH social work", Contract.LEAN, new BigDecimal("0.8")),
            senior("R. Singh"), senior("S. Evans"), senior("T. Adeyemi"),
            officer("DC A. Clarke"), officer("DC B. Hughes"), officer("PC C. Doyle"), officer("PC D. Khan"),
            officer("PC E. Walsh"), officer("PC F. Reid"), officer("DC G. Mensah"), officer("PC H. Price"),
            officer("DS I. Moore"),
            new StaffDetails("U. Shah", StaffRole.MASH_HEALTH_PRACTITIONER, "Health visiting", Contract.FULL_TIME, null),
            new StaffDetails("V. Lewis", StaffRole.MASH_HEALTH_PRACTITIONER, "School nursing", Contract.PART_TIME, null),
            new StaffDetails("W. Bello", StaffRole.EARLY_HELP_WORKER, "Early help", Contract.FULL_TIME, null),
            new StaffDetails("X. Young", StaffRole.EARLY_HELP_WORKER, "Early help", Contract.PART_TIME, new BigDecimal("0.5")),
            ooh("A. Rahman", Contract.FULL_TIME, null), ooh("B. O'Neill", Contract.FULL_TIME, null),
            ooh("C. Fraser", Contract.FULL_TIME, null), ooh("D. Okafor", Contract.LEAN, new BigDecimal("0.6")),
            new StaffDetails("E. Green", StaffRole.DUTY_LEAD, "Duty", Contract.FULL_TIME, null),
            new StaffDetails("F. Hall", StaffRole.DUTY_LEAD, "Duty", Contract.FULL_TIME, null),
            new StaffDetails("G. Ward", StaffRole.DUTY_LEAD, "Duty", Contract.FULL_TIME, null),
            new StaffDetails("H. Baker", StaffRole.MANAGER, "Hub management", Contract.FULL_TIME, null));

    private DemoHub() {
    }

    private static StaffDetails sw(String name) {
        return new StaffDetails(name, StaffRole.SOCIAL_WORKER, "MASH social work", Contract.FULL_TIME, null);
    }

    private static StaffDetails senior(String name) {
        return new StaffDetails(name, StaffRole.SENIOR_PRACTITIONER, "MASH social work", Contract.FULL_TIME, null);
    }

    private static StaffDetails officer(String name) {
        return new StaffDetails(name, StaffRole.MASH_POLICE_OFFICER, "MASH police", Contract.FULL_TIME, null);
    }

    private static StaffDetails ooh(String name, Contract contract, BigDecimal fte) {
        return new StaffDetails(name, StaffRole.OOH_DUTY_SOCIAL_WORKER, "Out of hours", contract, fte);
    }

    /** A shift of the plan: whose, from, to. */
    record PlannedShift(Person person, Instant start, Instant end) {
    }

    /** Whether the out-of-hours night shift starting on {@code day} is the one cut short at 02:00. */
    static boolean nightCutShort(LocalDate day) {
        return day.toEpochDay() % 3 == 0;
    }

    /**
     * The shifts that start on {@code day} (local to {@code zone}, the hub's) for {@code people}: core hours on
     * working days for the day teams (part-time Monday to Wednesday, lean Monday to Thursday);
     * police officers on early, middle and late shifts on working days, two on a weekend or bank
     * holiday, one resting each working day; the out-of-hours duty social workers on the evening
     * and night on working days, day and night otherwise, taking turns so nobody's shifts overlap.
     *
     * @param workingDay whether {@code day} has core hours
     * @param zone       the hub's zone, in which the shifts' wall-clock times are
     */
    static List<PlannedShift> plan(LocalDate day, boolean workingDay, List<Person> people, ZoneId zone) {
        var shifts = new ArrayList<PlannedShift>();
        long e = day.toEpochDay();
        var officers = people.stream().filter(p -> p.role() == StaffRole.MASH_POLICE_OFFICER).toList();
        var ooh = people.stream().filter(p -> p.role() == StaffRole.OOH_DUTY_SOCIAL_WORKER).toList();
        for (var person : people) {
            switch (person.role()) {
                case MASH_POLICE_OFFICER, OOH_DUTY_SOCIAL_WORKER -> {
                }
                default -> {
                    if (workingDay && worksOn(person.contract(), day.getDayOfWeek())) {
                        shifts.add(at(zone, person, day, 8, 45, day, 17, 0));
                    }
                }
            }
        }
        if (!officers.isEmpty()) {
            int n = officers.size();
            if (workingDay) {
                int resting = (int) Math.floorMod(e, n);
                for (int i = 0; i < n; i++) {
                    if (i == resting) {
                        continue;
                    }
                    var officer = officers.get(i);
                    shifts.add(switch (i % 3) {
                        case 0 -> at(zone, officer, day, 7, 0, day, 15, 0);
                        case 1 -> at(zone, officer, day, 9, 0, day, 17, 0);
                        default -> at(zone, officer, day, 12, 0, day, 20, 0);
                    });
                }
            } else {
                shifts.add(at(zone, officers.get((int) Math.floorMod(e, n)), day, 9, 0, day, 17, 0));
                shifts.add(at(zone, officers.get((int) Math.floorMod(e + 4, n)), day, 9, 0, day, 17, 0));
            }
        }
        if (ooh.size() >= 4) {
            var next = day.plusDays(1);
            var night = ooh.get((int) Math.floorMod(e, 4));
            int endHour = nightCutShort(day) ? 2 : 9;
            if (workingDay) {
                shifts.add(at(zone, night, day, 16, 45, next, endHour, 0));
            } else {
                shifts.add(at(zone, ooh.get((int) Math.floorMod(e + 2, 4)), day, 8, 45, day, 21, 0));
                shifts.add(at(zone, night, day, 20, 45, next, endHour, 0));
            }
        }
        return shifts;
    }

    private static boolean worksOn(Contract contract, DayOfWeek dayOfWeek) {
        return switch (contract) {
            case FULL_TIME -> true;
            case PART_TIME -> dayOfWeek.compareTo(DayOfWeek.WEDNESDAY) <= 0;
            case LEAN -> dayOfWeek.compareTo(DayOfWeek.THURSDAY) <= 0;
        };
    }

    private static PlannedShift at(ZoneId zone, Person person, LocalDate startDay, int startHour, int startMinute, LocalDate endDay,
                                   int endHour, int endMinute) {
        return new PlannedShift(person,
                ZonedDateTime.of(startDay, LocalTime.of(startHour, startMinute), zone).toInstant(),
                ZonedDateTime.of(endDay, LocalTime.of(endHour, endMinute), zone).toInstant());
    }
}
