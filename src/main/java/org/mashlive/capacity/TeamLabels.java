package org.mashlive.capacity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.mashlive.capacity.api.RoleStaffing;

/**
 * The {@code team} label values of the staffing meters: a team configured in
 * {@code mash.staff.teams} is its own label, {@value Staffing#UNASSIGNED} stays, and every other
 * team counts as {@value #OTHER}. A person's team is free text typed into the staff API, and
 * {@code /actuator/prometheus} is open: were it a label value, anyone who may add a person could
 * add series at will and show any words to whoever reads the metrics. See
 * docs/decisions/0010-what-the-front-door-refuses.md.
 */
final class TeamLabels {

    /** The label of every team not configured. */
    static final String OTHER = "other";

    private final Set<String> configured;

    TeamLabels(Collection<String> configured) {
        this.configured = Set.copyOf(configured);
    }

    /** The label of {@code team}. */
    String of(String team) {
        return configured.contains(team) || Staffing.UNASSIGNED.equals(team) ? team : OTHER;
    }

    /**
     * {@code figures} with every team replaced by its label, rows that come to share a label and a
     * role added together: people, posts, vacancies and caseload sum, so totals over teams stay exact
     * and a caseload per worker is worked out again from the sums. Cover gaps are the hub's, the
     * same for each team that gives cover, so teams that share a label keep the longest.
     */
    Workforce bounded(Workforce figures) {
        var rows = new LinkedHashMap<String, RoleStaffing>();
        for (var role : figures.roles()) {
            String team = of(role.team());
            rows.merge(team + "\u0000" + role.role(),
                    new RoleStaffing(team, role.role(), role.onDuty(), role.establishment(), role.vacancies(),
                            role.caseload(), role.workers()),
                    (a, b) -> new RoleStaffing(team, a.role(), a.onDuty() + b.onDuty(),
                            round(a.establishment() + b.establishment()), round(a.vacancies() + b.vacancies()),
                            a.caseload() + b.caseload(), a.workers() + b.workers()));
        }
        Map<String, Integer> available = new TreeMap<>();
        figures.availableWorkers().forEach((team, people) -> available.merge(of(team), people, Integer::sum));
        Map<String, Duration> gaps = new TreeMap<>();
        figures.coverGaps().forEach((team, gap) -> gaps.merge(of(team), gap,
                (a, b) -> a.compareTo(b) >= 0 ? a : b));
        return new Workforce(new ArrayList<>(rows.values()), available, gaps);
    }

    private static double round(double fte) {
        return Math.round(fte * 100) / 100.0;
    }
}
