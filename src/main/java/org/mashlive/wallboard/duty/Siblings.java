package org.mashlive.wallboard.duty;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.mashlive.board.api.ReferralCard;

/**
 * The children of one contact in the queue: how many open referrals each contact has, so a
 * household named in one police notification reads as one ("3 siblings") and sorts together.
 */
final class Siblings {

    private final Map<Long, Integer> byContact;

    private Siblings(Map<Long, Integer> byContact) {
        this.byContact = Map.copyOf(byContact);
    }

    static final Siblings NONE = new Siblings(Map.of());

    static Siblings of(Collection<ReferralCard> open) {
        var byContact = new HashMap<Long, Integer>();
        for (var card : open) {
            if (card.contactId() != null && card.open()) {
                byContact.merge(card.contactId(), 1, Integer::sum);
            }
        }
        return new Siblings(byContact);
    }

    /** How many open referrals the contact of {@code card} has, itself included; 1 when it is alone or not known. */
    int count(ReferralCard card) {
        return card.contactId() == null ? 1 : byContact.getOrDefault(card.contactId(), 1);
    }

    /** "3 siblings" when the contact has other open referrals, otherwise nothing. */
    String text(ReferralCard card) {
        int n = count(card);
        return n < 2 ? "" : n + " siblings";
    }

    /**
     * A key that sorts the referrals of one contact next to each other (a child added to the contact
     * later too), contacts in the order they were first received, children in the order named.
     */
    static String groupKey(ReferralCard card) {
        return "%019d|%s".formatted(card.contactId() == null ? 0 : card.contactId(), card.reference());
    }
}
