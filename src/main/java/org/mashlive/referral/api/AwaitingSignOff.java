package org.mashlive.referral.api;

import java.time.Instant;

import org.mashlive.board.api.Outcome;
import org.mashlive.board.api.Rag;

/**
 * A decision waiting for a lead's sign-off, as the sign-off queue shows it to duty leads. It carries the
 * rationale, which may name people: duty screens only.
 *
 * @param referralId    the referral's id
 * @param reference     the referral's reference
 * @param rag           the referral's RAG, null while not rated
 * @param outcome       the outcome decided
 * @param threshold     the threshold level applied
 * @param nextStep      the next step
 * @param receivingTeam the receiving team by name, or null
 * @param rationale     why
 * @param decidedBy     the account that decided (who may not sign it off)
 * @param decidedByName how the hub knows them, with their role
 * @param decidedAt     when it was decided: it has waited since
 * @param decisionDueAt when the statutory decision is due
 */
public record AwaitingSignOff(long referralId, String reference, Rag rag, Outcome outcome, String threshold,
                              NextStep nextStep, String receivingTeam, String rationale, String decidedBy,
                              String decidedByName, Instant decidedAt, Instant decisionDueAt) {
}
