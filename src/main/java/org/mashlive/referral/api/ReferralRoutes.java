package org.mashlive.referral.api;

/** The RSocket routes of the referral module. Payloads are JSON ({@code application/json}) or CBOR. */
public final class ReferralRoutes {

    /**
     * Request-response: a {@link DetailRequest}; answers the {@link ReferralDetail}. Duty leads and
     * admins only; every answer is recorded in the audit trail as viewed by the caller. Errors: no
     * such referral, or the roles the caller lacks, named in the error's message.
     */
    public static final String DETAIL = "duty.referral.detail";

    /**
     * Request-response: a {@link RateRequest}; sets or changes the RAG with the reason and answers
     * the {@link org.mashlive.board.api.ReferralCard} as it now stands. The same RAG again changes
     * nothing. Duty leads and admins only; recorded in the audit trail as done by the caller.
     */
    public static final String RATE = "duty.referral.rate";

    /**
     * Request-response: a {@link StageRequest}; moves an open referral to another open stage and
     * answers the card. Duty leads and admins only; audited as done by the caller.
     */
    public static final String STAGE = "duty.referral.stage";

    /**
     * Request-response: a {@link DecisionRequest}; records the decision, which closes the referral,
     * and answers the card. Duty leads and admins only; audited as done by the caller.
     */
    public static final String DECIDE = "duty.referral.decide";

    /**
     * Request-response: a {@link PoliceCheckRequest}; records the police checks on a police
     * notification as done with the officer's summary (kept with the referral, never on the board)
     * and answers the card. Duty leads and admins only; audited as done by the caller.
     */
    public static final String POLICE_CHECK = "duty.referral.police-check";

    /**
     * Request-response: an {@link IntakeRequest}; takes the contact in as {@code POST /api/referrals}
     * would (one referral per child, the same checks, errors naming the field) and answers the
     * {@link IntakeAnswer}: each child's new reference and its earlier referrals, whose showing is
     * recorded in the audit trail as viewed by the caller. Front-door workers, duty leads and admins.
     */
    public static final String INTAKE = "intake.contact";

    /**
     * Error code (a custom RSocket error) of an action on a referral that no longer allows it: it is
     * already decided, or its police checks are already recorded. The message says which.
     */
    public static final int CLOSED = 0x00000303;

    private ReferralRoutes() {
    }
}
