package org.mashlive.capacity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.mashlive.capacity.api.RoleStaffing;

/**
 * Staffing of the hub at one instant, as a {@link WorkforceFigures} reports it.
 *
 * @param roles            staffing by team and role
 * @param availableWorkers by team, the people on duty now who can take referrals
 * @param coverGaps        by team, the out-of-hours time in the next 24 hours that the rota leaves
 *                         uncovered (teams with none may be left out)
 */
public record Workforce(List<RoleStaffing> roles, Map<String, Integer> availableWorkers,
                        Map<String, Duration> coverGaps) {

    public Workforce {
        roles = List.copyOf(roles);
        availableWorkers = Map.copyOf(availableWorkers);
        coverGaps = Map.copyOf(coverGaps);
    }

    /** Available workers across every team. */
    public int totalAvailable() {
        return availableWorkers.values().stream().mapToInt(Integer::intValue).sum();
    }
}
