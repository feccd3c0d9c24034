package org.mashlive.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import org.mashlive.audit.Acting;
import org.mashlive.audit.Actor;
import org.mashlive.board.api.Outcome;
import org.mashlive.referral.Decisions;
import org.mashlive.referral.Referral;
import org.mashlive.referral.ReferralService;
import org.mashlive.referral.api.NextStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * The simulated hub's decisions as leads make them: one simulated lead decides with a rationale, a
 * threshold and a next step; a decision that needs sign-off waits a while (a few simulated minutes to
 * an hour or so, at the simulation's speed), then another simulated lead signs it off, or, about one
 * in ten, returns it, after which the first decides again. So the demo board has decisions awaiting
 * sign-off, and some decisions come late. On the embedded demo, one decision in three is the demo duty
 * lead's, whose QA feedback the demo then shows.
 */
@Component
class SimulatedOversight implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatedOversight.class);
    static final Actor DECIDER = new Actor("sim.lead", "Simulated duty lead A (demo)", "DUTY_LEAD");
    static final Actor SIGNER = new Actor("sim.lead2", "Simulated duty lead B (demo)", "DUTY_LEAD");
    /** The demo's duty lead, who signs in to read their feedback. */
    static final String DEMO_LEAD = "duty.lead";
    private static final double RETURNED = 0.1;
    private static final String RETURN_REASON = "Check with the school and the GP before deciding";
    /** How long after a return the first lead decides again, in simulated time. */
    private static final Duration DECIDED_AGAIN_AFTER = Duration.ofMinutes(40);

    private final Decisions decisions;
    private final ReferralService referrals;
    private final SimulationProperties settings;
    private final SplittableRandom random = new SplittableRandom();
    private final Disposable.Composite pending = Disposables.composite();
    /** The demo's own duty lead, when the demo accounts are there; null otherwise. */
    private final Actor demoLead;

    SimulatedOversight(Decisions decisions, ReferralService referrals, SimulationProperties settings, Acting acting) {
        this.decisions = decisions;
        this.referrals = referrals;
        this.settings = settings;
        var lead = acting.named(DEMO_LEAD, "DUTY_LEAD");
        // a configured name means the account is known here: the embedded demo's, not a real hub's
        this.demoLead = lead.displayName().equals(DEMO_LEAD) ? null : lead;
    }

    /**
     * Who decides the referral {@code reference}: one in three, by its number, the demo's duty lead, so
     * the demo's "My feedback" has the grades of decisions the signed-in lead made; the others the
     * simulated lead. Fixed by the reference, so a seeded run gives the same deciders.
     */
    Actor decider(String reference) {
        if (demoLead == null) {
            return DECIDER;
        }
        String digits = reference.replaceAll("\\D", "");
        long number = digits.isEmpty() ? 0 : Long.parseLong(digits.substring(Math.max(0, digits.length() - 6)));
        return number % 3 == 0 ? demoLead : DECIDER;
    }

    /** Decides referral {@code id} as the simulated lead; a decision needing sign-off is settled later. */
    Mono<Referral> decide(long id, Outcome outcome) {
        return referrals.find(id).flatMap(referral -> decisions.decide(referral.reference(), decision(outcome),
                        decider(referral.reference()))
                .doOnNext(after -> {
                    if (after.awaitingSignOffSince() != null) {
                        later(after.reference(), outcome);
                    }
                }));
    }

    /**
     * Decides referral {@code id} as the simulated lead did at {@code at}, a moment before
     * {@code now}: for the back-fill of days gone by. A decision needing sign-off is signed off (or
     * returned and decided again) at its own time when that has passed, and later, live, when not.
     */
    Mono<Referral> decide(long id, Outcome outcome, Instant at, Instant now) {
        return referrals.find(id).flatMap(referral -> decidePast(referral.reference(), outcome, at, now));
    }

    private Mono<Referral> decidePast(String reference, Outcome outcome, Instant at, Instant now) {
        return decisions.decide(reference, decision(outcome), decider(reference), at).flatMap(after -> {
            if (after.awaitingSignOffSince() == null) {
                return Mono.just(after);
            }
            var wait = signOffWait();
            boolean returnIt = returned();
            Instant settled = at.plus(wait);
            if (settled.isAfter(now)) {
                later(reference, outcome, Duration.between(now, settled), returnIt);
                return Mono.just(after);
            }
            if (!returnIt) {
                return decisions.signOff(reference, SIGNER, settled);
            }
            Instant again = settled.plus(DECIDED_AGAIN_AFTER);
            return decisions.returnDecision(reference, RETURN_REASON, SIGNER, settled)
                    .then(Mono.defer(() -> decidePast(reference, outcome, again.isAfter(now) ? now : again, now)));
        });
    }

    /** 5 to 90 simulated minutes between a decision and its sign-off. */
    private Duration signOffWait() {
        return Duration.ofSeconds(300 + random.nextLong(5400));
    }

    private boolean returned() {
        return random.nextDouble() < RETURNED;
    }

    private void later(String reference, Outcome outcome) {
        later(reference, outcome, signOffWait(), returned());
    }

    private void later(String reference, Outcome outcome, Duration simulatedWait, boolean returnIt) {
        var wait = Duration.ofMillis((long) (simulatedWait.toMillis() / speed()));
        Mono<?> step = returnIt
                ? decisions.returnDecision(reference, RETURN_REASON, SIGNER)
                .then(Mono.defer(() -> decisions.decide(reference, decision(outcome), decider(reference))))
                .doOnNext(again -> later(reference, outcome))
                : decisions.signOff(reference, SIGNER);
        pending.add(Mono.delay(wait).then(step)
                .subscribe(done -> { }, e -> log.debug("Simulated sign-off of {} skipped: {}", reference, e.toString())));
    }

    private double speed() {
        return settings.speed();
    }

    Decisions.Decision decision(Outcome outcome) {
        var next = switch (outcome) {
            case NO_FURTHER_ACTION, ADVICE_SIGNPOSTING -> NextStep.NO_FURTHER_ACTION;
            case EARLY_HELP -> NextStep.EARLY_HELP;
            case ASSESSMENT_S17, STRATEGY_S47 -> NextStep.ASSESSMENT;
            case POLICE_ONLY -> NextStep.POLICE_ONLY;
        };
        // the hub's levels, lowest first: the default ones are universal, early help, child in need, child protection
        int level = switch (outcome) {
            case NO_FURTHER_ACTION, ADVICE_SIGNPOSTING, POLICE_ONLY -> 0;
            case EARLY_HELP -> 1;
            case ASSESSMENT_S17 -> 2;
            case STRATEGY_S47 -> 3;
        };
        var levels = decisions.thresholds();
        String threshold = levels.get(Math.min(level, levels.size() - 1));
        return new Decisions.Decision(outcome, "Simulated decision: " + outcome.label().toLowerCase() + " on what the "
                + "checks and the referrer said.", threshold, next, null, null, null);
    }

    @Override
    public void destroy() {
        pending.dispose();
    }
}
