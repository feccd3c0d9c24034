package org.mashlive.wallboard;

import java.util.ArrayList;
import java.util.List;

import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.api.ReferralDetail;

/** A duty backend a test sets by hand: it records what was asked and answers what it is told. */
final class TestDutyBackend implements DutyBackend {

    final List<String> detailsAsked = new ArrayList<>();
    final List<AllocateRequest> allocations = new ArrayList<>();
    volatile List<CandidateCard> candidates = List.of();
    volatile ReferralDetail detail;
    /** Thrown by the next allocation, then cleared. */
    volatile DutyException nextFailure;
    volatile AllocationCard answer;

    @Override
    public UserToken signIn(String username, String password) {
        throw new DutyException(DutyException.Kind.REFUSED, "not in this test");
    }

    @Override
    public ReferralDetail detail(ActingUser user, String reference) {
        detailsAsked.add(user.username() + " " + reference);
        return detail;
    }

    @Override
    public AllocationCard allocate(ActingUser user, AllocateRequest request) {
        allocations.add(request);
        var failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
        return answer;
    }

    @Override
    public List<CandidateCard> candidates(ActingUser user) {
        return candidates;
    }
}
