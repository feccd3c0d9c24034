package org.mashlive.board.api;

import java.time.Instant;
import java.util.Set;

/**
 * A contact as the board may show it: reference, initials and a pseudonymous child key, never a
 * name, address or date of birth.
 *
 * @param id          the referral's database id
 * @param reference   the human reference, {@code MASH-2026-000123}
 * @param receivedAt  when the contact came in (UTC)
 * @param channel     how it came in
 * @param source      who made it
 * @param initials    the child's initials, for example {@code A.S.}
 * @param childKey    a pseudonymous key that is the same for the same child and reveals nothing
 * @param rag         the current RAG, or null while not yet rated
 * @param stage       where it is now
 * @param flags       child flags
 * @param reReferral  whether the same child was referred in the 12 months before
 * @param dueAt       when its timescale runs out (for the current RAG)
 * @param outcome     the decision, or null while open
 * @param decidedAt   when it was decided, or null while open
 * @param policeCheck where its police checks stand; null is read as {@link PoliceCheck#NOT_NEEDED}
 * @param decisionDueAt when the statutory decision is due (one working day from receipt by
 *                    default), beside the RAG's {@code dueAt}; null when not known (a card made
 *                    without it, or read from an older event)
 * @param awaitingSignOffSince since when a decision on it has waited for a lead's sign-off, or null
 * @param healthType  for a health contact, which part of health it came from ({@code GP},
 *                    {@code CAMHS}…), or null: a service, never a person
 * @param contactId   the contact it was named in: the referrals of a household's children named in
 *                    one contact share it; null when not known (a card made without it)
 */
public record ReferralCard(
        long id,
        String reference,
        Instant receivedAt,
        Channel channel,
        Source source,
        String initials,
        String childKey,
        Rag rag,
        Stage stage,
        Set<Flag> flags,
        boolean reReferral,
        Instant dueAt,
        Outcome outcome,
        Instant decidedAt,
        PoliceCheck policeCheck,
        Instant decisionDueAt,
        Instant awaitingSignOffSince,
        String healthType,
        Long contactId) {

    public ReferralCard {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        policeCheck = policeCheck == null ? PoliceCheck.NOT_NEEDED : policeCheck;
    }

    /** A card whose contact is not known. */
    public ReferralCard(long id, String reference, Instant receivedAt, Channel channel, Source source, String initials,
                        String childKey, Rag rag, Stage stage, Set<Flag> flags, boolean reReferral, Instant dueAt,
                        Outcome outcome, Instant decidedAt, PoliceCheck policeCheck, Instant decisionDueAt,
                        Instant awaitingSignOffSince, String healthType) {
        this(id, reference, receivedAt, channel, source, initials, childKey, rag, stage, flags, reReferral, dueAt,
                outcome, decidedAt, policeCheck, decisionDueAt, awaitingSignOffSince, healthType, null);
    }

    /** A card with no decision waiting for sign-off and without the part of health it came from. */
    public ReferralCard(long id, String reference, Instant receivedAt, Channel channel, Source source, String initials,
                        String childKey, Rag rag, Stage stage, Set<Flag> flags, boolean reReferral, Instant dueAt,
                        Outcome outcome, Instant decidedAt, PoliceCheck policeCheck, Instant decisionDueAt) {
        this(id, reference, receivedAt, channel, source, initials, childKey, rag, stage, flags, reReferral, dueAt,
                outcome, decidedAt, policeCheck, decisionDueAt, null, null);
    }

    /** A card without the part of health it came from. */
    public ReferralCard(long id, String reference, Instant receivedAt, Channel channel, Source source, String initials,
                        String childKey, Rag rag, Stage stage, Set<Flag> flags, boolean reReferral, Instant dueAt,
                        Outcome outcome, Instant decidedAt, PoliceCheck policeCheck, Instant decisionDueAt,
                        Instant awaitingSignOffSince) {
        this(id, reference, receivedAt, channel, source, initials, childKey, rag, stage, flags, reReferral, dueAt,
                outcome, decidedAt, policeCheck, decisionDueAt, awaitingSignOffSince, null);
    }

    /** A card with no decision waiting for sign-off. */
    public ReferralCard(long id, String reference, Instant receivedAt, Channel channel, Source source, String initials,
                        String childKey, Rag rag, Stage stage, Set<Flag> flags, boolean reReferral, Instant dueAt,
                        Outcome outcome, Instant decidedAt, PoliceCheck policeCheck, Instant decisionDueAt,
                        String healthType) {
        this(id, reference, receivedAt, channel, source, initials, childKey, rag, stage, flags, reReferral, dueAt,
                outcome, decidedAt, policeCheck, decisionDueAt, null, healthType);
    }

    /** Whether a decision on it waits for a lead's sign-off. */
    public boolean awaitingSignOff() {
        return open() && awaitingSignOffSince != null;
    }

    /** A card without the statutory decision time. */
    public ReferralCard(long id, String reference, Instant receivedAt, Channel channel, Source source, String initials,
                        String childKey, Rag rag, Stage stage, Set<Flag> flags, boolean reReferral, Instant dueAt,
                        Outcome outcome, Instant decidedAt, PoliceCheck policeCheck) {
        this(id, reference, receivedAt, channel, source, initials, childKey, rag, stage, flags, reReferral, dueAt,
                outcome, decidedAt, policeCheck, null, null, null);
    }

    /** A card with no police check due. */
    public ReferralCard(long id, String reference, Instant receivedAt, Channel channel, Source source, String initials,
                        String childKey, Rag rag, Stage stage, Set<Flag> flags, boolean reReferral, Instant dueAt,
                        Outcome outcome, Instant decidedAt) {
        this(id, reference, receivedAt, channel, source, initials, childKey, rag, stage, flags, reReferral, dueAt,
                outcome, decidedAt, PoliceCheck.NOT_NEEDED, null, null, null);
    }

    /** Whether police checks are waiting on this referral while it is open. */
    public boolean awaitingPoliceCheck() {
        return open() && policeCheck == PoliceCheck.WAITING;
    }

    /** Whether it is still waiting for a decision. */
    public boolean open() {
        return stage.open();
    }

    /**
     * Whether its statutory decision is overdue at {@code now}: still open past its decision time.
     * Counted apart from {@link #breachedAt}, because the RAG clock can still be running when the
     * decision is already late.
     */
    public boolean decisionOverdueAt(Instant now) {
        return open() && decisionDueAt != null && now.isAfter(decisionDueAt);
    }

    /** Whether its timescale has run out at {@code now} while still open. */
    public boolean breachedAt(Instant now) {
        return open() && dueAt != null && now.isAfter(dueAt);
    }
}
