package org.mashlive.capacity.api;

import java.time.LocalDate;
import java.util.Map;

import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Source;

/**
 * Contacts received on one day (Europe/London).
 *
 * @param day        the day
 * @param bySource   how many from each source (sources with none left out)
 * @param byChannel  how many through each channel (channels with none left out)
 * @param reReferral how many were re-referrals
 * @param outOfHours how many came in outside core hours
 */
public record DailyArrivals(LocalDate day, Map<Source, Integer> bySource, Map<Channel, Integer> byChannel,
                            int reReferral, int outOfHours) {

    public DailyArrivals {
        bySource = Map.copyOf(bySource);
        byChannel = Map.copyOf(byChannel);
    }

    /** All contacts of the day. */
    public int total() {
        return bySource.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Contacts of the day from {@code source}. */
    public int from(Source source) {
        return bySource.getOrDefault(source, 0);
    }
}
