package org.mashlive.referral.api;

/** The RSocket routes of the referral module. Payloads are JSON ({@code application/json}) or CBOR. */
public final class ReferralRoutes {

    /**
     * Request-response: a {@link DetailRequest}; answers the {@link ReferralDetail}. Duty leads and
     * admins only; every answer is recorded in the audit trail as viewed by the caller. Errors: no
     * such referral, or the roles the caller lacks, named in the error's message.
     */
    public static final String DETAIL = "duty.referral.detail";

    private ReferralRoutes() {
    }
}
