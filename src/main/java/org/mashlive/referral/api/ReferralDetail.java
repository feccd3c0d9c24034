package org.mashlive.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.board.api.Stage;

/**
 * A referral's identifying detail, for the duty lead who asked for it and no one else.
 *
 * @param id                    its id
 * @param reference             {@code MASH-2026-000123}
 * @param receivedAt            when it came in (UTC)
 * @param source                who referred
 * @param firstName             the child's first name, null when not known
 * @param lastName              the child's last name
 * @param dateOfBirth           the child's date of birth, null when not known
 * @param concern               the concern as the referrer put it
 * @param consent               {@code GIVEN}, {@code REFUSED}, {@code NOT_SOUGHT} or {@code OVERRIDDEN}
 * @param consentOverrideReason why consent was overridden, when it was
 * @param rag                   the current RAG, null while not rated
 * @param stage                 where it is now
 * @param ragHistory            every change of its RAG with the reason, oldest first
 * @param estimatedAge          the child's age as estimated at intake, when the date of birth is not known
 * @param expectedDeliveryDate  for an unborn child, when it is expected
 * @param referrer              who made the contact and how to reach them, null when not recorded
 * @param policeRiskLevel       the police's own risk grading of a notification ({@code STANDARD},
 *                              {@code MEDIUM}, {@code HIGH}), null when not given
 * @param siblings              the references of the other children named in the same contact, in
 *                              the order it named them; empty for a contact about one child
 */
public record ReferralDetail(long id, String reference, Instant receivedAt, Source source, String firstName,
                             String lastName, LocalDate dateOfBirth, String concern, String consent,
                             String consentOverrideReason, Rag rag, Stage stage, List<RagStep> ragHistory,
                             Integer estimatedAge, LocalDate expectedDeliveryDate, Referrer referrer,
                             String policeRiskLevel, List<String> siblings) {

    /** The detail of a child whose name and date of birth are known. */
    public ReferralDetail(long id, String reference, Instant receivedAt, Source source, String firstName,
                          String lastName, LocalDate dateOfBirth, String concern, String consent,
                          String consentOverrideReason, Rag rag, Stage stage, List<RagStep> ragHistory) {
        this(id, reference, receivedAt, source, firstName, lastName, dateOfBirth, concern, consent,
                consentOverrideReason, rag, stage, ragHistory, null, null, null, null, List.of());
    }

    /**
     * Who made the contact.
     *
     * @param name    the person
     * @param role    their role, or null
     * @param agency  where they work, or null
     * @param contact a telephone number or email address, or null
     */
    public record Referrer(String name, String role, String agency, String contact) {
    }

    public ReferralDetail {
        ragHistory = ragHistory == null ? List.of() : List.copyOf(ragHistory);
        siblings = siblings == null ? List.of() : List.copyOf(siblings);
    }

    /**
     * One change of the RAG.
     *
     * @param at     when
     * @param from   before, null when first rated
     * @param to     after
     * @param reason why, in the screener's words
     */
    public record RagStep(Instant at, Rag from, Rag to, String reason) {
    }
}
