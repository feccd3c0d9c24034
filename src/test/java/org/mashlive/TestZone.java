package org.mashlive;

import java.time.ZoneId;

/** The zone of the hub the tests configure by default ({@code mash.calendar.zone}'s default). */
public final class TestZone {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private TestZone() {
    }
}
