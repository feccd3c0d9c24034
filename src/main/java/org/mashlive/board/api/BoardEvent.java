package org.mashlive.board.api;

import java.time.Instant;

/**
 * One committed change, as it stands in the outbox. Exactly one of {@code referral},
 * {@code staff}, {@code shift} and {@code allocation} is set, the one
 * {@link BoardEventType#subject()} names.
 *
 * @param seq      its position: gapless and in commit order, so a client can tell when it missed one
 * @param at       when it was written, just before its commit (UTC)
 * @param type     what happened
 * @param referral for a referral event, the referral as it is after the change
 * @param staff    for a staff event, the person as they are after the change
 * @param shift    for a shift event, the shift added or removed
 * @param allocation for an allocation event, who has the case now
 * @param partnerRequest for a partner request event, the request as it is after the change
 */
public record BoardEvent(long seq, Instant at, BoardEventType type, ReferralCard referral, StaffCard staff,
                         ShiftCard shift, AllocationCard allocation, PartnerRequestCard partnerRequest) {

    public BoardEvent {
        var subject = switch (type.subject()) {
            case REFERRAL -> referral;
            case STAFF -> staff;
            case SHIFT -> shift;
            case ALLOCATION -> allocation;
            case PARTNER_REQUEST -> partnerRequest;
        };
        if (subject == null) {
            throw new IllegalArgumentException(type + " needs its " + type.subject().name().toLowerCase() + " card");
        }
    }

    /** An event about anything but a partner request. */
    public BoardEvent(long seq, Instant at, BoardEventType type, ReferralCard referral, StaffCard staff,
                      ShiftCard shift, AllocationCard allocation) {
        this(seq, at, type, referral, staff, shift, allocation, null);
    }

    /** A referral event. */
    public BoardEvent(long seq, Instant at, BoardEventType type, ReferralCard referral) {
        this(seq, at, type, referral, null, null, null);
    }

    /** A staff event. */
    public static BoardEvent of(long seq, Instant at, BoardEventType type, StaffCard staff) {
        return new BoardEvent(seq, at, type, null, staff, null, null);
    }

    /** A shift event. */
    public static BoardEvent of(long seq, Instant at, BoardEventType type, ShiftCard shift) {
        return new BoardEvent(seq, at, type, null, null, shift, null);
    }

    /** An allocation event. */
    public static BoardEvent of(long seq, Instant at, BoardEventType type, AllocationCard allocation) {
        return new BoardEvent(seq, at, type, null, null, null, allocation);
    }

    /**
     * An event of {@code type} about {@code card}, a {@link ReferralCard}, {@link StaffCard} or
     * {@link ShiftCard} as the type's subject says.
     *
     * @throws IllegalArgumentException when the card is not the type's subject
     */
    public static BoardEvent of(long seq, Instant at, BoardEventType type, Object card) {
        return switch (card) {
            case ReferralCard referral -> new BoardEvent(seq, at, type, referral, null, null, null);
            case StaffCard person -> new BoardEvent(seq, at, type, null, person, null, null);
            case ShiftCard shift -> new BoardEvent(seq, at, type, null, null, shift, null);
            case AllocationCard allocation -> new BoardEvent(seq, at, type, null, null, null, allocation);
            case PartnerRequestCard request -> new BoardEvent(seq, at, type, null, null, null, null, request);
            default -> throw new IllegalArgumentException("not a board card: " + card);
        };
    }

    /** Whether the ticker shows it: referral events, and who a case was given to. */
    public boolean onTicker() {
        return type.subject() == BoardEventType.Subject.REFERRAL || type.subject() == BoardEventType.Subject.ALLOCATION;
    }

    /** Whether it is about a referral. */
    public boolean aboutReferral() {
        return type.subject() == BoardEventType.Subject.REFERRAL;
    }

    /**
     * The ticker line of a referral event, for example
     * {@code MASH-2026-000123 received · Police · Amber}; for a staff or shift event a plain line
     * such as {@code J. Patel changed}.
     */
    public String tickerText() {
        if (allocation != null) {
            return allocation.reference() + (allocation.workType() == WorkType.POLICE_CHECK ? " police checks" : "")
                    + " allocated to " + allocation.staffName();
        }
        if (partnerRequest != null) {
            return partnerRequest.reference() + " " + partnerRequest.partnerLabel() + " " + type.verb();
        }
        if (!aboutReferral()) {
            return staff != null
                    ? staff.displayName() + " " + type.verb()
                    : "Shift " + shift.id() + " " + type.verb();
        }
        var card = referral;
        var text = new StringBuilder(card.reference()).append(' ').append(type.verb());
        switch (type) {
            case STAGE_CHANGED -> text.append(" to ").append(card.stage().label().toLowerCase());
            case POLICE_CHECK_DONE, DECISION_AWAITING_SIGN_OFF, DECISION_RETURNED -> {
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
