package org.mashlive.referral;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.CustomRSocketException;
import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Stage;
import java.util.List;

import org.mashlive.referral.api.AwaitingSignOff;
import org.mashlive.referral.api.DecisionRequest;
import org.mashlive.referral.api.FeedbackWay;
import org.mashlive.referral.api.NextStep;
import org.mashlive.referral.api.SignOffRequest;
import org.mashlive.referral.api.PoliceCheckRequest;
import org.mashlive.referral.api.RateRequest;
import org.mashlive.referral.api.ReferralRoutes;
import org.mashlive.referral.api.StageRequest;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The duty view's screening routes: rate, move a stage, decide, record police checks as done, each
 * as the signed-in caller (who may call them is the security module's rule) and each audited by
 * {@link ScreeningActions}. The rules are the REST API's; a referral that no longer allows the action
 * answers {@link ReferralRoutes#CLOSED} (the API's 409), anything else wrong an error naming the field.
 * Values arrive as text and are read here, so a wrong one is named with what it must be rather than
 * with a decoder's message.
 */
@Controller
class ScreeningRSocketController {

    static final int MAX_REASON = 1000;
    static final int MAX_SUMMARY = 4000;

    private final ScreeningActions actions;
    private final Decisions decisions;
    private final Acting acting;

    ScreeningRSocketController(ScreeningActions actions, Decisions decisions, Acting acting) {
        this.actions = actions;
        this.decisions = decisions;
        this.acting = acting;
    }

    @MessageMapping(ReferralRoutes.RATE)
    Mono<ReferralCard> rate(RateRequest request) {
        return Mono.defer(() -> {
            String reference = reference(request == null ? null : request.reference());
            Rag rag = value("rag", request.rag(), Rag.class);
            String reason = request.reason();
            if (reason == null || reason.isBlank()) {
                throw new InvalidReferralException("reason", "must say why the RAG is set or changed");
            }
            tooLong("reason", reason, MAX_REASON);
            return caller().flatMap(actor -> actions.rate(reference, rag, reason, actor));
        }).map(Referral::card);
    }

    @MessageMapping(ReferralRoutes.STAGE)
    Mono<ReferralCard> move(StageRequest request) {
        return Mono.defer(() -> {
            String reference = reference(request == null ? null : request.reference());
            Stage stage = value("stage", request.stage(), Stage.class);
            return caller().flatMap(actor -> actions.move(reference, stage, actor));
        }).map(Referral::card);
    }

    @MessageMapping(ReferralRoutes.DECIDE)
    Mono<ReferralCard> decide(DecisionRequest request) {
        return Mono.defer(() -> {
            String reference = reference(request == null ? null : request.reference());
            Outcome outcome = value("outcome", request.outcome(), Outcome.class);
            if (request.rationale() == null || request.rationale().isBlank()) {
                throw new InvalidReferralException("rationale", "must say why this decision was made");
            }
            tooLong("rationale", request.rationale(), Decisions.MAX_RATIONALE);
            NextStep next = value("nextStep", request.nextStep(), NextStep.class);
            FeedbackWay how = request.referrerToldHow() == null || request.referrerToldHow().isBlank() ? null
                    : value("referrerToldHow", request.referrerToldHow(), FeedbackWay.class);
            var decision = new Decisions.Decision(outcome, request.rationale(), request.threshold(), next,
                    request.receivingTeam(), request.referrerToldAt(), how);
            return caller().flatMap(actor -> decisions.decide(reference, decision, actor));
        }).map(Referral::card);
    }

    @MessageMapping(ReferralRoutes.SIGN_OFF)
    Mono<ReferralCard> signOff(SignOffRequest request) {
        return Mono.defer(() -> {
            String reference = reference(request == null ? null : request.reference());
            return caller().flatMap(actor -> decisions.signOff(reference, actor));
        }).map(Referral::card);
    }

    @MessageMapping(ReferralRoutes.RETURN)
    Mono<ReferralCard> returnDecision(SignOffRequest request) {
        return Mono.defer(() -> {
            String reference = reference(request == null ? null : request.reference());
            return caller().flatMap(actor -> decisions.returnDecision(reference, request.reason(), actor));
        }).map(Referral::card);
    }

    @MessageMapping(ReferralRoutes.AWAITING_SIGN_OFF)
    Mono<List<AwaitingSignOff>> awaitingSignOff() {
        return decisions.awaitingSignOff().collectList();
    }

    @MessageMapping(ReferralRoutes.THRESHOLDS)
    Mono<List<String>> thresholds() {
        return Mono.just(decisions.thresholds());
    }

    @MessageExceptionHandler(SignOffRefusedException.class)
    Mono<ReferralCard> refusedByOversight(SignOffRefusedException e) {
        return Mono.error(new CustomRSocketException(ReferralRoutes.REFUSED, e.getMessage()));
    }

    @MessageMapping(ReferralRoutes.POLICE_CHECK)
    Mono<ReferralCard> policeCheckDone(PoliceCheckRequest request) {
        return Mono.defer(() -> {
            String reference = reference(request == null ? null : request.reference());
            String summary = request.summary();
            if (summary == null || summary.isBlank()) {
                throw new InvalidReferralException("summary", "must summarise what the checks found");
            }
            tooLong("summary", summary, MAX_SUMMARY);
            return caller().flatMap(actor -> actions.completePoliceCheck(reference, summary, actor));
        }).map(Referral::card);
    }

    @MessageExceptionHandler({ReferralClosedException.class, PoliceCheckDoneException.class})
    Mono<ReferralCard> closed(RuntimeException e) {
        return Mono.error(new CustomRSocketException(ReferralRoutes.CLOSED, e.getMessage()));
    }

    @MessageExceptionHandler({ReferralNotFoundException.class, InvalidReferralException.class})
    Mono<ReferralCard> refused(RuntimeException e) {
        return Mono.error(new ApplicationErrorException(e.getMessage()));
    }

    private Mono<Actor> caller() {
        return acting.caller();
    }

    private static String reference(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidReferralException("reference", "must name the referral");
        }
        return reference.strip();
    }

    private static void tooLong(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidReferralException(field, "must be at most " + max + " characters");
        }
    }

    /** The constant {@code text} names, or a refusal that lists the ones there are. */
    static <E extends Enum<E>> E value(String field, String text, Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            throw new InvalidReferralException(field, "must be one of " + names);
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidReferralException(field, "must be one of " + names + "; it was '" + text + "'");
        }
    }
}
