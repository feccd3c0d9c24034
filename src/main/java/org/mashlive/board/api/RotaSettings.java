package org.mashlive.board.api;

import java.util.Objects;

/**
 * The settings a board needs to read the rota.
 *
 * @param policeOfficersMax how many police officers the hub has room for on site
 * @param oohMinimum        the fewest out-of-hours duty social workers who must be on shift at any
 *                          time outside core hours; fewer is a gap in cover
 * @param coreHours         the hub's core hours and the bank holidays ahead
 */
public record RotaSettings(int policeOfficersMax, int oohMinimum, CoreHours coreHours) {

    /** 11 officers, one out-of-hours duty social worker, weekdays 08:45–17:00 and no bank holidays. */
    public static final RotaSettings DEFAULT = new RotaSettings(11, 1, CoreHours.WEEKDAYS);

    public RotaSettings {
        if (policeOfficersMax < 0) {
            throw new IllegalArgumentException("policeOfficersMax must not be negative, was " + policeOfficersMax);
        }
        if (oohMinimum < 0) {
            throw new IllegalArgumentException("oohMinimum must not be negative, was " + oohMinimum);
        }
        Objects.requireNonNull(coreHours, "coreHours");
    }
}
