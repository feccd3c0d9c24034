package org.mashlive.referral;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;

/**
 * A contact as it arrives at the front door ({@code POST /api/referrals}).
 *
 * @param externalRef           the sender's own reference (a MERLIN id for police): the same one
 *                              twice yields one referral
 * @param channel               how it came in
 * @param source                who sent it
 * @param healthType            for health contacts, which part of health
 * @param merlinId              for police contacts, the MERLIN id when it differs from externalRef
 * @param child                 the child, when the contact is about one
 * @param children              the children, in place of {@code child}, when it names several (a
 *                              household in one MERLIN): one referral each, in this order
 * @param concern               what the concern is
 * @param rag                   a RAG already set at intake, or null to rate at screening
 * @param flags                 child flags
 * @param consent               consent status; NOT_SOUGHT when not given
 * @param consentOverrideReason why consent was overridden; required when consent is OVERRIDDEN
 * @param referrer              who made the contact and how to reach them, for duty screens only
 * @param policeRiskLevel       for police contacts, the police's own risk grading
 * @param informationOnly       true for a contact the hub is told for its information, which needs
 *                              no decision; null or false otherwise
 */
public record NewReferral(
        @Size(max = 64) String externalRef,
        @NotNull Channel channel,
        @NotNull Source source,
        HealthType healthType,
        @Size(max = 64) String merlinId,
        @Valid Child child,
        @Size(min = 1, max = MAX_CHILDREN) List<@NotNull @Valid Child> children,
        @NotBlank @Size(max = 4000) String concern,
        Rag rag,
        Set<Flag> flags,
        Consent consent,
        @Size(max = 1000) String consentOverrideReason,
        @Valid Referrer referrer,
        PoliceRisk policeRiskLevel,
        Boolean informationOnly) {

    /** The most children one contact may name: a household, not a list of a school's pupils. */
    public static final int MAX_CHILDREN = 20;

    /** A contact about one child. */
    public NewReferral(String externalRef, Channel channel, Source source, HealthType healthType, String merlinId,
                       Child child, String concern, Rag rag, Set<Flag> flags, Consent consent,
                       String consentOverrideReason) {
        this(externalRef, channel, source, healthType, merlinId, child, null, concern, rag, flags, consent,
                consentOverrideReason, null, null);
    }

    /** A contact that needs a decision. */
    public NewReferral(String externalRef, Channel channel, Source source, HealthType healthType, String merlinId,
                       Child child, List<Child> children, String concern, Rag rag, Set<Flag> flags, Consent consent,
                       String consentOverrideReason, Referrer referrer, PoliceRisk policeRiskLevel) {
        this(externalRef, channel, source, healthType, merlinId, child, children, concern, rag, flags, consent,
                consentOverrideReason, referrer, policeRiskLevel, null);
    }

    /** Whether it is for information only, needing no decision. */
    public boolean forInformationOnly() {
        return Boolean.TRUE.equals(informationOnly);
    }

    public NewReferral {
        children = children == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(children));
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        consent = consent == null ? Consent.NOT_SOUGHT : consent;
        externalRef = externalRef == null || externalRef.isBlank() ? null : externalRef.strip();
    }

    /** Whether the contact came with {@code children} rather than one {@code child}. */
    public boolean several() {
        return children != null;
    }

    /** The children it names, in the order given: its one {@code child}, or its {@code children}. */
    public List<Child> named() {
        return children != null ? children : child == null ? List.of() : List.of(child);
    }
}
