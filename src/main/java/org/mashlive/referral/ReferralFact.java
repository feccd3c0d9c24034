package org.mashlive.referral;

import java.time.Instant;

import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;

/**
 * A referral as figures count it: when and how it came in, and when it was decided against its
 * timescale. Nothing in it identifies a child or a referral.
 *
 * @param receivedAt when the contact came in (UTC)
 * @param channel    how it came in
 * @param source     who made it
 * @param reReferral whether the same child was referred in the 12 months before
 * @param rag        its current RAG, or null while not yet rated
 * @param dueAt      when its timescale runs (or ran) out, for that RAG
 * @param outcome    the decision, or null while open
 * @param decidedAt  when it was decided, or null while open
 */
public record ReferralFact(Instant receivedAt, Channel channel, Source source, boolean reReferral, Rag rag,
                           Instant dueAt, Outcome outcome, Instant decidedAt) {

    /** Whether it has been decided. */
    public boolean decided() {
        return decidedAt != null;
    }

    /**
     * Whether it was decided within its timescale: at or before its due time (a referral is
     * breached only after its due instant). False while open.
     */
    public boolean decidedWithinTimescale() {
        return decidedAt != null && !decidedAt.isAfter(dueAt);
    }
}
