package org.mashlive.wallboard.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;


import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.api.AwaitingSignOff;
import org.mashlive.referral.api.DecisionRequest;
import org.mashlive.referral.api.SignOffRequest;
import org.mashlive.referral.api.PoliceCheckRequest;
import org.mashlive.referral.api.RateRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.referral.api.StageRequest;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.DutyBackend;
import org.mashlive.wallboard.DutyException;

import reactor.core.scheduler.Schedulers;

/** A duty backend a test sets by hand: it records what was asked, by whom, and answers what it is told. */
final class TestDutyBackend implements DutyBackend {

    final List<String> detailsAsked = new ArrayList<>();
    final List<AllocateRequest> allocations = new ArrayList<>();
    /** Every screening request, as "user request". */
    final List<String> screening = new ArrayList<>();
    volatile List<CandidateCard> candidates = List.of();
    volatile ReferralDetail detail = new ReferralDetail(1, "MASH-2026-000001", java.time.Instant.EPOCH,
            org.mashlive.board.api.Source.POLICE, "Ada", "Example", java.time.LocalDate.of(2016, 1, 1), "A concern",
            "GIVEN", null, null, org.mashlive.board.api.Stage.RECEIVED, List.of());
    /** Thrown by the next allocation or screening request, then cleared. */
    volatile DutyException nextFailure;
    volatile AllocationCard answer;
    /** Answered by a screening request. */
    volatile ReferralCard card;

    @Override
    public UserToken signIn(String username, String password) {
        throw new DutyException(DutyException.Kind.REFUSED, "not in this test");
    }

    @Override
    public UserToken signInWithProvider(String accessToken) {
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
        failIfTold();
        return answer;
    }

    @Override
    public List<CandidateCard> candidates(ActingUser user) {
        return candidates;
    }

    @Override
    public ReferralCard rate(ActingUser user, RateRequest request) {
        return screen(user, request);
    }

    @Override
    public ReferralCard moveStage(ActingUser user, StageRequest request) {
        return screen(user, request);
    }

    @Override
    public ReferralCard decide(ActingUser user, DecisionRequest request) {
        return screen(user, request);
    }

    @Override
    public ReferralCard signOff(ActingUser user, SignOffRequest request) {
        return screen(user, "sign-off " + request);
    }

    @Override
    public ReferralCard returnDecision(ActingUser user, SignOffRequest request) {
        return screen(user, "return " + request);
    }

    /** Answered by the sign-off queue. */
    volatile List<AwaitingSignOff> awaiting = List.of();
    /** Calls made on a thread that must not wait: the real connection's block() refuses them there. */
    final AtomicInteger onNonBlockingThreads = new AtomicInteger();
    final AtomicInteger awaitingReads = new AtomicInteger();

    @Override
    public List<AwaitingSignOff> awaitingSignOff(ActingUser user) {
        if (Schedulers.isInNonBlockingThread()) {
            onNonBlockingThreads.incrementAndGet();
        }
        awaitingReads.incrementAndGet();
        return awaiting;
    }

    @Override
    public String frontDoorReport(ActingUser user, org.mashlive.capacity.api.ReportRequest request) {
        throw new DutyException(DutyException.Kind.REFUSED, "not in this test");
    }

    @Override
    public List<String> thresholds(ActingUser user) {
        return List.of("Universal", "Early help", "Child in need", "Child protection");
    }

    @Override
    public ReferralCard setFlags(ActingUser user, org.mashlive.referral.api.FlagsRequest request) {
        return screen(user, request);
    }

    @Override
    public ReferralCard policeCheckDone(ActingUser user, PoliceCheckRequest request) {
        return screen(user, request);
    }

    /** The duty view never takes contacts in; the intake view has its own tests. */
    @Override
    public org.mashlive.referral.api.IntakeAnswer takeIn(ActingUser user, org.mashlive.referral.api.IntakeRequest request) {
        throw new UnsupportedOperationException("the duty view takes no contacts in");
    }

    private ReferralCard screen(ActingUser user, Object request) {
        screening.add(user.username() + " " + request);
        failIfTold();
        return card;
    }

    private void failIfTold() {
        var failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }
}
