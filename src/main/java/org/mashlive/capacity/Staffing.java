package org.mashlive.capacity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.mashlive.board.api.Presence;
import org.mashlive.board.api.Rota;
import org.mashlive.board.api.StaffRole;
import org.mashlive.capacity.api.RoleStaffing;
import org.mashlive.staff.Establishment;
import org.mashlive.staff.Person;

/**
 * The staffing figures computed from what the staff and allocation modules know at one instant:
 * no database, no clock of its own, so each figure is tested against known people, shifts,
 * establishment and allocations.
 *
 * <p>Funded posts are set per role for the whole hub. A role whose people all sit in one team (the
 * usual case) has its whole establishment in that team. Where a role's people sit in several
 * teams, its funded posts are shared between those teams in proportion to the FTE each has in
 * post, so the figures summed by role are exact; a role with funded posts and nobody in post is
 * reported under the team {@value #UNASSIGNED}.
 */
final class Staffing {

    /** The team label of funded posts that no team's people fill, and of out-of-hours cover with nobody in post. */
    static final String UNASSIGNED = "unassigned";

    /** How far ahead the out-of-hours cover gap is measured. */
    static final Duration COVER_HORIZON = Duration.ofHours(24);

    private Staffing() {
    }

    /**
     * The staffing at {@code now}.
     *
     * @param people        the people in post
     * @param fte           the fraction of a post each fills
     * @param establishment the funded posts of each role
     * @param rota          the rota: presence and out-of-hours cover
     * @param caseloads     open cases per staff id
     */
    static Workforce at(Instant now, List<Person> people, Function<Person, BigDecimal> fte,
                        Establishment establishment, Rota rota, Map<Long, Integer> caseloads) {
        var inPost = people.stream().filter(Person::active).toList();
        // team, then role in StaffRole order
        var rows = new TreeMap<Key, Tally>(Comparator.comparing(Key::team).thenComparing(Key::role));
        var available = new TreeMap<String, Integer>();
        var oohTeams = new LinkedHashSet<String>();
        for (var person : inPost) {
            var tally = rows.computeIfAbsent(new Key(person.team(), person.role()), key -> new Tally());
            var presence = rota.presence(person.card(), now);
            tally.workers++;
            tally.fte = tally.fte.add(fte.apply(person));
            tally.caseload += caseloads.getOrDefault(person.id(), 0);
            if (presence != Presence.OFF) {
                tally.onDuty++;
            }
            available.merge(person.team(), presence == Presence.ON_SHIFT ? 1 : 0, Integer::sum);
            if (person.role() == StaffRole.OOH_DUTY_SOCIAL_WORKER) {
                oohTeams.add(person.team());
            }
        }
        var inPostByRole = new HashMap<StaffRole, BigDecimal>();
        rows.forEach((key, tally) -> inPostByRole.merge(key.role(), tally.fte, BigDecimal::add));

        var roles = new ArrayList<RoleStaffing>();
        rows.forEach((key, tally) -> {
            double funded = establishment.line(key.role()).fundedFte().doubleValue();
            double roleInPost = inPostByRole.get(key.role()).doubleValue();
            double share = roleInPost == 0 ? 0 : tally.fte.doubleValue() / roleInPost;
            double teamFunded = round(funded * share);
            double vacant = round(Math.max(0, teamFunded - tally.fte.doubleValue()));
            roles.add(new RoleStaffing(key.team(), key.role().name(), tally.onDuty, teamFunded, vacant,
                    tally.caseload, tally.workers));
        });
        for (var line : establishment.lines()) {
            if (line.fundedFte().signum() > 0 && !inPostByRole.containsKey(line.role())) {
                double funded = round(line.fundedFte().doubleValue());
                roles.add(new RoleStaffing(UNASSIGNED, line.role().name(), 0, funded, funded, 0, 0));
            }
        }

        var gaps = new HashMap<String, Duration>();
        if (rota.settings().oohMinimum() > 0) {
            var uncovered = rota.gaps(now, now.plus(COVER_HORIZON)).stream()
                    .map(gap -> Duration.between(gap.start(), gap.end()))
                    .reduce(Duration.ZERO, Duration::plus);
            // cover is the hub's, whoever's team gives it: each team that gives it shows the same gap
            for (var team : oohTeams.isEmpty() ? List.of(UNASSIGNED) : oohTeams) {
                gaps.put(team, uncovered);
            }
        }
        return new Workforce(roles, available, gaps);
    }

    private static double round(double fte) {
        return Math.round(fte * 100) / 100.0;
    }

    private record Key(String team, StaffRole role) {
    }

    private static final class Tally {
        int workers;
        int onDuty;
        int caseload;
        BigDecimal fte = BigDecimal.ZERO;
    }
}
