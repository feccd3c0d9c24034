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
 * @param receivedBy            who took it in, by display name and role ({@code Sam Okafor (duty lead)})
 * @param decisions             every decision on it, oldest first, returned ones too
 * @param trail                 who did what to it, oldest first, each by display name and role
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
                             String receivedBy, List<DecisionStep> decisions, List<TrailStep> trail,
                             Integer estimatedAge, LocalDate expectedDeliveryDate, Referrer referrer,
                             String policeRiskLevel, List<String> siblings) {

    /** The detail of a child whose name and date of birth are known, without who did what. */
    public ReferralDetail(long id, String reference, Instant receivedAt, Source source, String firstName,
                          String lastName, LocalDate dateOfBirth, String concern, String consent,
                          String consentOverrideReason, Rag rag, Stage stage, List<RagStep> ragHistory) {
        this(id, reference, receivedAt, source, firstName, lastName, dateOfBirth, concern, consent,
                consentOverrideReason, rag, stage, ragHistory, null, null, null, null, null, null, null, List.of());
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
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        trail = trail == null ? List.of() : List.copyOf(trail);
        siblings = siblings == null ? List.of() : List.copyOf(siblings);
    }


    /** The decision awaiting sign-off, if one does. */
    public java.util.Optional<DecisionStep> awaitingSignOff() {
        return decisions.stream().filter(d -> "AWAITING_SIGN_OFF".equals(d.status())).findFirst();
    }

    /**
     * One decision.
     *
     * @param outcome         the outcome
     * @param rationale       why, in the decision maker's words (may name people)
     * @param threshold       the threshold level applied; null for decisions made before it was recorded
     * @param nextStep        the next step
     * @param receivingTeam   the receiving team by name, or null
     * @param referrerToldAt  when the referrer was told, or null
     * @param referrerToldHow how, or null
     * @param decidedAt       when it was made
     * @param decidedBy       who made it, by display name and role
     * @param decidedByAccount the account that made it (who may not sign it off)
     * @param status          AWAITING_SIGN_OFF, SIGNED_OFF, RETURNED, NOT_NEEDED or NOT_RECORDED
     * @param settledAt       when it was signed off or returned
     * @param settledBy       who signed it off or returned it, by display name and role
     * @param returnReason    why it was returned
     */
    public record DecisionStep(org.mashlive.board.api.Outcome outcome, String rationale, String threshold,
                               NextStep nextStep, String receivingTeam, Instant referrerToldAt,
                               FeedbackWay referrerToldHow, Instant decidedAt, String decidedBy,
                               String decidedByAccount, String status, Instant settledAt, String settledBy,
                               String returnReason) {
    }

    /**
     * One line of who did what.
     *
     * @param at     when
     * @param action what, as the audit trail names it ({@code RAG_CHANGED})
     * @param by     who, by display name and role
     * @param detail what else the trail says
     */
    public record TrailStep(Instant at, String action, String by, String detail) {
    }

    /**
     * One change of the RAG.
     *
     * @param at     when
     * @param from   before, null when first rated
     * @param to     after
     * @param reason why, in the screener's words
     * @param by     who, by display name and role; null when not known to the sender
     */
    public record RagStep(Instant at, Rag from, Rag to, String reason, String by) {

        public RagStep(Instant at, Rag from, Rag to, String reason) {
            this(at, from, to, reason, null);
        }
    }
}
