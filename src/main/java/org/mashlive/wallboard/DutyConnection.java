package org.mashlive.wallboard;

import org.mashlive.kiosk.api.CreatedKiosk;
import org.mashlive.kiosk.api.KioskCard;
import org.mashlive.kiosk.api.KioskRoutes;
import org.mashlive.kiosk.api.NewKiosk;
import org.mashlive.kiosk.api.RevokeKiosk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.rsocket.RSocketErrorException;
import io.rsocket.exceptions.CustomRSocketException;
import org.mashlive.allocation.api.AllocateRequest;
import org.mashlive.allocation.api.AllocationRoutes;
import org.mashlive.allocation.api.CandidateCard;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.AllocationCard;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.UserToken;
import org.mashlive.referral.api.AwaitingSignOff;
import org.mashlive.referral.api.DecisionRequest;
import org.mashlive.referral.api.SignOffRequest;
import org.mashlive.referral.api.DetailRequest;
import org.mashlive.referral.api.IntakeAnswer;
import org.mashlive.referral.api.IntakeRequest;
import org.mashlive.referral.api.PoliceCheckRequest;
import org.mashlive.referral.api.RateRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.referral.api.ReferralRoutes;
import org.mashlive.referral.api.StageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The duty view's requests to the backend over RSocket ({@link BackendClient}), signed in as the
 * person: their user token as bearer credentials, refreshed once half its life has gone. The
 * wall-board's own board token is never used here, so the backend's audit names the person.
 *
 * <p>Waiting for the answer is deliberate: the wall-board is a servlet application, the caller is
 * the request thread of a person's click, and the wait is bounded by {@link #TIMEOUT}.
 */
