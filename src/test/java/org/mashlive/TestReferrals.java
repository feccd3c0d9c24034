package org.mashlive;

import java.util.concurrent.atomic.AtomicInteger;

/** Intake bodies for tests: each call gives a new child and a new external reference. */
public final class TestReferrals {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestReferrals() {
    }

    /** A police notification for a fresh child, as JSON. */
    public static String police() {
        int n = NEXT.incrementAndGet();
        return police("MERLIN-TEST-" + System.nanoTime() + "-" + n, "Testchild" + n, "Family" + n, "2016-03-04");
    }

    public static String police(String externalRef, String firstName, String lastName, String dateOfBirth) {
        return """
                {"externalRef": "%s", "channel": "POLICE_NOTIFICATION", "source": "POLICE",
                 "child": {"firstName": "%s", "lastName": "%s", "dateOfBirth": "%s"},
                 "concern": "Domestic abuse incident at home; child present.", "rag": "AMBER",
                 "flags": ["DOMESTIC_ABUSE"], "consent": "NOT_SOUGHT"}"""
                .formatted(externalRef, firstName, lastName, dateOfBirth);
    }
}
