package org.mashlive.referral;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each RAG's clock allows, counted from the time a contact was received. Timescales
 * differ between hubs, so each entry can be configured on its own; an entry not configured keeps
 * its default:
 * <ul>
 *   <li>{@code red}: 4 hours elapsed, because a Red case is worked to completion out of hours too;</li>
 *   <li>{@code amber}: 24 working hours;</li>
 *   <li>{@code green}: 72 working hours;</li>
 *   <li>{@code unrated}: 8 working hours, for a contact not yet rated.</li>
 * </ul>
 * A configured entry replaces its default whole. Its {@code working-hours} is false (elapsed)
 * unless set: an elapsed clock never falls due later than a working one of the same length, so
 * a forgotten flag shows a breach early rather than hiding one.
 *
 * @param red     the Red timescale
 * @param amber   the Amber timescale
 * @param green   the Green timescale
 * @param unrated the timescale of a contact with no RAG yet
 * @throws IllegalArgumentException naming the property when a configured target is missing or not positive
 */
@ConfigurationProperties("mash.timescales")
public record TimescaleProperties(Timescale red, Timescale amber, Timescale green, Timescale unrated) {

    static final Timescale DEFAULT_RED = new Timescale(Duration.ofHours(4), false);
    static final Timescale DEFAULT_AMBER = new Timescale(Duration.ofHours(24), true);
    static final Timescale DEFAULT_GREEN = new Timescale(Duration.ofHours(72), true);
    static final Timescale DEFAULT_UNRATED = new Timescale(Duration.ofHours(8), true);

    public TimescaleProperties {
        red = checked("red", red, DEFAULT_RED);
        amber = checked("amber", amber, DEFAULT_AMBER);
        green = checked("green", green, DEFAULT_GREEN);
        unrated = checked("unrated", unrated, DEFAULT_UNRATED);
    }

    /** All four defaults. */
    public static TimescaleProperties defaults() {
        return new TimescaleProperties(null, null, null, null);
    }

    private static Timescale checked(String name, Timescale configured, Timescale fallback) {
        if (configured == null) {
            return fallback;
        }
        String property = "mash.timescales." + name + ".target";
        if (configured.target() == null) {
            throw new IllegalArgumentException(property + " must be set when mash.timescales." + name
                    + " is configured");
        }
        if (configured.target().isNegative() || configured.target().isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + configured.target());
        }
        return configured;
    }

    /**
     * One clock.
     *
     * @param target       how long the clock allows, for example {@code 4h} or {@code PT24H}
     * @param workingHours true to count working hours only (see the working calendar), false to
     *                     count elapsed time
     */
    public record Timescale(Duration target, boolean workingHours) {
    }
}