@Component
final class DutyConnection implements DutyBackend, KioskAdmin {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DutyConnection.class);

    private final BackendClient client;
    private final Clock clock;

    DutyConnection(RSocketStrategies strategies, BackendProperties backend, Clock clock) {
        this.client = new BackendClient(strategies, backend);
        this.clock = clock;
    }

    @Override
    public UserToken signIn(String username, String password) {
        return call(BackendCredentials.simple(username, password), Access.TOKEN_ROUTE,
                spec -> spec.retrieveMono(UserToken.class));
    }

    @Override
    public UserToken signInWithProvider(String accessToken) {
        return call(BackendCredentials.bearer(accessToken), Access.TOKEN_ROUTE,
                spec -> spec.retrieveMono(UserToken.class));
    }

    @Override
    public ReferralDetail detail(ActingUser user, String reference) {
        return call(bearer(user), ReferralRoutes.DETAIL,
                spec -> spec.data(new DetailRequest(reference)).retrieveMono(ReferralDetail.class));
    }

    @Override
    public AllocationCard allocate(ActingUser user, AllocateRequest request) {
        return call(bearer(user), AllocationRoutes.ALLOCATE,
                spec -> spec.data(request).retrieveMono(AllocationCard.class));
    }

    @Override
    public List<CandidateCard> candidates(ActingUser user) {
        return call(bearer(user), AllocationRoutes.CANDIDATES,
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<CandidateCard>>() { }));
    }

    @Override
    public ReferralCard rate(ActingUser user, RateRequest request) {
        return call(bearer(user), ReferralRoutes.RATE, spec -> spec.data(request).retrieveMono(ReferralCard.class));
    }

    @Override
    public ReferralCard moveStage(ActingUser user, StageRequest request) {
        return call(bearer(user), ReferralRoutes.STAGE, spec -> spec.data(request).retrieveMono(ReferralCard.class));
    }

    @Override
    public ReferralCard decide(ActingUser user, DecisionRequest request) {
        return call(bearer(user), ReferralRoutes.DECIDE, spec -> spec.data(request).retrieveMono(ReferralCard.class));
    }

    @Override
    public ReferralCard signOff(ActingUser user, SignOffRequest request) {
        return call(bearer(user), ReferralRoutes.SIGN_OFF, spec -> spec.data(request).retrieveMono(ReferralCard.class));
    }

    @Override
    public ReferralCard returnDecision(ActingUser user, SignOffRequest request) {
        return call(bearer(user), ReferralRoutes.RETURN, spec -> spec.data(request).retrieveMono(ReferralCard.class));
    }

    @Override
    public List<AwaitingSignOff> awaitingSignOff(ActingUser user) {
        return call(bearer(user), ReferralRoutes.AWAITING_SIGN_OFF,
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<AwaitingSignOff>>() { }));
    }

    @Override
    public String frontDoorReport(ActingUser user, org.mashlive.capacity.api.ReportRequest request) {
        return call(bearer(user), org.mashlive.capacity.api.CapacityRoutes.FRONT_DOOR_REPORT,
                spec -> spec.data(request).retrieveMono(String.class));
    }

    @Override
    public List<String> thresholds(ActingUser user) {
        return call(bearer(user), ReferralRoutes.THRESHOLDS,
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<String>>() { }));
    }

    @Override
    public ReferralCard setFlags(ActingUser user, org.mashlive.referral.api.FlagsRequest request) {
        return call(bearer(user), ReferralRoutes.FLAGS, spec -> spec.data(request).retrieveMono(ReferralCard.class));
    }

    @Override
    public ReferralCard policeCheckDone(ActingUser user, PoliceCheckRequest request) {
        return call(bearer(user), ReferralRoutes.POLICE_CHECK,
                spec -> spec.data(request).retrieveMono(ReferralCard.class));
    }

    @Override
    public IntakeAnswer takeIn(ActingUser user, IntakeRequest request) {
        return call(bearer(user), ReferralRoutes.INTAKE, spec -> spec.data(request).retrieveMono(IntakeAnswer.class));
    }

    @Override
    public List<org.mashlive.partner.api.PartnerRequestDetail> partnerRequests(ActingUser user, String reference) {
        return call(bearer(user), org.mashlive.partner.api.PartnerRoutes.OF_REFERRAL,
                spec -> spec.data(new org.mashlive.partner.api.ReferralRequests(reference)).retrieveMono(
                        new ParameterizedTypeReference<List<org.mashlive.partner.api.PartnerRequestDetail>>() { }));
    }

    @Override
    public org.mashlive.partner.api.PartnerRequestDetail requestFromPartner(ActingUser user,
            org.mashlive.partner.api.NewPartnerRequest request) {
        return call(bearer(user), org.mashlive.partner.api.PartnerRoutes.REQUEST,
                spec -> spec.data(request).retrieveMono(org.mashlive.partner.api.PartnerRequestDetail.class));
    }

    @Override
    public org.mashlive.partner.api.PartnerRequestDetail chasePartner(ActingUser user,
            org.mashlive.partner.api.ChaseRequest request) {
        return call(bearer(user), org.mashlive.partner.api.PartnerRoutes.CHASE,
                spec -> spec.data(request).retrieveMono(org.mashlive.partner.api.PartnerRequestDetail.class));
    }

    @Override
    public org.mashlive.partner.api.PartnerRequestDetail recordPartnerAnswer(ActingUser user,
            org.mashlive.partner.api.AnswerRequest request) {
        return call(bearer(user), org.mashlive.partner.api.PartnerRoutes.ANSWER,
                spec -> spec.data(request).retrieveMono(org.mashlive.partner.api.PartnerRequestDetail.class));
    }

    @Override
    public List<KioskCard> kiosks(ActingUser user) {
        return call(bearer(user), KioskRoutes.LIST,
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<KioskCard>>() { }));
    }

    @Override
    public CreatedKiosk createKiosk(ActingUser user, NewKiosk request) {
        return call(bearer(user), KioskRoutes.CREATE, spec -> spec.data(request).retrieveMono(CreatedKiosk.class));
    }

    @Override
    public KioskCard revokeKiosk(ActingUser user, long id) {
        return call(bearer(user), KioskRoutes.REVOKE,
                spec -> spec.data(new RevokeKiosk(id)).retrieveMono(KioskCard.class));
    }

    @Override
    public List<String> teams(ActingUser user) {
        return call(bearer(user), KioskRoutes.TEAMS,
                spec -> spec.retrieveMono(new ParameterizedTypeReference<List<String>>() { }));
    }

    /** The person's token as bearer credentials, after swapping it for a fresh one when it is due. */
    byte[] bearer(ActingUser user) {
        var now = clock.instant();
        if (user.dueForRefresh(now)) {
            try {
                UserToken fresh = call(BackendCredentials.bearer(user.token().token()), Access.TOKEN_ROUTE,
                        spec -> spec.retrieveMono(UserToken.class));
                user.refreshed(fresh, now);
                log.debug("User token of {} refreshed until {}", user.username(), fresh.expiresAt());
            } catch (DutyException e) {
                // the old token may still serve; if it has run out, the request itself says so
                log.info("User token of {} not refreshed: {}", user.username(), e.getMessage());
            }
        }
        return BackendCredentials.bearer(user.token().token());
    }

    <T> T call(byte[] credentials, String route, Function<RSocketRequester.RequestSpec, Mono<T>> request) {
        if (Schedulers.isInNonBlockingThread()) {
            // a programming error, not an unreachable backend: a push, which runs on a reactive
            // timer's thread, must read on a thread that may wait (see the sign-off queue)
            throw new IllegalStateException("The duty request " + route + " was made on a thread that must not wait");
        }
        try {
            return client.mono(route, credentials, request)
                    .timeout(TIMEOUT)
                    // Waits on the servlet thread of the sign-in or the click, or on a thread that
                    // may wait, never on a Netty or timer thread: Spring Security's servlet sign-in
                    // is synchronous by contract, and a duty lead's action answers in that same
                    // request. Bounded by TIMEOUT.
                    .block();
        } catch (CustomRSocketException e) {
            throw new DutyException(kind(e.errorCode()), e.getMessage());
        } catch (RSocketErrorException e) {
            throw new DutyException(DutyException.Kind.REFUSED, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("The backend did not answer a duty request: {}", e.toString());
            throw new DutyException(DutyException.Kind.UNREACHABLE,
                    "The backend did not answer; nothing was changed. Try again in a moment.");
        }
    }

    private static DutyException.Kind kind(int errorCode) {
        return switch (errorCode) {
            case AllocationRoutes.CONFLICT -> DutyException.Kind.CONFLICT;
            case AllocationRoutes.CONFIRMATION_REQUIRED -> DutyException.Kind.CONFIRMATION_REQUIRED;
            case ReferralRoutes.CLOSED -> DutyException.Kind.CLOSED;
            default -> DutyException.Kind.REFUSED;
        };
    }
}
