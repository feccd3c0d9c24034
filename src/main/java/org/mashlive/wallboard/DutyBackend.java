package org.mashlive.wallboard;

import java.util.List;

import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.api.AwaitingSignOff;
import org.mashlive.referral.api.DecisionRequest;
import org.mashlive.referral.api.IntakeAnswer;
import org.mashlive.referral.api.IntakeRequest;
import org.mashlive.referral.api.SignOffRequest;
import org.mashlive.referral.api.PoliceCheckRequest;
import org.mashlive.referral.api.RateRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.referral.api.StageRequest;

/**
 * What the duty view asks the backend, as the signed-in person. Each call waits for the answer (at
 * most a few seconds): it runs on the servlet thread of the person's click, not on the backend.
 * Failures are {@link DutyException}s whose message a person can read.
 */
public interface DutyBackend {

    /**
     * A user token for these credentials.
     *
     * @throws DutyException {@code REFUSED} when the backend refuses them, {@code UNREACHABLE} when it does not answer
     */
    UserToken signIn(String username, String password);

    /**
     * A user token for the person whose access token from the council's identity provider this is:
     * the backend checks the token and maps its roles.
     *
     * @throws DutyException {@code REFUSED} when the backend refuses it (the message says why, a person
     *                       with no mapped role included), {@code UNREACHABLE} when it does not answer
     */
    UserToken signInWithProvider(String accessToken);

    /** A referral's identifying detail; the backend records that {@code user} viewed it. */
    ReferralDetail detail(ActingUser user, String reference);

    /** Gives or moves a case as {@code user}; answers who has it now. */
    AllocationCard allocate(ActingUser user, AllocateRequest request);

    /** The people a case can go to. */
    List<CandidateCard> candidates(ActingUser user);

    /** Sets or changes a referral's RAG as {@code user}; answers its card as it now stands. */
    ReferralCard rate(ActingUser user, RateRequest request);

    /** Moves a referral to another open stage as {@code user}. */
    ReferralCard moveStage(ActingUser user, StageRequest request);

    /**
     * Records the decision on a referral as {@code user}: it closes it, or, when its outcome needs
     * management oversight, leaves it awaiting another lead's sign-off.
     */
    ReferralCard decide(ActingUser user, DecisionRequest request);

    /** Authorises the decision awaiting sign-off as {@code user} (never its own maker), which closes it. */
    ReferralCard signOff(ActingUser user, SignOffRequest request);

    /** Returns the decision awaiting sign-off with the reason, as {@code user}; the referral stays open. */
    ReferralCard returnDecision(ActingUser user, SignOffRequest request);

    /** The decisions awaiting sign-off, the longest waiting first. */
    List<AwaitingSignOff> awaitingSignOff(ActingUser user);

    /** The front-door report of a period as CSV, as {@code user} (service heads and admins may read it). */
    String frontDoorReport(ActingUser user, org.mashlive.capacity.api.ReportRequest request);

    /** The threshold levels a decision may apply, as the hub configured them. */
    List<String> thresholds(ActingUser user);

    /** Sets the child's flags on a referral as {@code user}, with the reason; answers its card as it now stands. */
    ReferralCard setFlags(ActingUser user, org.mashlive.referral.api.FlagsRequest request);

    /** Records the police checks on a referral as done by {@code user}. */
    ReferralCard policeCheckDone(ActingUser user, PoliceCheckRequest request);

    /**
     * Takes a phone or email contact in as {@code user}: its new references and each child's
     * earlier referrals, whose showing the backend records as viewed by {@code user}.
     */
    IntakeAnswer takeIn(ActingUser user, IntakeRequest request);

    /** A referral's information requests to partners with their answers, the oldest first. */
    default List<org.mashlive.partner.api.PartnerRequestDetail> partnerRequests(ActingUser user, String reference) {
        throw new DutyException(DutyException.Kind.REFUSED, "Partner requests are not available here");
    }

    /** Asks a partner for information about a referral as {@code user}. */
    default org.mashlive.partner.api.PartnerRequestDetail requestFromPartner(ActingUser user,
            org.mashlive.partner.api.NewPartnerRequest request) {
        throw new DutyException(DutyException.Kind.REFUSED, "Partner requests are not available here");
    }

    /** Records a chase of a partner as {@code user}. */
    default org.mashlive.partner.api.PartnerRequestDetail chasePartner(ActingUser user,
            org.mashlive.partner.api.ChaseRequest request) {
        throw new DutyException(DutyException.Kind.REFUSED, "Partner requests are not available here");
    }

    /** Records a partner's answer, or that it holds no information, as {@code user}. */
    default org.mashlive.partner.api.PartnerRequestDetail recordPartnerAnswer(ActingUser user,
            org.mashlive.partner.api.AnswerRequest request) {
        throw new DutyException(DutyException.Kind.REFUSED, "Partner requests are not available here");
    }
}
