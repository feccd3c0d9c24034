package org.mashlive.board.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The 24-hour rota read at an instant: who is where, which police officers are on site, who covers
 * out of hours, when the next handover is and where cover falls short. Pure and immutable: the
 * backend's API and every board compute these figures with this one class.
 *
 * <p>Only people whose employment has not ended count, and only their shifts. A person on a break
 * is still on shift for cover (they can be called back) but not free.
 */
public final class Rota {

    /** How far ahead gaps in out-of-hours cover are looked for. */
    public static final Duration GAP_HORIZON = Duration.ofHours(72);

    /** How far ahead the next handover is looked for; core hours always start or end within it. */
    static final Duration HANDOVER_HORIZON = Duration.ofDays(14);

    private final Map<Long, StaffCard> staff = new HashMap<>();
    private final List<ShiftCard> shifts;
    private final RotaSettings settings;

    /**
     * @param staff    the people; those whose employment has ended are left out
     * @param shifts   their shifts; shifts of people not among {@code staff} are left out
     * @param settings the officers' maximum, the out-of-hours minimum and the core hours
     */
    public Rota(Collection<StaffCard> staff, Collection<ShiftCard> shifts, RotaSettings settings) {
        staff.stream().filter(StaffCard::active).forEach(person -> this.staff.put(person.id(), person));
        this.shifts = shifts.stream()
                .filter(shift -> this.staff.containsKey(shift.staffId()))
                .sorted(Comparator.comparing(ShiftCard::start).thenComparing(ShiftCard::id))
                .toList();
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings this rota is read with. */
    public RotaSettings settings() {
        return settings;
    }

    /** Where {@code person} is at {@code now}. */
    public Presence presence(StaffCard person, Instant now) {
        for (var shift : shifts) {
            if (shift.staffId() == person.id() && shift.covers(now)) {
                var since = person.breakSince();
                boolean onBreak = since != null && !since.isAfter(now) && !since.isBefore(shift.start());
                return onBreak ? Presence.ON_BREAK : Presence.ON_SHIFT;
            }
        }
        return Presence.OFF;
    }

    /** The police officers on site at {@code now} against the maximum. */
    public OfficersOnSite officers(Instant now) {
        int free = 0;
        int onBreak = 0;
        for (var person : staff.values()) {
            if (person.role() != StaffRole.MASH_POLICE_OFFICER) {
                continue;
            }
            switch (presence(person, now)) {
                case ON_SHIFT -> free++;
                case ON_BREAK -> onBreak++;
                case OFF -> {
                }
            }
        }
        return new OfficersOnSite(free + onBreak, free, onBreak, settings.policeOfficersMax());
    }

    /**
     * Out-of-hours cover at {@code now}: who covers, the next handover, and every gap in the
     * {@link #GAP_HORIZON} from {@code now}.
     */
    public OutOfHoursCover cover(Instant now) {
        var core = settings.coreHours();
        boolean coreNow = core.isCore(now);
        var covering = coreNow ? List.<StaffCard>of() : people(oohOnShift(now));
        Instant handover = nextHandover(now);
        boolean nextCore = handover != null && core.isCore(handover);
        var next = handover == null || nextCore ? List.<StaffCard>of() : people(oohOnShift(handover));
        return new OutOfHoursCover(coreNow, covering, handover, nextCore, next, gaps(now, now.plus(GAP_HORIZON)));
    }

    /**
     * The next instant after {@code now} at which cover changes hands: core hours start or end, or
     * the set of out-of-hours duty social workers on shift (outside core hours) changes; null when
     * nothing changes within two weeks.
     */
    public Instant nextHandover(Instant now) {
        var limit = now.plus(HANDOVER_HORIZON);
        Object current = coverState(now);
        for (Instant t : changePoints(now, limit)) {
            if (!coverState(t).equals(current)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The periods inside {@code [from, to)} outside core hours with fewer out-of-hours duty social
     * workers on shift than the minimum, in order; adjacent short periods are merged, with the
     * fewest on duty in any part of the merged one.
     */
    public List<CoverGap> gaps(Instant from, Instant to) {
        int minimum = settings.oohMinimum();
        var gaps = new ArrayList<CoverGap>();
        if (minimum == 0 || !to.isAfter(from)) {
            return gaps;
        }
        var points = new ArrayList<Instant>();
        points.add(from);
        points.addAll(changePoints(from, to));
        if (!points.getLast().equals(to)) {
            points.add(to);
        }
        CoverGap open = null;
        for (int i = 0; i + 1 < points.size(); i++) {
            Instant a = points.get(i);
            Instant b = points.get(i + 1);
            int onDuty = oohOnShift(a).size();
            boolean short_ = !settings.coreHours().isCore(a) && onDuty < minimum;
            if (!short_) {
                if (open != null) {
                    gaps.add(open);
                    open = null;
                }
                continue;
            }
            open = open == null
                    ? new CoverGap(a, b, onDuty, minimum)
                    : new CoverGap(open.start(), b, Math.min(open.onDuty(), onDuty), minimum);
        }
        if (open != null) {
            gaps.add(open);
        }
        return gaps;
    }

    /** Core-hour boundaries and out-of-hours shift starts and ends in {@code (from, to]}, in order, once each. */
    private List<Instant> changePoints(Instant from, Instant to) {
        var points = new TreeSet<Instant>(settings.coreHours().boundaries(from, to));
        for (var shift : shifts) {
            if (staff.get(shift.staffId()).role() != StaffRole.OOH_DUTY_SOCIAL_WORKER) {
                continue;
            }
            for (Instant t : List.of(shift.start(), shift.end())) {
                if (t.isAfter(from) && !t.isAfter(to)) {
                    points.add(t);
                }
            }
        }
        return List.copyOf(points);
    }

    /** "core" in core hours, otherwise the ids of the out-of-hours duty social workers on shift. */
    private Object coverState(Instant t) {
        return settings.coreHours().isCore(t) ? "core" : oohOnShift(t);
    }

    private Set<Long> oohOnShift(Instant t) {
        return shifts.stream()
                .filter(shift -> shift.covers(t))
                .filter(shift -> staff.get(shift.staffId()).role() == StaffRole.OOH_DUTY_SOCIAL_WORKER)
                .map(ShiftCard::staffId)
                .collect(Collectors.toSet());
    }

    private List<StaffCard> people(Set<Long> ids) {
        return ids.stream().map(staff::get)
                .sorted(Comparator.comparing(StaffCard::displayName).thenComparing(StaffCard::id))
                .toList();
    }

    /**
     * The police officers on site. Allocation will add the officers busy on checks and the oldest
     * check waiting beside these figures.
     *
     * @param onSite  officers on shift now, on a break or not
     * @param free    officers on shift and not on a break
     * @param onBreak officers on shift and on a break
     * @param max     how many officers the hub has room for
     */
    public record OfficersOnSite(int onSite, int free, int onBreak, int max) {
    }

    /**
     * A period outside core hours with too few out-of-hours duty social workers on shift.
     *
     * @param start   when it starts (or now, when it is under way)
     * @param end     when cover is restored, or core hours start
     * @param onDuty  the fewest on shift during it
     * @param minimum how many there should be
     */
    public record CoverGap(Instant start, Instant end, int onDuty, int minimum) {
    }

    /**
     * Out-of-hours cover at one instant.
     *
     * @param coreHours     whether it is core hours now (the hub covers; nobody out of hours)
     * @param covering      outside core hours, the out-of-hours duty social workers on shift, by name
     * @param nextHandover  when cover next changes hands, or null when it does not within two weeks
     * @param nextCoreHours whether core hours start at the next handover
     * @param next          who covers after the next handover, when that is out of hours
     * @param gaps          the gaps in cover in the next 72 hours, in order
     */
    public record OutOfHoursCover(boolean coreHours, List<StaffCard> covering, Instant nextHandover,
                                  boolean nextCoreHours, List<StaffCard> next, List<CoverGap> gaps) {

        public OutOfHoursCover {
            covering = List.copyOf(covering);
            next = List.copyOf(next);
            gaps = List.copyOf(gaps);
        }
    }
}
