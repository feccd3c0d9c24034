package org.mashlive.allocation.api;

/**
 * The RSocket routes of allocation, and the error codes of their answers. Payloads are JSON
 * ({@code application/json}) or CBOR.
 */
public final class AllocationRoutes {

    /**
     * Request-response: an {@link AllocateRequest}; answers the {@link org.mashlive.board.api.AllocationCard}
     * as it now stands, allocated by the caller. Duty leads and admins only. Errors:
     * {@link #CONFLICT} (someone moved it first: the message names who has it now and the version),
     * {@link #CONFIRMATION_REQUIRED} (the message is the warnings, one a line; send again with
     * {@code confirm}), and an application error naming the field for anything else wrong.
     */
    public static final String ALLOCATE = "duty.allocate";

    /** Request-response: no payload; answers a list of {@link CandidateCard}s, people only. */
    public static final String CANDIDATES = "duty.candidates";

    /** Error code (a custom RSocket error) of a move that lost to another. */
    public static final int CONFLICT = 0x00000301;

    /** Error code (a custom RSocket error) of an allocation that needs its warnings confirmed. */
    public static final int CONFIRMATION_REQUIRED = 0x00000302;

    private AllocationRoutes() {
    }
}
