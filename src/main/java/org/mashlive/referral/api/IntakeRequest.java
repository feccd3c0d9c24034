package org.mashlive.referral.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;

/**
 * A contact entered by hand on the intake screen ({@link ReferralRoutes#INTAKE}): a phone call or
 * an email to the hub, with the children it names. It is checked exactly as {@code POST
 * /api/referrals} checks a contact with {@code children}, and errors name fields the same way
 * ({@code children[1].lastName}). Values the API takes as names ({@code healthType},
 * {@code consent}) arrive as text.
 *
 * @param children the children, in the order entered; each becomes its own referral
 * @param referrer who called or wrote, and how to reach them
 * @param informationOnly true when the hub is told for its information only: no decision is needed
 */
public record IntakeRequest(Channel channel, Source source, String healthType, List<ChildEntry> children,
                            String concern, Rag rag, Set<Flag> flags, String consent, String consentOverrideReason,
                            ReferralDetail.Referrer referrer, Boolean informationOnly) {

    /** A contact that needs a decision. */
    public IntakeRequest(Channel channel, Source source, String healthType, List<ChildEntry> children,
                         String concern, Rag rag, Set<Flag> flags, String consent, String consentOverrideReason,
                         ReferralDetail.Referrer referrer) {
        this(channel, source, healthType, children, concern, rag, flags, consent, consentOverrideReason, referrer,
                null);
    }

    /**
     * One child as entered: a family name, and exactly one of a date of birth, an estimated age
     * or (unborn) an expected date of delivery; the first name left out when not known.
     */
    public record ChildEntry(String firstName, String lastName, LocalDate dateOfBirth, Integer estimatedAge,
                             LocalDate expectedDeliveryDate) {
    }
}
