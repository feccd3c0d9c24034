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
     * Request-response: a {@link FlagsRequest}; sets the child's flags on an open referral to those
     * given, with the reason, and answers the card. The same flags again change nothing. Duty leads
     * and admins only; kept with who and when, and audited as done by the caller.
     */
    public static final String FLAGS = "duty.referral.flags";

    /**
     * Request-response: a {@link SignOffRequest}; authorises the decision awaiting sign-off, which closes
     * the referral, and answers the card. Duty leads and admins only, and never the decision's own
     * maker ({@link #REFUSED}); audited as done by the caller.
     */
    public static final String SIGN_OFF = "duty.referral.sign-off";

    /**
     * Request-response: a {@link SignOffRequest} with its reason; returns the decision awaiting sign-off,
     * which leaves the referral open for another decision, and answers the card. As {@link #SIGN_OFF}.
     */
    public static final String RETURN = "duty.referral.return";

    /**
     * Request-response, no payload: the decisions awaiting sign-off, longest waiting first, as a list of
     * {@link AwaitingSignOff}. They carry rationales: duty leads and admins only.
     */
    public static final String AWAITING_SIGN_OFF = "duty.decisions.awaiting-sign-off";

    /**
     * Request-response, no payload: the threshold levels a decision may apply, as configured (a list of
     * text). Duty leads and admins only.
     */
    public static final String THRESHOLDS = "duty.decisions.thresholds";

    /**
     * Error code (a custom RSocket error) of a step that management oversight refuses: signing off or
     * returning one's own decision, signing off where no decision waits, deciding again while one waits.
     * The message says which rule, in the app's words.
     */
    public static final int REFUSED = 0x00000304;

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
