package org.mashlive.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.audit.AuditAction;
import org.mashlive.audit.AuditEntry;
import org.mashlive.audit.AuditTrail;
import org.mashlive.board.api.BoardEventType;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Stage;
import org.mashlive.board.api.WorkType;
import org.mashlive.platform.Text;
import org.mashlive.referral.api.AwaitingSignOff;
import org.mashlive.referral.api.FeedbackWay;
import org.mashlive.referral.api.NextStep;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decisions as a front door makes them, with management oversight. A decision records its outcome,
 * rationale, threshold, next step and whether the referrer was told. One whose outcome needs sign-off
 * ({@link DecisionProperties#signOff()}) leaves the referral open, awaiting sign-off, until a different
 * duty lead or administrator authorises it, which closes the referral, or returns it with a reason,
 * which reopens it for another decision. Every step commits with its audit entry naming the person, or
 * not at all; a refused sign-off changes nothing and is audited apart.
 *
 * <p>Each step locks the referral's row first, so two leads signing off at once are taken one after
 * the other: the first closes it, the second is told it is already decided.
 */
@Service
public class Decisions {

    static final int MAX_RATIONALE = 4000;
    static final int MAX_REASON = 1000;
    static final int MAX_TEAM = 120;

    static final String AWAITING = "AWAITING_SIGN_OFF";
    static final String SIGNED_OFF = "SIGNED_OFF";
    static final String RETURNED = "RETURNED";
    static final String NOT_NEEDED = "NOT_NEEDED";

    /**
     * A decision as asked for, its values read.
     *
     * @param referrerToldAt  when the referrer was told, or null
     * @param referrerToldHow how, or null; given with {@code referrerToldAt}
     */
    public record Decision(Outcome outcome, String rationale, String threshold, NextStep nextStep,
                           String receivingTeam, Instant referrerToldAt, FeedbackWay referrerToldHow) {
    }

    /**
     * A decision on a referral as its detail shows it to duty leads.
     *
     * @param status AWAITING_SIGN_OFF, SIGNED_OFF, RETURNED, NOT_NEEDED or NOT_RECORDED (made before
     *               rationales were recorded)
     */
    public record Recorded(Outcome outcome, String rationale, String threshold, NextStep nextStep,
                           String receivingTeam, Instant referrerToldAt, FeedbackWay referrerToldHow,
                           Instant decidedAt, Actor decidedBy, String status, Instant settledAt, Actor settledBy,
                           String returnReason) {
    }

    private final ReferralService referrals;
    private final ReferralRepository rows;
    private final DecisionRepository decisions;
    private final AuditTrail audit;
    private final Acting acting;
    private final TransactionalOperator transaction;
    private final DecisionProperties settings;
    private final Clock clock;

    Decisions(ReferralService referrals, ReferralRepository rows, DecisionRepository decisions, AuditTrail audit,
              Acting acting, TransactionalOperator transaction, DecisionProperties settings, Clock clock) {
        this.referrals = referrals;
        this.rows = rows;
        this.decisions = decisions;
        this.audit = audit;
        this.acting = acting;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** The threshold levels a decision may apply, as configured. */
    public List<String> thresholds() {
        return settings.thresholds();
    }

    /** The outcomes that need a second person's sign-off. */
    public Set<Outcome> outcomesNeedingSignOff() {
        return settings.signOff();
    }

    /**
     * Records {@code decision} on the open referral {@code ref} as made by {@code actor}: it closes
     * the referral, or, when its outcome needs sign-off, leaves it awaiting sign-off.
     *
     * @throws InvalidReferralException (as an error signal) naming the field that breaks a rule
     * @throws ReferralClosedException (as an error signal) when it is already decided
     * @throws SignOffRefusedException (as an error signal) when a decision already waits for sign-off
     */
    public Mono<Referral> decide(String ref, Decision decision, Actor actor) {
        return decide(ref, decision, actor, null);
    }

    /**
     * As {@link #decide(String, Decision, Actor)}, recorded as made at {@code at}: for the demo's
     * back-fill of days gone by. Null means now.
     */
    public Mono<Referral> decide(String ref, Decision decision, Actor actor, Instant at) {
        return locked(ref).flatMap(row -> {
            if (!row.stage().open()) {
                return Mono.error(new ReferralClosedException(row.reference(), row.stage(), "deciding it again"));
            }
            Decision checked = checked(decision, row.receivedAt());
            return decisions.waiting(row.id())
                    .flatMap(waiting -> Mono.<Referral>error(new SignOffRefusedException(
                            SignOffRefusedException.Rule.ALREADY_WAITING, row.id(), row.reference(),
                            row.reference() + " has a decision awaiting sign-off; it is signed off or returned before "
                                    + "another decision is made")))
                    .switchIfEmpty(Mono.defer(() -> record(row, checked, actor, at == null ? clock.instant() : at)));
        }).as(work -> acting.as(actor, work));
    }

    private Mono<Referral> record(ReferralRepository.Row row, Decision decision, Actor actor, Instant now) {
        boolean needsSignOff = settings.needsSignOff(decision.outcome());
        var recorded = decisions.insert(new DecisionRepository.New(row.id(), decision.outcome(), decision.rationale(),
                decision.threshold(), decision.nextStep(), decision.receivingTeam(), decision.referrerToldAt(),
                decision.referrerToldHow(), now, actor.username(), needsSignOff ? AWAITING : NOT_NEEDED));
        String said = "decided: " + decision.outcome().label() + " · " + decision.threshold() + " · next: "
                + decision.nextStep().label();
        if (!needsSignOff) {
            return recorded.then(referrals.decide(row.id(), decision.outcome(), now))
                    .flatMap(after -> audit.record(entry(now, after, actor, AuditAction.DECIDED, null,
                            said + " · no sign-off needed")).thenReturn(after));
        }
        Mono<Void> awaitingDecision = row.stage() == Stage.AWAITING_DECISION ? Mono.empty()
                : rows.updateStage(row.id(), Stage.AWAITING_DECISION, now)
                .then(rows.recordStage(row.id(), now, row.stage(), Stage.AWAITING_DECISION));
        return recorded.then(awaitingDecision)
                .then(referrals.announce(row.id(), BoardEventType.DECISION_AWAITING_SIGN_OFF))
                .flatMap(after -> audit.record(entry(now, after, actor, AuditAction.DECIDED, null,
                        said + " · awaiting sign-off")).thenReturn(after));
    }

    /**
     * Authorises the decision awaiting sign-off on {@code ref} as {@code actor}, which closes the
     * referral with its outcome.
     *
     * @throws SignOffRefusedException (as an error signal) when it is the actor's own decision, or none waits
     * @throws ReferralClosedException (as an error signal) when it is already decided (another lead signed it off first)
     */
    public Mono<Referral> signOff(String ref, Actor actor) {
        return signOff(ref, actor, null);
    }

    /** As {@link #signOff(String, Actor)}, recorded as done at {@code at} (null: now), for the demo's back-fill. */
    public Mono<Referral> signOff(String ref, Actor actor, Instant at) {
        return settle(ref, actor, at, "signing off a decision on it", (row, waiting, now) ->
                decisions.settle(waiting.id(), SIGNED_OFF, now, actor.username(), null)
                        .then(referrals.decide(row.id(), waiting.outcome(), now))
                        .flatMap(after -> audit.record(entry(now, after, actor, AuditAction.SIGNED_OFF, null,
                                "signed off: " + waiting.outcome().label() + " · decided by "
                                        + waiting.decidedBy())).thenReturn(after)));
    }

    /**
     * Returns the decision awaiting sign-off on {@code ref} with {@code reason}, as {@code actor}: the
     * referral stays open, awaiting another decision.
     */
    public Mono<Referral> returnDecision(String ref, String reason, Actor actor) {
        return returnDecision(ref, reason, actor, null);
    }

    /** As {@link #returnDecision(String, String, Actor)}, recorded as done at {@code at} (null: now), for the demo's back-fill. */
    public Mono<Referral> returnDecision(String ref, String reason, Actor actor, Instant at) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(new InvalidReferralException("reason", "must say why the decision is returned"));
        }
        if (reason.length() > MAX_REASON) {
            return Mono.error(new InvalidReferralException("reason", "must be at most " + MAX_REASON + " characters"));
        }
        String why = reason.strip();
        return Mono.fromRunnable(() -> Text.lines("reason", reason)).then(settle(ref, actor, at,
                "returning a decision on it", (row, waiting, now) ->
                        decisions.settle(waiting.id(), RETURNED, now, actor.username(), why)
                                .then(referrals.announce(row.id(), BoardEventType.DECISION_RETURNED))
                                .flatMap(after -> audit.record(entry(now, after, actor, AuditAction.DECISION_RETURNED, why,
                                        "returned: " + waiting.outcome().label() + " · decided by "
                                                + waiting.decidedBy())).thenReturn(after))));
    }

    private interface Settlement {
        Mono<Referral> apply(ReferralRepository.Row row, DecisionRepository.Row waiting, Instant now);
    }

    private Mono<Referral> settle(String ref, Actor actor, Instant at, String action, Settlement settlement) {
        Mono<Referral> work = locked(ref).flatMap(row -> {
            if (!row.stage().open()) {
                return Mono.error(new ReferralClosedException(row.reference(), row.stage(), action));
            }
            return decisions.waiting(row.id())
                    .switchIfEmpty(Mono.error(() -> new SignOffRefusedException(
                            SignOffRefusedException.Rule.NOTHING_WAITING, row.id(), row.reference(),
                            "No decision on " + row.reference() + " is awaiting sign-off")))
                    .flatMap(waiting -> waiting.decidedBy().equals(actor.username())
                            ? Mono.error(new SignOffRefusedException(SignOffRefusedException.Rule.NOT_YOUR_OWN,
                            row.id(), row.reference(), "You made the decision on " + row.reference()
                            + "; a different duty lead or administrator signs it off or returns it"))
                            : settlement.apply(row, waiting, at == null ? clock.instant() : at));
        });
        return acting.as(actor, work)
                // the refusal changed nothing; the attempt is kept in a transaction of its own
                .onErrorResume(SignOffRefusedException.class, refused ->
                        refused.rule() != SignOffRefusedException.Rule.NOT_YOUR_OWN ? Mono.error(refused)
                                : transaction.transactional(audit.record(new AuditEntry(clock.instant(),
                                        actor.username(), AuditAction.SIGN_OFF_REFUSED, WorkType.REFERRAL.name(),
                                        refused.referralId(), refused.reference(), null, null,
                                        refused.rule().title(), action)))
                                .then(Mono.error(refused)));
    }

    /** The decisions awaiting sign-off, the longest waiting first, each with who made it. */
    public Flux<AwaitingSignOff> awaitingSignOff() {
        return decisions.allWaiting().collectList().flatMapMany(waiting -> audit.people(
                        waiting.stream().map(DecisionRepository.Row::decidedBy).collect(Collectors.toSet()))
                .flatMapMany(people -> Flux.fromIterable(waiting).concatMap(d -> referrals.find(d.referralId())
                        .map(referral -> new AwaitingSignOff(referral.id(), referral.reference(), referral.rag(),
                                d.outcome(), d.threshold(), d.nextStep(), d.receivingTeam(), d.rationale(),
                                d.decidedBy(), people.get(d.decidedBy()).label(), d.decidedAt(),
                                referral.decisionDueAt())))));
    }

    /** Every decision on a referral, oldest first, returned ones too, with who made and settled them. */
    public Flux<Recorded> ofReferral(long referralId) {
        return decisions.ofReferral(referralId).collectList().flatMapMany(all -> {
            var names = all.stream().flatMap(d -> java.util.stream.Stream.of(d.decidedBy(), d.settledBy()))
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            return audit.people(names).flatMapMany(people -> Flux.fromIterable(all).map(d -> new Recorded(
                    d.outcome(), d.rationale(), d.threshold(), d.nextStep(), d.receivingTeam(), d.referrerToldAt(),
                    d.referrerToldHow(), d.decidedAt(), people.get(d.decidedBy()), d.status(), d.settledAt(),
                    d.settledBy() == null ? null : people.get(d.settledBy()), d.returnReason())));
        });
    }

    private Mono<ReferralRepository.Row> locked(String ref) {
        if (ref == null || ref.isBlank()) {
            return Mono.error(new InvalidReferralException("reference", "must name the referral"));
        }
        return referrals.find(ref.strip()).flatMap(found -> rows.findById(found.id(), true))
                .switchIfEmpty(Mono.error(() -> new ReferralNotFoundException(ref)));
    }

    /** The decision with its text stripped and its threshold as configured; refused naming the field. */
    private Decision checked(Decision d, Instant receivedAt) {
        if (d.outcome() == null) {
            throw new InvalidReferralException("outcome", "is required: one of " + names(Outcome.values()));
        }
        if (d.rationale() == null || d.rationale().isBlank()) {
            throw new InvalidReferralException("rationale", "must say why this decision was made");
        }
        Text.lines("rationale", d.rationale());
        if (d.rationale().length() > MAX_RATIONALE) {
            throw new InvalidReferralException("rationale", "must be at most " + MAX_RATIONALE + " characters");
        }
        if (d.threshold() == null || d.threshold().isBlank()) {
            throw new InvalidReferralException("threshold", "is required: one of " + String.join(", ", thresholds()));
        }
        String threshold = thresholds().stream().filter(t -> t.equalsIgnoreCase(d.threshold().strip())).findFirst()
                .orElseThrow(() -> new InvalidReferralException("threshold",
                        "must be one of " + String.join(", ", thresholds())));
        if (d.nextStep() == null) {
            throw new InvalidReferralException("nextStep", "is required: one of " + names(NextStep.values()));
        }
        String team = d.receivingTeam() == null || d.receivingTeam().isBlank() ? null : d.receivingTeam().strip();
        if (team != null) {
            Text.line("receivingTeam", team);
            if (team.length() > MAX_TEAM) {
                throw new InvalidReferralException("receivingTeam", "must be at most " + MAX_TEAM + " characters");
            }
        }
        if ((d.referrerToldAt() == null) != (d.referrerToldHow() == null)) {
            throw new InvalidReferralException(d.referrerToldAt() == null ? "referrerToldAt" : "referrerToldHow",
                    "is needed with " + (d.referrerToldAt() == null ? "referrerToldHow" : "referrerToldAt")
                            + ": say when and how the referrer was told, or neither");
        }
        if (d.referrerToldAt() != null && d.referrerToldAt().isAfter(clock.instant())) {
            throw new InvalidReferralException("referrerToldAt", "must not be in the future");
        }
        if (d.referrerToldAt() != null && d.referrerToldAt().isBefore(receivedAt)) {
            throw new InvalidReferralException("referrerToldAt", "must not be before the contact was received");
        }
        return new Decision(d.outcome(), d.rationale().strip(), threshold, d.nextStep(), team, d.referrerToldAt(),
                d.referrerToldHow());
    }

    private static String names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private AuditEntry entry(Instant at, Referral after, Actor actor, AuditAction action, String reason, String detail) {
        return new AuditEntry(at, actor.username(), action, WorkType.REFERRAL.name(), after.id(),
                after.reference(), null, null, reason, detail);
    }
}
