package org.mashlive.referral;

import java.time.Instant;
import java.util.Set;

import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

/**
 * A referral as the REST API answers it: the child appears by initials and pseudonymous key
 * only, and the concern text (which may name people) is left out. Identifying detail is for
 * signed-in duty leads, through an audited view.
 *
 * @param timeLeftSeconds what was left of the timescale when the answer was made, negative once
 *                        breached, null once decided
 * @param decisionDueAt   when the statutory decision is due, beside the RAG's {@code dueAt}
 * @param decisionOverdue whether the decision is late: open past it, or decided after it
 * @param awaitingSignOffSince when the decision now awaiting a lead's sign-off was made; null when none waits
 */
public record ReferralSummary(
        long id,
        String reference,
        String externalRef,
        Instant receivedAt,
        Channel channel,
        Source source,
        HealthType healthType,
        String merlinId,
        String initials,
        String childKey,
        Set<Flag> flags,
        Consent consent,
        Rag rag,
        Stage stage,
        Outcome outcome,
        Instant decidedAt,
        boolean reReferral,
        Instant dueAt,
        Long timeLeftSeconds,
        boolean breached,
        int version,
        PoliceCheck policeCheck,
        Instant decisionDueAt,
        boolean decisionOverdue,
        Instant awaitingSignOffSince) {

    static ReferralSummary of(Referral referral) {
        return new ReferralSummary(referral.id(), referral.reference(), referral.externalRef(), referral.receivedAt(),
                referral.channel(), referral.source(), referral.healthType(), referral.merlinId(),
                referral.child().initials(), referral.childKey(), referral.flags(), referral.consent(), referral.rag(),
                referral.stage(), referral.outcome(), referral.decidedAt(), referral.reReferral(), referral.dueAt(),
                referral.timeLeft() == null ? null : referral.timeLeft().toSeconds(), referral.breached(),
                referral.version(), referral.policeCheck(), referral.decisionDueAt(), referral.decisionOverdue(),
                referral.awaitingSignOffSince());
    }
}
