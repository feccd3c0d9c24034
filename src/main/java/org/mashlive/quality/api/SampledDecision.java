package org.mashlive.quality.api;

import java.time.Instant;

/**
 * A decision in a QA sample, with what a grader needs to judge it; never the child's name, address or
 * date of birth.
 *
 * @param reference          the referral
 * @param source             where the contact came from ({@code POLICE})
 * @param rag                its RAG when decided, {@code UNRATED} when it had none
 * @param stratum            {@code source/rag}, the stratum it was drawn from
 * @param consent            how consent was handled ({@code GIVEN}, {@code OVERRIDDEN}, …)
 * @param outcome            the decision's outcome ({@code EARLY_HELP})
 * @param threshold          the threshold the decider applied
 * @param nextStep           the next step
 * @param rationale          why, in the decider's words
 * @param decidedBy          who decided (account name)
 * @param decidedByName      who decided, as the hub knows them
 * @param receivedAt         when the contact arrived
 * @param decidedAt          when it was decided
 * @param decisionDueAt      when its decision was due (one working day)
 * @param withinTimescale    whether it was decided by then
 * @param grade              its grade, or null while ungraded
 */
public record SampledDecision(String reference, String source, String rag, String stratum, String consent,
                              String outcome, String threshold, String nextStep, String rationale, String decidedBy,
                              String decidedByName, Instant receivedAt, Instant decidedAt, Instant decisionDueAt,
                              boolean withinTimescale, QaGrade grade) {
}
