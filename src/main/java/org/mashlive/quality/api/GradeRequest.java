package org.mashlive.quality.api;

import java.util.Map;

/**
 * A grade of one sampled decision.
 *
 * @param reference the referral, {@code MASH-2026-000123}
 * @param answers   an answer ({@code MET}, {@code PARTLY_MET}, {@code NOT_MET}, {@code NOT_APPLICABLE}) for
 *                  every item of the checklist, by the item's words
 * @param grade     the overall grade: {@code OUTSTANDING}, {@code GOOD}, {@code REQUIRES_IMPROVEMENT}, {@code INADEQUATE}
 * @param feedback  what the practitioner who decided is told
 */
public record GradeRequest(String reference, Map<String, String> answers, String grade, String feedback) {
}
