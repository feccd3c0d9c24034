package org.mashlive.capacity.api;

/** The RSocket routes of the capacity figures. Payloads are JSON ({@code application/json}) or CBOR. */
public final class CapacityRoutes {

    /**
     * Request-response: no payload; answers a {@link CapacitySummary} of the hub now and its last
     * {@link CapacitySummary#DAYS} days.
     */
    public static final String SUMMARY = "capacity.summary";

    /**
     * Request-response: a {@link ReportRequest}; answers the front-door report of the period as CSV
     * text ({@code figure,value} rows), counted from the database as {@code GET /api/reports/front-door}
     * counts it. Service heads and admins only, as the person ({@code Access.SERVICE_HEAD}); a wrong
     * period is refused naming {@code from} or {@code to}.
     */
    public static final String FRONT_DOOR_REPORT = "capacity.front-door-report";

    private CapacityRoutes() {
    }
}
