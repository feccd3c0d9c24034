package org.mashlive.wallboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long before its due time a referral is listed as "due soon" (docs/decisions/0024-warnings-chime-and-forecast-on-the-board.md).
 *
 * @param red    for a Red referral, in elapsed time: Red clocks run day and night; default 60 minutes
 * @param others for every other referral, in working hours on the hub's core hours: a Green due at
 *               10:00 on Monday is not "due soon" on Friday evening; default 4 hours
 */
@ConfigurationProperties("mash.wallboard.due-soon")
public record WarningWindows(@DefaultValue("60m") Duration red, @DefaultValue("4h") Duration others) {

    private static final Duration DEFAULT_RED = Duration.ofMinutes(60);
    private static final Duration DEFAULT_OTHERS = Duration.ofHours(4);

    /** The defaults: 60 minutes for Red, 4 working hours for the others. */
    public static final WarningWindows DEFAULT = new WarningWindows(DEFAULT_RED, DEFAULT_OTHERS);

    public WarningWindows {
        red = red == null ? DEFAULT_RED : red;
        others = others == null ? DEFAULT_OTHERS : others;
        if (red.isNegative() || red.isZero()) {
            throw new IllegalArgumentException("mash.wallboard.due-soon.red must be positive, was " + red);
        }
        if (others.isNegative() || others.isZero()) {
            throw new IllegalArgumentException("mash.wallboard.due-soon.others must be positive, was " + others);
        }
    }

}
