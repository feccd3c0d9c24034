package org.mashlive.referral;

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
 * @param child                 the child
 * @param concern               what the concern is
 * @param rag                   a RAG already set at intake, or null to rate at screening
 * @param flags                 child flags
 * @param consent               consent status; NOT_SOUGHT when not given
 * @param consentOverrideReason why consent was overridden; required when consent is OVERRIDDEN
 */
public record NewReferral(
        @Size(max = 64) String externalRef,
        @NotNull Channel channel,
        @NotNull Source source,
        HealthType healthType,
        @Size(max = 64) String merlinId,
        @NotNull @Valid Child child,
        @NotBlank @Size(max = 4000) String concern,
        Rag rag,
        Set<Flag> flags,
        Consent consent,
        @Size(max = 1000) String consentOverrideReason) {

    public NewReferral {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        consent = consent == null ? Consent.NOT_SOUGHT : consent;
        externalRef = externalRef == null || externalRef.isBlank() ? null : externalRef.strip();
    }
}
