package org.mashlive.quality.api;

import java.time.Instant;
import java.util.List;

/**
 * A graded decision, as the grader gave it and the practitioner reads it.
 *
 * @param reference     the referral
 * @param week          the week of the sample it was drawn in
 * @param outcome       the decision's outcome, by name ({@code EARLY_HELP})
 * @param decidedAt     when the decision was made
 * @param decidedBy     who made it (account name)
 * @param decidedByName who made it, as the hub knows them
 * @param answers       the checklist, item by item
 * @param grade         the overall grade
 * @param feedback      the grader's words to the practitioner
 * @param gradedAt      when
 * @param gradedByName  who graded it
 */
public record QaGrade(String reference, String week, String outcome, Instant decidedAt, String decidedBy,
                      String decidedByName, List<QaAnswer> answers, String grade, String feedback, Instant gradedAt,
                      String gradedByName) {
}
