package org.mashlive.wallboard;

import java.util.List;

import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.api.ReferralDetail;

/**
 * What the duty view asks the backend, as the signed-in person. Each call waits for the answer (at
 * most a few seconds): it runs on the servlet thread of the person's click, not on the backend.
 * Failures are {@link DutyException}s whose message a person can read.
 */
interface DutyBackend {

    /**
     * A user token for these credentials.
     *
     * @throws DutyException {@code REFUSED} when the backend refuses them, {@code UNREACHABLE} when it does not answer
     */
    UserToken signIn(String username, String password);

    /** A referral's identifying detail; the backend records that {@code user} viewed it. */
    ReferralDetail detail(ActingUser user, String reference);

    /** Gives or moves a case as {@code user}; answers who has it now. */
    AllocationCard allocate(ActingUser user, AllocateRequest request);

    /** The people a case can go to. */
    List<CandidateCard> candidates(ActingUser user);
}
