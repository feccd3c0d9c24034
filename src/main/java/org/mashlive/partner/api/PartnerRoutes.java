package org.mashlive.partner.api;

/**
 * The RSocket routes of partner requests, duty leads and admins only (as the REST API's). Payloads are
 * JSON or CBOR. Something wrong in a payload is an INVALID error naming the field; a request already
 * answered is {@link #ANSWERED}; a referral or request that does not exist an application error
 * naming it.
 */
public final class PartnerRoutes {

    /** Request-response: a {@link NewPartnerRequest}; answers the {@link PartnerRequestDetail} made by the caller. */
    public static final String REQUEST = "duty.partner.request";

    /** Request-response: a {@link ChaseRequest}; answers the request as it stands after the chase. */
    public static final String CHASE = "duty.partner.chase";

    /** Request-response: an {@link AnswerRequest}; answers the request as answered. */
    public static final String ANSWER = "duty.partner.answer";

    /** Request-response: a {@link ReferralRequests}; answers the referral's requests, the oldest first. */
    public static final String OF_REFERRAL = "duty.partner.requests";

    /** Error code (a custom RSocket error) of a chase or an answer to a request already answered. */
    public static final int ANSWERED = 0x00000311;

    private PartnerRoutes() {
    }
}
