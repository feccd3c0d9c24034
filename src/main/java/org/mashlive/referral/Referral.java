package org.mashlive.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.PoliceCheck;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.ReferralCard;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

/**
 * A referral as the API answers it. It carries the child's details, so it goes only to API
 * clients of the hub; the board gets {@link #card()}.
 *
 * @param timeLeft what is left of the timescale when the answer was made (negative once breached)
 * @param breached whether the timescale had run out while it was open
 * @param policeCheck where its police checks stand
 * @param decisionDueAt when the statutory decision is due, one working day from receipt by default
 * @param decisionOverdue whether the decision is late: open past {@code decisionDueAt}, or decided after it
 * @param awaitingSignOffSince when the decision now waiting for a lead's sign-off was made; null when none waits
 * @param contactId the contact it was named in, shared by the referrals of the children of one contact
 */
public record Referral(
        long id,
        String reference,
        String externalRef,
        Instant receivedAt,
        Channel channel,
        Source source,
        HealthType healthType,
        String merlinId,
        Child child,
        String childKey,
        String concern,
        Set<Flag> flags,
        Consent consent,
        String consentOverrideReason,
        Rag rag,
        Stage stage,
        Outcome outcome,
        Instant decidedAt,
        boolean reReferral,
        Instant dueAt,
        Duration timeLeft,
        boolean breached,
        int version,
        PoliceCheck policeCheck,
        Instant decisionDueAt,
        boolean decisionOverdue,
        Instant awaitingSignOffSince,
        Long contactId) {

    /** A referral whose contact is not known here. */
    public Referral(long id, String reference, String externalRef, Instant receivedAt, Channel channel, Source source,
                    HealthType healthType, String merlinId, Child child, String childKey, String concern,
                    Set<Flag> flags, Consent consent, String consentOverrideReason, Rag rag, Stage stage,
                    Outcome outcome, Instant decidedAt, boolean reReferral, Instant dueAt, Duration timeLeft,
                    boolean breached, int version, PoliceCheck policeCheck, Instant decisionDueAt,
                    boolean decisionOverdue, Instant awaitingSignOffSince) {
        this(id, reference, externalRef, receivedAt, channel, source, healthType, merlinId, child, childKey, concern,
                flags, consent, consentOverrideReason, rag, stage, outcome, decidedAt, reReferral, dueAt, timeLeft,
                breached, version, policeCheck, decisionDueAt, decisionOverdue, awaitingSignOffSince, null);
    }

    /** What the board may show of it. */
    public ReferralCard card() {
        return new ReferralCard(id, reference, receivedAt, channel, source, child.initials(), childKey, rag, stage,
                flags, reReferral, dueAt, outcome, decidedAt, policeCheck, decisionDueAt, awaitingSignOffSince,
                healthType == null ? null : healthType.name(), contactId);
    }
}
