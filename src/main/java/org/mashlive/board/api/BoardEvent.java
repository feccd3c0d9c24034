package org.mashlive.board.api;

import java.time.Instant;

/**
 * One committed change, as it stands in the outbox.
 *
 * @param seq      its position: gapless and in commit order, so a client can tell when it missed one
 * @param at       when it was written, just before its commit (UTC)
 * @param type     what happened
 * @param referral   the referral as it is after the change, for referral events
 * @param allocation who has the case now, for {@link BoardEventType#ALLOCATION_CHANGED}
 */
public record BoardEvent(long seq, Instant at, BoardEventType type, ReferralCard referral, AllocationCard allocation) {

    /** A referral event. */
    public BoardEvent(long seq, Instant at, BoardEventType type, ReferralCard referral) {
        this(seq, at, type, referral, null);
    }

    /** The ticker line, for example {@code MASH-2026-000123 received · Police · Amber}. */
    public String tickerText() {
        if (allocation != null) {
            return allocation.reference() + (allocation.workType() == WorkType.POLICE_CHECK ? " police checks" : "")
                    + " allocated to " + allocation.staffName();
        }
        var card = referral;
        var text = new StringBuilder(card.reference()).append(' ').append(type.verb());
        switch (type) {
            case STAGE_CHANGED -> text.append(" to ").append(card.stage().label().toLowerCase());
            case POLICE_CHECK_DONE -> {
            }
            case REFERRAL_DECIDED -> {
                if (card.outcome() != null) {
                    text.append(" · ").append(card.outcome().label());
                }
            }
            default -> text.append(" · ").append(card.source().label());
        }
        text.append(" · ").append(card.rag() == null ? "Not rated" : card.rag().label());
        return text.toString();
    }
}
