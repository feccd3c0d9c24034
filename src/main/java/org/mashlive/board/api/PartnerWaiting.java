package org.mashlive.board.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;

/**
 * What the hub waits for from one agency at one instant.
 *
 * @param agency   the agency
 * @param open     its requests still waiting
 * @param overdue  of those, how many are past their due time
 * @param oldest   the oldest against its due time: the one furthest past it, or with none past it the
 *                 one due first; null with none waiting
 * @param age      how long that one has waited since it was asked, or null
 * @param lateBy   how far past its due time it is (negative: how long it has left), or null
 */
public record PartnerWaiting(Agency agency, int open, int overdue, PartnerRequestCard oldest, Duration age,
                             Duration lateBy) {

    /** One entry per agency, in {@link Agency} order, from the requests still waiting. */
    public static List<PartnerWaiting> of(Collection<PartnerRequestCard> waiting, Instant now) {
        var byAgency = new EnumMap<Agency, List<PartnerRequestCard>>(Agency.class);
        for (var agency : Agency.values()) {
            byAgency.put(agency, new ArrayList<>());
        }
        for (var request : waiting) {
            if (request.open()) {
                byAgency.get(request.agency()).add(request);
            }
        }
        var result = new ArrayList<PartnerWaiting>();
        byAgency.forEach((agency, requests) -> {
            int overdue = (int) requests.stream().filter(request -> request.overdueAt(now)).count();
            var oldest = requests.stream()
                    .min(Comparator.comparing(PartnerRequestCard::dueAt).thenComparing(PartnerRequestCard::id))
                    .orElse(null);
            result.add(new PartnerWaiting(agency, requests.size(), overdue, oldest,
                    oldest == null ? null : Duration.between(oldest.requestedAt(), now),
                    oldest == null ? null : Duration.between(oldest.dueAt(), now)));
        });
        return result;
    }

    /** Whether the oldest is past its due time. */
    public boolean oldestLate() {
        return lateBy != null && lateBy.isPositive();
    }
}
