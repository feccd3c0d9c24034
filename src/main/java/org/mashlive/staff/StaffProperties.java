package org.mashlive.staff;

import java.math.BigDecimal;
import java.util.List;

import org.mashlive.platform.InvalidInputException;
import org.mashlive.platform.Text;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the staff module.
 *
 * @param policeOfficersMax how many police officers the hub has room for on site
 * @param oohMinimum        the fewest out-of-hours duty social workers on shift outside core hours;
 *                          fewer is a gap in cover
 * @param partTimeFte       the fraction of a post a part-time person fills when none is stored for them
 * @param leanFte           the fraction of a post a person on a lean contract fills when none is stored
 * @param demoSeed          whether to lay out the demo hub and its rota; when not set, it follows
 *                          {@code mash.simulation.enabled}, and failing that runs with the embedded
 *                          database only
 * @param teams             the hub's teams, as people's {@code team} names them: the only team names
 *                          that become label values of the open metrics, where any other team counts
 *                          as {@code other} (a person's team stays free text elsewhere); by default
 *                          the demo hub's teams, {@link #DEFAULT_TEAMS}, when not set
 * @throws IllegalArgumentException naming the property that is out of range
 */
@ConfigurationProperties("mash.staff")
public record StaffProperties(
        @DefaultValue("11") int policeOfficersMax,
        @DefaultValue("1") int oohMinimum,
        @DefaultValue("0.5") BigDecimal partTimeFte,
        @DefaultValue("0.5") BigDecimal leanFte,
        Boolean demoSeed,
        List<String> teams) {

    /** The demo hub's teams: the default of {@code mash.staff.teams}. */
    public static final List<String> DEFAULT_TEAMS = List.of("MASH social work", "MASH police", "Health visiting",
            "School nursing", "Early help", "Out of hours", "Duty", "Hub management");

    public StaffProperties {
        if (policeOfficersMax < 0) {
            throw new IllegalArgumentException("mash.staff.police-officers-max must not be negative, was "
                    + policeOfficersMax);
        }
        if (oohMinimum < 0) {
            throw new IllegalArgumentException("mash.staff.ooh-minimum must not be negative, was " + oohMinimum);
        }
        fraction("mash.staff.part-time-fte", partTimeFte);
        fraction("mash.staff.lean-fte", leanFte);
        teams = teams == null ? DEFAULT_TEAMS : teams.stream().map(String::strip).distinct().toList();
        for (String team : teams) {
            if (team.isEmpty() || team.length() > 80) {
                throw new IllegalArgumentException("mash.staff.teams must be team names of 1 to 80 characters; one was '"
                        + team + "'");
            }
            try {
                Text.line("mash.staff.teams", team);
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    private static void fraction(String name, BigDecimal value) {
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be more than 0 and at most 1, was " + value);
        }
    }
}
