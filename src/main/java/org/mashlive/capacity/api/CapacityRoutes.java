package org.mashlive.capacity.api;

/** The RSocket routes of the capacity figures. Payloads are JSON ({@code application/json}) or CBOR. */
public final class CapacityRoutes {

    /**
     * Request-response: no payload; answers a {@link CapacitySummary} of the hub now and its last
     * {@link CapacitySummary#DAYS} days.
     */
    public static final String SUMMARY = "capacity.summary";

    private CapacityRoutes() {
    }
}
